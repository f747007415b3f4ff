import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { accuracy, binaryAccuracy, binaryAccuracyAt } from '@etagrad/nn';
import { leaves } from './helpers.js';

describe('accuracy', () => {
  test('argmax of each row against the class index', () => {
    // rows: argmax 2 (target 2: hit), argmax 0 (target 1: miss), argmax 1 (target 1: hit), tie -> first (0: hit)
    expect(accuracy(leaves([[0, 1, 5], [3, 1, 2], [0, 9, 1], [4, 4, 0]]), [2, 1, 1, 0])).toBe(0.75);
    expect(accuracy([[1, 2] as unknown as Value[]], [1])).toBe(1); // numbers work too
  });

  test('bad rows and targets are refused', () => {
    expect(() => accuracy(leaves([[0.9]]), [0])).toThrow(new RangeError('accuracy: outputs[0] must have at least 2 class scores, got 1'));
    expect(() => accuracy(leaves([[0, 1]]), [1.5])).toThrow(new RangeError('accuracy: targets[0] must be a class index in [0, 2), got 1.5'));
    expect(() => accuracy(leaves([[0, 1]]), [])).toThrow(new RangeError('accuracy: targets must have one entry per row of outputs (1), got 0'));
    expect(() => accuracy([], [])).toThrow(new RangeError('accuracy: outputs must have at least one row, got 0'));
    expect(() => accuracy([['a']] as never, [0])).toThrow(new TypeError("accuracy: outputs[0][0] must be a Value or a number, got 'a'"));
    expect(() => accuracy([[]], [0])).toThrow(new TypeError('accuracy: outputs[0] must be a non-empty array, got an array of length 0'));
    expect(() => accuracy(3 as never, [0])).toThrow(new TypeError('accuracy: outputs must be an array of rows (one per sample), got 3'));
    expect(() => accuracy([], 3 as never)).toThrow(new TypeError('accuracy: targets must be an array (one per sample), got 3'));
  });
});

describe('binaryAccuracy', () => {
  test('sign of the score against 0/1 or ±1 labels', () => {
    // 0.5 > 0 vs 1: hit; -0.2 vs 0: hit; 0 (not > 0) vs 1: miss; 2 vs -1: miss
    expect(binaryAccuracy(leaves([[0.5], [-0.2], [0], [2]]), [1, 0, 1, -1])).toBe(0.5);
  });

  test('binaryAccuracyAt(0.5) for probabilities', () => {
    expect(binaryAccuracyAt(0.5)(leaves([[0.4], [0.6]]), [0, 1])).toBe(1);
    expect(binaryAccuracy(leaves([[0.4], [0.6]]), [0, 1])).toBe(0.5);
  });

  test('bad rows, labels and thresholds are refused', () => {
    expect(() => binaryAccuracy(leaves([[0.1, 0.2]]), [1])).toThrow(new RangeError('binaryAccuracy: outputs[0] must have 1 score, got 2'));
    expect(() => binaryAccuracy(leaves([[0.1]]), [2])).toThrow(new RangeError('binaryAccuracy: targets[0] must be a label -1, 0 or 1, got 2'));
    expect(() => binaryAccuracyAt(Number.NaN)).toThrow(new RangeError('binaryAccuracyAt: threshold must be a finite number, got NaN'));
  });
});

describe('NaN scores', () => {
  test('make the metric NaN, as the loss is, instead of counting as the first or the negative class', () => {
    // NaN > x is false for every x: counted, [NaN, 1] "predicts" class 0 and NaN "predicts" the
    // negative class, so each of these would score 1 (or 0.5 with the second row).
    const nan = new Value(Infinity).sub(Infinity); // an op may give NaN; a leaf may not
    expect(nan.data).toBeNaN();
    expect(accuracy([[Number.NaN, 1] as unknown as Value[]], [0])).toBeNaN();
    expect(accuracy([[new Value(0), nan], [new Value(1), new Value(0)]], [1, 0])).toBeNaN();
    expect(binaryAccuracy([[nan]], [0])).toBeNaN();
    expect(binaryAccuracyAt(0.5)([[Number.NaN] as unknown as Value[]], [-1])).toBeNaN();
  });

  test('do not hide a bad target', () => {
    expect(() => accuracy([[Number.NaN, 1] as unknown as Value[]], [2])).toThrow(new RangeError('accuracy: targets[0] must be a class index in [0, 2), got 2'));
  });

  test('±Infinity is a score like any other', () => {
    expect(accuracy([[new Value(-Infinity), new Value(Infinity)]], [1])).toBe(1);
    expect(binaryAccuracy([[new Value(Infinity)], [new Value(-Infinity)]], [1, 0])).toBe(1);
  });
});
