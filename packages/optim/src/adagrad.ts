import { type OptimizerDefinition, type UpdateNumber, updateNumber } from './definition.js';
import { choice, type CommonHyper, commonTable, nonNegative, positive } from './hyper.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** Adagrad's options as numbers at one update. */
export interface AdagradHyper extends CommonHyper {
  /** lr decay η: update t uses γ / (1 + (t − 1)·η); default 0. */
  lrDecay: number;
  /** The accumulator's starting value (>= 0; a number, read once): PyTorch 0, Keras and optax 0.1. */
  initialAccumulatorValue: number;
  /** ε, for numerical stability: PyTorch 1e-10, Keras and optax 1e-7. */
  eps: number;
  /** Where ε sits: `'outside'` the square root, √s + ε (PyTorch), or `'inside'`, √(s + ε) (Keras, optax). */
  epsPlacement: 'outside' | 'inside';
}

/** Adagrad's buffer: the running sum of squared gradients s. */
export interface AdagradBuffers {
  [key: string]: number;
  sum: number;
}

/**
 * PyTorch's Adagrad, one parameter:
 *
 *     s ← s + g²
 *     θ ← θ − γ / (1 + (t − 1)·η) · g / (√s + ε)      ('inside': g / √(s + ε))
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 * @param update - the update number `t` (1 on the first update)
 */
export function adagradUpdate(s: AdagradBuffers, data: number, grad: number, h: AdagradHyper, update: UpdateNumber): number {
  const lr = h.lr / (1 + (update.t - 1) * h.lrDecay);
  s.sum += grad * grad;
  const denominator = h.epsPlacement === 'inside' ? Math.sqrt(s.sum + h.eps) : Math.sqrt(s.sum) + h.eps;
  return data - (lr * grad) / denominator;
}

/** Adagrad's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const adagradDefinition: OptimizerDefinition<AdagradHyper, AdagradBuffers> = {
  name: 'Adagrad',
  table: {
    ...commonTable,
    lrDecay: nonNegative,
    initialAccumulatorValue: { ...nonNegative, fixed: true },
    eps: positive,
    epsPlacement: choice(['outside', 'inside']),
  },
  defaults: {
    lr: 0.01,
    lrDecay: 0,
    initialAccumulatorValue: 0,
    eps: 1e-10,
    epsPlacement: 'outside',
  },
  presets: {
    keras: { lr: 0.001, initialAccumulatorValue: 0.1, eps: 1e-7, epsPlacement: 'inside' },
    optax: { lr: undefined, initialAccumulatorValue: 0.1, eps: 1e-7, epsPlacement: 'inside' },
  },
  buffers: (h) => ({ sum: h.initialAccumulatorValue }),
  // A sum of squares from a start >= 0: the update takes its square root.
  bufferRules: { sum: nonNegative },
  perUpdate: updateNumber,
  update: adagradUpdate,
};

/**
 * Adagrad's options: each option of {@link AdagradHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface AdagradOptions extends Options<AdagradHyper> {}

/**
 * Adagrad (Duchi et al., 2011), PyTorch's formula (see `adagradUpdate`): a per-parameter rate
 * that shrinks as that parameter's squared gradients add up, `θ ← θ − γ_t·g / (√s + ε)`,
 * `s ← s + g²`, `γ_t = γ / (1 + (t − 1)·lrDecay)`. Defaults (PyTorch): lr 0.01, lrDecay 0,
 * initialAccumulatorValue 0, eps 1e-10. Keras and optax: accumulator 0.1, eps 1e-7 inside √.
 *
 * @example
 * const opt = new Adagrad(model.parameters(), { lr: 0.1 });
 */
export class Adagrad extends OptimizerBase<AdagradHyper, AdagradBuffers> {
  /**
   * An Adagrad optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link AdagradOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<AdagradHyper>, options: AdagradOptions = {}) {
    super(adagradDefinition, params, options);
  }
}
