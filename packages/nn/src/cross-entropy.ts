import { dot, logSumExp, type Value } from '@etagrad/autograd';
import { mustBe, show } from './check.js';
import { checkClassIndex } from './class-index.js';
import { defineLoss, rowwise, type LossOf, type LossOptions } from './loss.js';

/**
 * Softmax cross-entropy on logits, PyTorch's `CrossEntropyLoss`: for a row of logits z and a
 * class index c, `-ln softmax(z)_c = logSumExp(z) - z_c`, through autograd's stable
 * `logSumExp` (finite for logits of ±1000). A target may also be a probability vector p over the
 * classes (soft labels, summing to 1): `Σ_j p_j (logSumExp(z) - z_j)`. Averaged over the batch
 * (or summed). Rows need at least 2 logits.
 *
 * @example
 * crossEntropy([model.forward(x)], [2]); // -ln(softmax(logits)[2])
 */
export const crossEntropy: LossOf<LossOptions> = defineLoss((outputs, targets, options) =>
  rowwise('crossEntropy', outputs, targets, options, (row, target, i) => {
    checkRowWidth('crossEntropy', row, i);
    if (Array.isArray(target)) return logSumExp(row).sub(dot(checkDistribution('crossEntropy', target, row.length, i), row));
    return logSumExp(row).sub(row[checkClassIndex('crossEntropy', target, i, row.length)] as Value);
  }),
);

/** Classification rows need two scores or more. */
export function checkRowWidth(owner: string, row: readonly unknown[], i: number): void {
  if (row.length < 2) throw new RangeError(`${owner}: outputs[${i}] must have at least 2 class scores, got ${row.length}`);
}

/** A probability vector of length k: entries in [0, 1] summing to 1 (within 1e-6). */
function checkDistribution(owner: string, target: readonly unknown[], k: number, i: number): readonly number[] {
  const rule = `a class index or ${k} probabilities summing to 1`;
  if (target.length !== k) throw mustBe(owner, `targets[${i}]`, rule, show(target), RangeError);
  target.forEach((p, j) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw mustBe(owner, `targets[${i}][${j}]`, 'a probability in [0, 1]', show(p), typeof p === 'number' ? RangeError : TypeError);
    }
  });
  const total = (target as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-6) throw mustBe(owner, `targets[${i}]`, rule, `a sum of ${total}`, RangeError);
  return target as number[];
}
