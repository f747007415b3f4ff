import type { OptimizerDefinition } from './definition.js';
import { choice, type CommonHyper, commonTable, flag, nonNegative, unitOpenPair, positive } from './hyper.js';
import { adamDenominator, type BiasCorrections, biasCorrections, ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** Adam's (and AdamW's) options as numbers at one update. */
export interface AdamHyper extends CommonHyper {
  /** [β₁, β₂], each in [0, 1): decay of the first and second moment averages; default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** ε: PyTorch and optax 1e-8, Keras 1e-7. */
  eps: number;
  /** AMSGrad (Reddi et al.): divide by the running maximum of the second moment; default false. */
  amsgrad: boolean;
  /**
   * Where ε sits: `'outside'`, `√v̂ + ε` after bias correction (PyTorch, optax), or `'hat'`, Keras'
   * ε̂ form `γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)` (ε before bias correction).
   */
  epsPlacement: 'outside' | 'hat';
  /** optax's `eps_root`, added under the square root: `√(v̂ + εroot) + ε`; default 0. */
  epsRoot: number;
  /**
   * What AMSGrad maximizes: `'raw'` second moments, bias-corrected at each step (PyTorch's code,
   * Keras), or `'corrected'` ones, v̂ (optax). Default `'raw'`.
   */
  amsgradMax: 'raw' | 'corrected';
}

/** Adam's buffers: first moment m, second moment v, AMSGrad's maximum. */
export interface AdamBuffers {
  [key: string]: number;
  expAvg: number;
  expAvgSq: number;
  maxExpAvgSq: number;
}

/**
 * PyTorch's Adam, one parameter, update t:
 *
 *     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
 *     v_max ← max(v_max, v), v ← v_max                     (amsgrad, 'raw')
 *     θ ← θ − γ/(1 − β₁ᵗ) · m / (√(v/(1 − β₂ᵗ)) + ε)         ('hat': see `adamDenominator`)
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 * @param c - the bias corrections of this update (see `biasCorrections`)
 */
export function adamUpdate(s: AdamBuffers, data: number, grad: number, h: AdamHyper, c: BiasCorrections): number {
  s.expAvg = ema(s.expAvg, grad, h.betas[0]);
  s.expAvgSq = ema(s.expAvgSq, grad * grad, h.betas[1]);
  const bc2 = c.bias2;
  let v = s.expAvgSq;
  if (h.amsgrad) {
    if (h.amsgradMax === 'raw') {
      s.maxExpAvgSq = Math.max(s.maxExpAvgSq, v);
      v = s.maxExpAvgSq;
    } else {
      s.maxExpAvgSq = Math.max(s.maxExpAvgSq, v / bc2);
      v = s.maxExpAvgSq * bc2;
    }
  }
  return data - (h.lr / c.bias1) * (s.expAvg / adamDenominator(v, bc2, h.eps, h.epsRoot, h.epsPlacement === 'hat'));
}

const adamTable = {
  ...commonTable,
  betas: unitOpenPair,
  eps: positive,
  amsgrad: flag,
  epsPlacement: choice(['outside', 'hat']),
  epsRoot: nonNegative,
  amsgradMax: choice(['raw', 'corrected']),
};

const adamDefaults = {
  lr: 0.001,
  betas: [0.9, 0.999],
  eps: 1e-8,
  amsgrad: false,
  epsPlacement: 'outside',
  epsRoot: 0,
  amsgradMax: 'raw',
} as const;

/** Adam's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const adamDefinition: OptimizerDefinition<AdamHyper, AdamBuffers, BiasCorrections> = {
  name: 'Adam',
  table: adamTable,
  defaults: adamDefaults,
  presets: {
    keras: { lr: 0.001, eps: 1e-7, epsPlacement: 'hat' },
    optax: { lr: undefined, amsgradMax: 'corrected' },
  },
  buffers: () => ({ expAvg: 0, expAvgSq: 0, maxExpAvgSq: 0 }),
  // Averages (and AMSGrad's maximum) of squares: >= 0, and the update takes their square root.
  bufferRules: { expAvgSq: nonNegative, maxExpAvgSq: nonNegative },
  perUpdate: biasCorrections,
  update: adamUpdate,
};

/**
 * Adam's and AdamW's options: each option of {@link AdamHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface AdamOptions extends Options<AdamHyper> {}

/**
 * Adam (Kingma & Ba, 2015), PyTorch's formula (see `adamUpdate`): momentum (the first moment m)
 * divided by a root mean square of gradients (the second moment v), both bias-corrected.
 * Defaults (PyTorch): lr 0.001, betas [0.9, 0.999], eps 1e-8, weightDecay 0 (L2), amsgrad false.
 * `convention: 'keras'` gives eps 1e-7 in the ε̂ form; `'optax'` AMSGrad over v̂.
 *
 * @example
 * const opt = new Adam(model.parameters(), { lr: warmup(cosine({ initial: 3e-3, steps: 900 }), { steps: 100 }) });
 */
export class Adam extends OptimizerBase<AdamHyper, AdamBuffers, BiasCorrections> {
  /**
   * An Adam optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link AdamOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<AdamHyper>, options: AdamOptions = {}) {
    super(adamDefinition, params, options);
  }
}
