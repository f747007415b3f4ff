import type { Value } from '@etagrad/autograd';
import { checkClassIndex } from './class-index.js';
import { checkRowWidth } from './cross-entropy.js';
import { defineLoss, rowwise, type LossOf, type LossOptions } from './loss.js';

/**
 * Negative log-likelihood, PyTorch's `NLLLoss`: rows are log-probabilities (e.g. `ln softmax`),
 * targets class indices; the term of a row is `-row[c]`. Averaged over the batch (or summed).
 * `crossEntropy(z) = nll(logSoftmax(z))`.
 *
 * @example
 * nll([logProbs], [1]); // -logProbs[1]
 */
export const nll: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  rowwise('nll', outputs, targets, options, (row, target, i) => {
    checkRowWidth('nll', row, i);
    return (row[checkClassIndex('nll', target, i, row.length)] as Value).neg();
  }),
);
