import type { OptimizerDefinition } from './definition.js';
import { choice, type CommonHyper, commonTable, nonNegative, unitOpenPair, positive } from './hyper.js';
import { adamDenominator, type BiasCorrections, biasCorrections, ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** RAdam's options as numbers at one update. */
export interface RadamHyper extends CommonHyper {
  /** [β₁, β₂], each in [0, 1); default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** ε; default 1e-8. */
  eps: number;
  /** optax's `eps_root`, under the square root; default 0. */
  epsRoot: number;
  /**
   * Where ε sits in the adaptive term: `'hat'`, `√(1 − β₂ᵗ) / (√v + ε)` (PyTorch's code), or
   * `'outside'`, `1 / (√v̂ + ε)` (optax).
   */
  epsPlacement: 'hat' | 'outside';
}

/** RAdam's buffers: m and v. */
export interface RadamBuffers {
  [key: string]: number;
  expAvg: number;
  expAvgSq: number;
}

/**
 * PyTorch's RAdam (Liu et al., 2020), one parameter, update t:
 *
 *     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,   m̂ = m/(1 − β₁ᵗ)
 *     ρ∞ = 2/(1 − β₂) − 1,   ρ_t = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
 *     ρ_t > 5:  r = √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
 *               θ ← θ − γ·m̂·r·√(1 − β₂ᵗ)/(√v + ε)
 *     else:     θ ← θ − γ·m̂            (plain momentum while the variance estimate is unreliable)
 *
 * PyTorch switches at ρ_t > 5, optax at ρ_t >= 5 (they differ only if ρ_t is exactly 5).
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 * @param c - the bias corrections of this update (see `biasCorrections`)
 */
export function radamUpdate(s: RadamBuffers, data: number, grad: number, h: RadamHyper, c: BiasCorrections): number {
  const beta2 = h.betas[1];
  s.expAvg = ema(s.expAvg, grad, h.betas[0]);
  s.expAvgSq = ema(s.expAvgSq, grad * grad, beta2);
  const corrected = s.expAvg / c.bias1;
  const bc2 = c.bias2;
  const rhoInf = 2 / (1 - beta2) - 1;
  const rho = rhoInf - (2 * c.t * (1 - bc2)) / bc2; // β₂ᵗ = 1 − bc2
  if (!(rho > 5)) return data - corrected * h.lr;
  const rect = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
  // Divided, not multiplied by PyTorch's reciprocal `adaptive_lr`: with a tiny eps and v = 0 the
  // reciprocal is Infinity and 0·Infinity = NaN, while 0 / eps = 0.
  return data - (corrected * h.lr * rect) / adamDenominator(s.expAvgSq, bc2, h.eps, h.epsRoot, h.epsPlacement === 'hat');
}

/** RAdam's definition: rules, PyTorch's defaults, the optax preset (Keras has none), the formula. */
export const radamDefinition: OptimizerDefinition<RadamHyper, RadamBuffers, BiasCorrections> = {
  name: 'RAdam',
  table: { ...commonTable, betas: unitOpenPair, eps: positive, epsRoot: nonNegative, epsPlacement: choice(['hat', 'outside']) },
  defaults: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, epsRoot: 0, epsPlacement: 'hat' },
  presets: {
    keras: 'Keras has no RAdam',
    optax: { lr: undefined, epsPlacement: 'outside' },
  },
  buffers: () => ({ expAvg: 0, expAvgSq: 0 }),
  // An average of squares: the update takes its square root.
  bufferRules: { expAvgSq: nonNegative },
  perUpdate: biasCorrections,
  update: radamUpdate,
};

/**
 * RAdam's options: each option of {@link RadamHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface RadamOptions extends Options<RadamHyper> {}

/**
 * RAdam: Adam with its adaptive term switched on only once the variance of v is tractable
 * (ρ_t > 5) and rectified by r; before that, bias-corrected momentum SGD. PyTorch's formula
 * (see `radamUpdate`). Defaults (PyTorch): lr 0.001, betas [0.9, 0.999], eps 1e-8.
 *
 * @example
 * const opt = new RAdam(model.parameters(), { lr: 1e-3 });
 */
export class RAdam extends OptimizerBase<RadamHyper, RadamBuffers, BiasCorrections> {
  /**
   * An RAdam optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link RadamOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<RadamHyper>, options: RadamOptions = {}) {
    super(radamDefinition, params, options);
  }
}
