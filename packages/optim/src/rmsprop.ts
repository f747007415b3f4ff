import { type OptimizerDefinition, updateNumber } from './definition.js';
import { choice, type CommonHyper, commonTable, flag, nonNegative, unitClosed, positive } from './hyper.js';
import { ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** RMSprop's options as numbers at one update. */
export interface RmspropHyper extends CommonHyper {
  /** Smoothing constant α in [0, 1] of the squared-gradient average: PyTorch 0.99, Keras (`rho`) and optax (`decay`) 0.9. */
  alpha: number;
  /** ε: PyTorch and optax 1e-8, Keras 1e-7. */
  eps: number;
  /** Momentum μ in [0, 1]; default 0. */
  momentum: number;
  /** Divide by the variance estimate √(v − ḡ²) instead of √v (Graves' centered form); default false. */
  centered: boolean;
  /** Where ε sits: `'outside'` the root, √v + ε (PyTorch), or `'inside'`, √(v + ε) (Keras, optax). */
  epsPlacement: 'outside' | 'inside';
  /**
   * Whether lr multiplies the step before it enters the momentum buffer (Keras, optax:
   * `b ← μ·b + γ·g/D; θ ← θ − b`) or after (PyTorch: `b ← μ·b + g/D; θ ← θ − γ·b`).
   * Default false.
   */
  lrBeforeMomentum: boolean;
}

/** RMSprop's buffers: the squared-gradient average v, the gradient average ḡ (centered), the momentum buffer b. */
export interface RmspropBuffers {
  [key: string]: number;
  squareAvg: number;
  gradAvg: number;
  momentumBuffer: number;
}

/**
 * PyTorch's RMSprop, one parameter:
 *
 *     v ← α·v + (1 − α)·g²
 *     ḡ ← α·ḡ + (1 − α)·g,  w ← max(0, v − ḡ²)   (centered; else w ← v)
 *     D ← √w + ε                               ('inside': √(w + ε))
 *     b ← μ·b + g / D,  θ ← θ − γ·b            (μ > 0; lr inside: b ← μ·b + γ·g/D, θ ← θ − b)
 *     θ ← θ − γ·g / D                          (μ = 0)
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 */
export function rmspropUpdate(s: RmspropBuffers, data: number, grad: number, h: RmspropHyper): number {
  s.squareAvg = ema(s.squareAvg, grad * grad, h.alpha);
  let w = s.squareAvg;
  if (h.centered) {
    s.gradAvg = ema(s.gradAvg, grad, h.alpha);
    // v ≥ ḡ² exactly (Jensen), but not always in floating point: a steady gradient makes v − ḡ²
    // a rounding error that may be negative, and √ of it NaN (as in PyTorch). Read it as 0.
    w = Math.max(0, w - s.gradAvg * s.gradAvg);
  }
  const denominator = h.epsPlacement === 'inside' ? Math.sqrt(w + h.eps) : Math.sqrt(w) + h.eps;
  if (h.momentum === 0) return data - h.lr * (grad / denominator);
  const increment = h.lrBeforeMomentum ? (h.lr * grad) / denominator : grad / denominator;
  s.momentumBuffer = h.momentum * s.momentumBuffer + increment;
  return h.lrBeforeMomentum ? data - s.momentumBuffer : data - h.lr * s.momentumBuffer;
}

/** RMSprop's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const rmspropDefinition: OptimizerDefinition<RmspropHyper, RmspropBuffers> = {
  name: 'RMSprop',
  table: {
    ...commonTable,
    alpha: unitClosed,
    eps: positive,
    momentum: unitClosed,
    centered: flag,
    epsPlacement: choice(['outside', 'inside']),
    lrBeforeMomentum: flag,
  },
  defaults: { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, epsPlacement: 'outside', lrBeforeMomentum: false },
  presets: {
    keras: { lr: 0.001, alpha: 0.9, eps: 1e-7, epsPlacement: 'inside', lrBeforeMomentum: true },
    // optax.rmsprop chains scale_by_rms, then the lr, then trace(momentum): lr inside the buffer.
    optax: { lr: undefined, alpha: 0.9, eps: 1e-8, epsPlacement: 'inside', lrBeforeMomentum: true },
  },
  buffers: () => ({ squareAvg: 0, gradAvg: 0, momentumBuffer: 0 }),
  // An average of squares: the update takes its square root.
  bufferRules: { squareAvg: nonNegative },
  perUpdate: updateNumber,
  update: rmspropUpdate,
};

/**
 * RMSprop's options: each option of {@link RmspropHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface RmspropOptions extends Options<RmspropHyper> {}

/**
 * RMSprop (Hinton's lecture 6e), PyTorch's formula (see `rmspropUpdate`): divide the gradient
 * by a moving root mean square of recent gradients, so old gradients are forgotten (unlike
 * Adagrad). Defaults (PyTorch): lr 0.01, alpha 0.99, eps 1e-8, momentum 0, centered false.
 *
 * @example
 * const opt = new RMSprop(model.parameters(), { lr: 0.001, momentum: 0.9 });
 */
export class RMSprop extends OptimizerBase<RmspropHyper, RmspropBuffers> {
  /**
   * An RMSprop optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link RmspropOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<RmspropHyper>, options: RmspropOptions = {}) {
    super(rmspropDefinition, params, options);
  }
}
