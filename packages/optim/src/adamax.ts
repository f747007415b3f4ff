import type { OptimizerDefinition } from './definition.js';
import { choice, type CommonHyper, commonTable, nonNegative, unitOpenPair, positive } from './hyper.js';
import { type BiasCorrections, biasCorrections, ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** Adamax's options as numbers at one update. */
export interface AdamaxHyper extends CommonHyper {
  /** [β₁, β₂], each in [0, 1); default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** ε: PyTorch and optax 1e-8, Keras 1e-7. */
  eps: number;
  /**
   * Where ε sits: `'max'`, inside the maximum, `u ← max(β₂·u, |g| + ε)` (PyTorch, optax), or
   * `'outside'`, `u ← max(β₂·u, |g|)` and a step `m̂ / (u + ε)` (Keras).
   */
  epsPlacement: 'max' | 'outside';
}

/** Adamax's buffers: first moment m and the exponentially weighted infinity norm u. */
export interface AdamaxBuffers {
  [key: string]: number;
  expAvg: number;
  expInf: number;
}

/**
 * PyTorch's Adamax (Kingma & Ba, section 7), one parameter, update t:
 *
 *     m ← β₁·m + (1 − β₁)·g
 *     u ← max(β₂·u, |g| + ε)                   ('outside': max(β₂·u, |g|), then u + ε below)
 *     θ ← θ − γ/(1 − β₁ᵗ) · m / u
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 * @param c - the bias corrections of this update (see `biasCorrections`)
 */
export function adamaxUpdate(s: AdamaxBuffers, data: number, grad: number, h: AdamaxHyper, c: BiasCorrections): number {
  s.expAvg = ema(s.expAvg, grad, h.betas[0]);
  const inMax = h.epsPlacement === 'max';
  s.expInf = Math.max(h.betas[1] * s.expInf, inMax ? Math.abs(grad) + h.eps : Math.abs(grad));
  const denominator = inMax ? s.expInf : s.expInf + h.eps;
  return data - (h.lr / c.bias1) * (s.expAvg / denominator);
}

/** Adamax's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const adamaxDefinition: OptimizerDefinition<AdamaxHyper, AdamaxBuffers, BiasCorrections> = {
  name: 'Adamax',
  table: { ...commonTable, betas: unitOpenPair, eps: positive, epsPlacement: choice(['max', 'outside']) },
  defaults: { lr: 0.002, betas: [0.9, 0.999], eps: 1e-8, epsPlacement: 'max' },
  presets: {
    keras: { lr: 0.001, eps: 1e-7, epsPlacement: 'outside' },
    // optax's scale_by_adamax: u ← max(|g| + ε, β₂·u), then m̂ / u: ε in the maximum, as PyTorch.
    optax: { lr: undefined },
  },
  buffers: () => ({ expAvg: 0, expInf: 0 }),
  // A maximum of absolute values, >= 0 (the update divides by it).
  bufferRules: { expInf: nonNegative },
  perUpdate: biasCorrections,
  update: adamaxUpdate,
};

/**
 * Adamax's options: each option of {@link AdamaxHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface AdamaxOptions extends Options<AdamaxHyper> {}

/**
 * Adamax, PyTorch's formula (see `adamaxUpdate`): Adam with the infinity norm in place of the
 * root mean square. Defaults (PyTorch): lr 0.002, betas [0.9, 0.999], eps 1e-8.
 *
 * @example
 * const opt = new Adamax(model.parameters());
 */
export class Adamax extends OptimizerBase<AdamaxHyper, AdamaxBuffers, BiasCorrections> {
  /**
   * An Adamax optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link AdamaxOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<AdamaxHyper>, options: AdamaxOptions = {}) {
    super(adamaxDefinition, params, options);
  }
}
