import { defineLoss, elementwise, finiteTarget, type LossOf, type LossOptions } from './loss.js';

/**
 * Mean absolute error (L1 loss), PyTorch's `L1Loss`: `|output - target|` for every output,
 * averaged over all outputs of the batch (or summed). Its gradient is ±1 (0 at a perfect fit).
 *
 * @example
 * mae([[a], [b]], [1, 2]); // (|a - 1| + |b - 2|) / 2
 */
export const mae: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  elementwise('mae', outputs, targets, options, finiteTarget, (o, t) => o.sub(t).abs()),
);
