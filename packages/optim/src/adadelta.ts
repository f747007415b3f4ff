import { type OptimizerDefinition, updateNumber } from './definition.js';
import { type CommonHyper, commonTable, nonNegative, unitClosed, positive } from './hyper.js';
import { ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** Adadelta's options as numbers at one update. */
export interface AdadeltaHyper extends CommonHyper {
  /** ρ in [0, 1], decay of both running averages: PyTorch and optax 0.9, Keras 0.95. */
  rho: number;
  /** ε, inside both square roots (all three frameworks): PyTorch and optax 1e-6, Keras 1e-7. */
  eps: number;
}

/** Adadelta's buffers: the squared-gradient average v and the squared-update average u. */
export interface AdadeltaBuffers {
  [key: string]: number;
  squareAvg: number;
  accDelta: number;
}

/**
 * PyTorch's Adadelta (Zeiler, 2012), one parameter:
 *
 *     v ← ρ·v + (1 − ρ)·g²
 *     Δ ← √(u + ε) / √(v + ε) · g
 *     u ← ρ·u + (1 − ρ)·Δ²
 *     θ ← θ − γ·Δ
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 */
export function adadeltaUpdate(s: AdadeltaBuffers, data: number, grad: number, h: AdadeltaHyper): number {
  s.squareAvg = ema(s.squareAvg, grad * grad, h.rho);
  const delta = (Math.sqrt(s.accDelta + h.eps) / Math.sqrt(s.squareAvg + h.eps)) * grad;
  s.accDelta = ema(s.accDelta, delta * delta, h.rho);
  return data - h.lr * delta;
}

/** Adadelta's definition: rules, PyTorch's defaults, the Keras and optax presets, the formula. */
export const adadeltaDefinition: OptimizerDefinition<AdadeltaHyper, AdadeltaBuffers> = {
  name: 'Adadelta',
  table: { ...commonTable, rho: unitClosed, eps: positive },
  defaults: { lr: 1, rho: 0.9, eps: 1e-6 },
  presets: {
    keras: { lr: 0.001, rho: 0.95, eps: 1e-7 },
    // optax's adadelta adds the decay to the gradient (add_decayed_weights comes first): L2.
    optax: { lr: undefined, decayMode: 'l2' },
  },
  buffers: () => ({ squareAvg: 0, accDelta: 0 }),
  // Averages of squares: the update takes their square roots.
  bufferRules: { squareAvg: nonNegative, accDelta: nonNegative },
  perUpdate: updateNumber,
  update: adadeltaUpdate,
};

/**
 * Adadelta's options: each option of {@link AdadeltaHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface AdadeltaOptions extends Options<AdadeltaHyper> {}

/**
 * Adadelta, PyTorch's formula (see `adadeltaUpdate`): the step is scaled by the ratio of the
 * root mean squares of past updates and past gradients, so it needs little tuning of lr.
 * Defaults (PyTorch): lr 1.0, rho 0.9, eps 1e-6.
 *
 * @example
 * const opt = new Adadelta(model.parameters());
 */
export class Adadelta extends OptimizerBase<AdadeltaHyper, AdadeltaBuffers> {
  /**
   * An Adadelta optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link AdadeltaOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<AdadeltaHyper>, options: AdadeltaOptions = {}) {
    super(adadeltaDefinition, params, options);
  }
}
