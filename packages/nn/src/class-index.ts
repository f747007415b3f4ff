import { mustBe, show } from './check.js';

/**
 * Checks a class-index target for a row of `k` scores: an integer in [0, k). The message names
 * the loss or metric and the sample: `crossEntropy: targets[0] must be a class index in [0, 3), got 1.5`
 * (a `RangeError`; a `TypeError` when the target is not a number).
 */
export function checkClassIndex(owner: string, target: unknown, row: number, k: number): number {
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= k) {
    const Type = typeof target === 'number' ? RangeError : TypeError; // '1' is of the wrong type
    throw mustBe(owner, `targets[${row}]`, `a class index in [0, ${k})`, show(target), Type);
  }
  return target;
}
