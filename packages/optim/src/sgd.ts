import { mustBe } from './check.js';
import { type OptimizerDefinition, updateNumber } from './definition.js';
import { type CommonHyper, choice, commonTable, flag, nonNegative, unitClosed } from './hyper.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** SGD's options as numbers at one update (each may be given as a schedule). */
export interface SgdHyper extends CommonHyper {
  /** Momentum μ in [0, 1]; default 0 (plain gradient descent). */
  momentum: number;
  /** Dampening τ in [0, 1]: the new gradient enters the buffer times (1 − τ); default 0. */
  dampening: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0); default false. */
  nesterov: boolean;
  /**
   * Whether lr multiplies the gradient before it enters the momentum buffer (Keras:
   * `v ← μ·v − γ·g; θ ← θ + v`) or the buffer after (PyTorch, optax: `b ← μ·b + g; θ ← θ − γ·b`).
   * The same numbers while lr is constant; they differ once lr changes. Default false.
   */
  lrBeforeMomentum: boolean;
}

/** SGD's buffers: the momentum buffer b, `null` until the first update with momentum (PyTorch). */
export interface SgdBuffers {
  [key: string]: number | null;
  momentumBuffer: number | null;
}

/**
 * PyTorch's SGD, one parameter (g already has maximize and L2 decay applied):
 *
 *     b ← g on the first update, else μ·b + (1 − τ)·g      (lr inside: g is γ·g here)
 *     d ← g + μ·b if nesterov, else b
 *     θ ← θ − γ·d                                          (lr inside: θ − d)
 *
 * With μ = 0 it is θ ← θ − γ·g, and no buffer is kept.
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 */
export function sgdUpdate(s: SgdBuffers, data: number, grad: number, h: SgdHyper): number {
  if (h.momentum === 0) return data - h.lr * grad;
  const g = h.lrBeforeMomentum ? h.lr * grad : grad;
  const b = s.momentumBuffer === null ? g : h.momentum * s.momentumBuffer + (1 - h.dampening) * g;
  s.momentumBuffer = b;
  const direction = h.nesterov ? g + h.momentum * b : b;
  return h.lrBeforeMomentum ? data - direction : data - h.lr * direction;
}

/** SGD's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const sgdDefinition: OptimizerDefinition<SgdHyper, SgdBuffers> = {
  name: 'SGD',
  table: {
    ...commonTable,
    momentum: unitClosed,
    dampening: unitClosed,
    nesterov: flag,
    lrBeforeMomentum: flag,
  },
  // lr has no default: PyTorch's signature required it for years, and a wrong guess costs a run.
  defaults: { momentum: 0, dampening: 0, nesterov: false, lrBeforeMomentum: false },
  presets: {
    keras: { lr: 0.01, lrBeforeMomentum: true },
    optax: {},
  },
  buffers: () => ({ momentumBuffer: null }),
  perUpdate: updateNumber,
  update: sgdUpdate,
  check(owner, h, where) {
    if (!h.nesterov) return;
    if (!(h.momentum > 0)) throw mustBe(owner, `${where}momentum`, '> 0 with nesterov', h.momentum, RangeError);
    if (h.dampening !== 0) throw mustBe(owner, `${where}dampening`, '0 with nesterov', h.dampening, RangeError);
  },
};

/**
 * SGD's options: each option of {@link SgdHyper} (a number may be a `Schedule`; these are every
 * group's defaults; `lr` has no default) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface SgdOptions extends Options<SgdHyper> {}

/**
 * Stochastic gradient descent with optional momentum, PyTorch's formula (see `sgdUpdate`):
 * `b ← μ·b + (1 − τ)·g` (b = g on the first update), `θ ← θ − γ·(nesterov ? g + μ·b : b)`.
 * Defaults (PyTorch): momentum 0, dampening 0, nesterov false, weightDecay 0 (L2); `lr` must be
 * given (Keras: 0.01). `convention: 'keras'` puts lr inside the momentum buffer.
 *
 * @example
 * const opt = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * loss.backward(); opt.step(); opt.zeroGrad();
 */
export class SGD extends OptimizerBase<SgdHyper, SgdBuffers> {
  /**
   * An SGD optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - `lr` (required), the hyperparameters (every group's defaults; see {@link SgdOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<SgdHyper>, options: SgdOptions) {
    super(sgdDefinition, params, options);
  }
}
