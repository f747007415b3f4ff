import { type AdamBuffers, type AdamHyper, type AdamOptions, adamDefinition } from './adam.js';
import type { OptimizerDefinition } from './definition.js';
import type { BiasCorrections } from './moments.js';
import { OptimizerBase, type ParamsInput } from './optimizer.js';

/**
 * AdamW's definition: Adam's formula with decoupled weight decay
 * `θ ← θ·(1 − γ·λ)` first; λ = 0.01 (PyTorch), 0.004 (Keras), 1e-4 (optax). In a file of its
 * own, so that a bundle of Adam alone does not carry it.
 */
export const adamwDefinition: OptimizerDefinition<AdamHyper, AdamBuffers, BiasCorrections> = {
  ...adamDefinition,
  name: 'AdamW',
  defaults: { ...adamDefinition.defaults, weightDecay: 0.01, decayMode: 'decoupled' },
  presets: {
    keras: { lr: 0.001, eps: 1e-7, epsPlacement: 'hat', weightDecay: 0.004 },
    optax: { lr: undefined, amsgradMax: 'corrected', weightDecay: 1e-4 },
  },
};

/**
 * AdamW (Loshchilov & Hutter, 2019), PyTorch's formula: Adam (see `adamUpdate`) with weight
 * decay decoupled from the gradient, applied first: `θ ← θ·(1 − γ·λ)`, then the Adam step.
 * Defaults (PyTorch): lr 0.001, betas [0.9, 0.999], eps 1e-8, weightDecay 0.01
 * (Keras 0.004, optax 1e-4), decayMode `'decoupled'`.
 *
 * @example
 * const opt = new AdamW(excludeFromDecay(model.namedParameters()), { lr: 1e-3, weightDecay: 0.05 });
 */
export class AdamW extends OptimizerBase<AdamHyper, AdamBuffers, BiasCorrections> {
  /**
   * An AdamW optimizer over `params`, with `options` as every group's defaults.
   *
   * @param params - the parameters to update: `model.parameters()`, `model.namedParameters()`
   *   (then the state is keyed by name), or groups `{ params, ...options }` with options of their own
   * @param options - the hyperparameters (every group's defaults; see {@link AdamOptions}) and
   *   `convention`, `nonFinite`, `accumulate`
   */
  constructor(params: ParamsInput<AdamHyper>, options: AdamOptions = {}) {
    super(adamwDefinition, params, options);
  }
}
