import { defineLoss, elementwise, type LossOf, type LossOptions } from './loss.js';

/**
 * Hinge (max-margin) loss, micrograd's demo loss: `max(0, 1 - y * score)` for each score and
 * label y in {-1, +1}; a label of 0 is read as -1, so 0/1 class labels work as they are. Zero
 * once a sample is on the right side with margin 1.
 *
 * @example
 * hinge(scores.map((s) => [s]), data.y); // micrograd: mean(relu(1 - y_i * score_i))
 */
export const hinge: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  elementwise(
    'hinge',
    outputs,
    targets,
    options,
    (y) => (y === 1 || y === 0 || y === -1 ? null : 'a label -1, 0 or 1'),
    (score, y) => score.mul(y === 1 ? -1 : 1).add(1).relu(),
  ),
);
