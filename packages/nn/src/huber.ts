import { checkPositive } from './check.js';
import { defineLoss, elementwise, finiteTarget, type LossOf, type LossOptions, reductionOf } from './loss.js';

/** Options of {@link huber}. */
export interface HuberOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear, > 0 (default 1). */
  readonly delta?: number;
}

/**
 * Huber loss, PyTorch's `HuberLoss`: with `d = output - target`,
 * `0.5 d²` where `|d| < delta`, else `delta (|d| - 0.5 delta)`; quadratic near the target,
 * linear (robust to outliers) far from it, with a continuous gradient. Averaged over all outputs
 * (or summed, or one per sample with `reduction: 'none'`).
 *
 * @param outputs - the model's outputs, one row per sample
 * @param targets - one target per row: a number, or an array for several outputs
 * @param options - `delta`, where the loss turns linear, and the reduction (see {@link HuberOptions})
 * @example
 * huber([[a]], [0], { delta: 1 }); // a = 3: 1 * (3 - 0.5) = 2.5
 */
export const huber: LossOf<HuberOptions> = defineLoss((outputs, targets, options?: HuberOptions) => {
  const reduction = reductionOf('huber', options, ['delta']);
  const delta = checkPositive('huber', 'delta', options?.delta ?? 1);
  return elementwise('huber', outputs, targets, { reduction }, finiteTarget, (o, t) => {
    const d = o.sub(t);
    return Math.abs(d.data) < delta ? d.pow(2).mul(0.5) : d.abs().sub(0.5 * delta).mul(delta);
  });
});
