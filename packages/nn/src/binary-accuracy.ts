import { checkFinite, mustBe, show } from './check.js';
import { fractionOf, type Metric } from './metric.js';

/**
 * Binary accuracy with a decision threshold: a row's single output predicts the positive class
 * when it is above `threshold`; the label is positive when it is 1 and negative when it is 0 or
 * -1 (both label conventions work); NaN when a score is NaN. Use threshold 0 for scores and
 * logits, 0.5 for probabilities.
 *
 * @param threshold - the score above which a row predicts the positive class, a finite number
 * @example
 * const probabilityAccuracy = binaryAccuracyAt(0.5); // after a Sigmoid output
 */
export function binaryAccuracyAt(threshold: number): Metric {
  checkFinite('binaryAccuracyAt', 'threshold', threshold);
  const owner = 'binaryAccuracy';
  return (outputs, targets) =>
    fractionOf(owner, outputs, targets, (row, i) => {
      if (row.length !== 1) throw new RangeError(`${owner}: outputs[${i}] must have 1 score, got ${row.length}`);
      const label: unknown = targets[i];
      if (label !== 1 && label !== 0 && label !== -1) {
        throw mustBe(owner, `targets[${i}]`, 'a label -1, 0 or 1', show(label), typeof label === 'number' ? RangeError : TypeError);
      }
      return (row[0] as number) > threshold === (label === 1);
    });
}

/**
 * Binary accuracy of scores or logits (micrograd's demo metric): a positive score predicts
 * the positive class (label 1), zero or below the negative one (label 0 or -1).
 * For probabilities use `binaryAccuracyAt(0.5)`.
 *
 * @example
 * binaryAccuracy(data.x.map((x) => model.forward(x)), data.y);
 */
export const binaryAccuracy: Metric = binaryAccuracyAt(0);
