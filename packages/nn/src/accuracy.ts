import { checkClassIndex } from './class-index.js';
import { checkRowWidth } from './cross-entropy.js';
import { fractionOf, type Metric } from './metric.js';

/**
 * Multi-class accuracy: the fraction of rows whose largest score (the first one on a tie) is at
 * the target class index; NaN when a score is NaN. Rows need at least 2 scores (`binaryAccuracy`
 * is for one score).
 *
 * @param outputs - one row of outputs per sample (`Value`s or numbers)
 * @param targets - one class index per sample
 * @example
 * accuracy(data.x.map((x) => model.forward(x)), data.y); // e.g. 0.97
 */
export const accuracy: Metric = (outputs, targets) =>
  fractionOf('accuracy', outputs, targets, (row, i) => {
    checkRowWidth('accuracy', row, i);
    const c = checkClassIndex('accuracy', targets[i], i, row.length);
    let best = 0;
    row.forEach((v, j) => {
      if (v > (row[best] as number)) best = j;
    });
    return best === c;
  });
