import { defineLoss, elementwise, finiteTarget, type LossOf, type LossOptions } from './loss.js';

/**
 * Mean squared error, PyTorch's `MSELoss`: `(output - target)²` for every output, averaged over
 * all outputs of the batch (or summed with `reduction: 'sum'`).
 *
 * @example
 * mse([[a], [b]], [1, 2]); // ((a - 1)² + (b - 2)²) / 2
 */
export const mse: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  elementwise('mse', outputs, targets, options, finiteTarget, (o, t) => o.sub(t).pow(2)),
);
