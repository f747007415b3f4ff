// The configured loss as a batch-level function of fit's shape, with the L2 penalty added.
import type { Value } from '@etagrad/autograd';
import { bceWithLogits, hinge, l2, mse, type Loss } from '@etagrad/nn';
import type { LossChoice } from './config.js';

/** nn's loss of each choice. */
export const losses = { hinge, bce: bceWithLogits, mse } as const satisfies Record<LossChoice, Loss>;

/**
 * `loss(outputs, targets) + weight · Σp²` over `parameters` (nn's `l2`), as micrograd's demo adds
 * its 1e-4·Σp²; just the loss when `weight` is 0.
 *
 * @param choice - the loss
 * @param weight - the L2 weight (>= 0)
 * @param parameters - the model's parameters
 */
export function penalizedLoss(choice: LossChoice, weight: number, parameters: readonly Value[]): Loss {
  const base = losses[choice];
  return weight === 0 ? base : (outputs, targets) => base(outputs, targets).add(l2(parameters).mul(weight));
}
