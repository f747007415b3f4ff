import { type OptimizerDefinition, updateNumber } from './definition.js';
import { type CommonHyper, commonTable, unitClosedPair } from './hyper.js';
import { ema } from './moments.js';
import { type Options, OptimizerBase, type ParamsInput } from './optimizer.js';

/** Lion's options as numbers at one update. */
export interface LionHyper extends CommonHyper {
  /** [β₁, β₂] in [0, 1]: β₁ mixes the step's direction, β₂ decays the momentum; default [0.9, 0.99]. */
  betas: readonly [number, number];
}

/** Lion's buffer: the momentum m. */
export interface LionBuffers {
  [key: string]: number;
  expAvg: number;
}

/**
 * Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2), one
 * parameter; weight decay is decoupled, `θ ← θ·(1 − γ·λ)`, before this:
 *
 *     c ← β₁·m + (1 − β₁)·g
 *     θ ← θ − γ·sign(c)                 (sign(0) = 0)
 *     m ← β₂·m + (1 − β₂)·g
 *
 * @param s - this parameter's buffers, updated in place
 * @param data - the parameter's value (after decoupled weight decay, if any)
 * @param grad - its gradient (negated for `maximize`, with L2 decay added)
 * @param h - the group's options as numbers at this update
 */
export function lionUpdate(s: LionBuffers, data: number, grad: number, h: LionHyper): number {
  const direction = Math.sign(ema(s.expAvg, grad, h.betas[0]));
  s.expAvg = ema(s.expAvg, grad, h.betas[1]);
  return data - h.lr * direction;
}

/** Lion's definition: rules, the paper's defaults (PyTorch has no Lion), Keras and optax presets, the formula. */
export const lionDefinition: OptimizerDefinition<LionHyper, LionBuffers> = {
  name: 'Lion',
  table: { ...commonTable, betas: unitClosedPair },
  defaults: { lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0, decayMode: 'decoupled' },
  presets: {
    keras: { lr: 0.001 },
    optax: { lr: undefined, weightDecay: 1e-3 },
  },
  buffers: () => ({ expAvg: 0 }),
  perUpdate: updateNumber,
  update: lionUpdate,
};

/**
 * Lion's options: each option of {@link LionHyper} (a number may be a
 * `Schedule`; these are every group's defaults) and the optimizer-wide {@link OptimizerOptions}.
 */
export interface LionOptions extends Options<LionHyper> {}

/**
 * Lion: the sign of an interpolated momentum, so every coordinate moves by exactly lr (see
 * `lionUpdate`); wants an lr 3-10x smaller than AdamW's and a larger weight decay. Defaults
 * (the paper; PyTorch has no Lion): lr 1e-4, betas [0.9, 0.99], weightDecay 0, decoupled.
 *
 * @example
 * const opt = new Lion(model.parameters(), { lr: 3e-4, weightDecay: 0.1 });
 */
export class Lion extends OptimizerBase<LionHyper, LionBuffers> {
  /**
   * A Lion optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link LionOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<LionHyper>, options: LionOptions = {}) {
    super(lionDefinition, params, options);
  }
}
