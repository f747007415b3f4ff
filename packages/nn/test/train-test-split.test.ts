import { describe, expect, test } from 'vitest';
import { rng, trainTestSplit, type Dataset } from '@etagrad/nn';

const numbered = (n: number): Dataset => ({ x: Array.from({ length: n }, (_, i) => [i]), y: Array.from({ length: n }, (_, i) => i) });

describe('trainTestSplit', () => {
  test('the test set gets ceil(testFraction * n) samples and the two parts cover the data once', () => {
    // ceil(0.25 * 10) = ceil(2.5) = 3 test samples, 7 training samples
    const { train, test: held } = trainTestSplit(numbered(10));
    expect(held.y).toHaveLength(3);
    expect(train.y).toHaveLength(7);
    expect([...train.y, ...held.y].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    train.y.forEach((label, i) => expect(train.x[i]).toEqual([label])); // rows stay with their labels
  });

  test('without shuffle the last samples are the test set', () => {
    const { train, test: held } = trainTestSplit(numbered(5), { testFraction: 0.4, shuffle: false });
    expect(train.y).toEqual([0, 1, 2]);
    expect(held.y).toEqual([3, 4]);
  });

  test('seeded: same seed same split; rng wins over seed', () => {
    const a = trainTestSplit(numbered(20), { seed: 4 });
    expect(trainTestSplit(numbered(20), { seed: 4 })).toEqual(a);
    expect(trainTestSplit(numbered(20), { seed: 5 })).not.toEqual(a);
    expect(trainTestSplit(numbered(20), { seed: 5, rng: rng(4) })).toEqual(a);
  });

  test('bad options are refused', () => {
    expect(() => trainTestSplit(numbered(4), { testFraction: 1 })).toThrow(new RangeError('trainTestSplit: testFraction must be in (0, 1), got 1'));
    expect(() => trainTestSplit(numbered(2), { testFraction: 0.6 })).toThrow(
      new RangeError('trainTestSplit: testFraction must leave at least one training sample of 2, got 0.6'),
    );
    expect(() => trainTestSplit({ x: [[1]], y: [] })).toThrow(
      new RangeError('trainTestSplit: data.y must have one target per row of data.x (1), got 0'),
    );
    expect(() => trainTestSplit(null as never)).toThrow(new TypeError('trainTestSplit: data must be a dataset { x, y }, got null'));
    expect(() => trainTestSplit({ x: 1, y: [] } as never)).toThrow(new TypeError('trainTestSplit: data.x must be an array, got 1'));
    expect(() => trainTestSplit({ x: [], y: 'a' } as never)).toThrow(new TypeError("trainTestSplit: data.y must be an array, got 'a'"));
    expect(() => trainTestSplit(numbered(4), { shuffle: 1 as never })).toThrow(new TypeError('trainTestSplit: shuffle must be a boolean, got 1'));
  });

  test('seed and rng are checked without shuffle too', () => {
    expect(() => trainTestSplit(numbered(4), { shuffle: false, seed: 1.5 })).toThrow(
      new RangeError('trainTestSplit: seed must be a safe integer, got 1.5'),
    );
    expect(() => trainTestSplit(numbered(4), { shuffle: false, rng: 'r' as never })).toThrow(
      new TypeError("trainTestSplit: rng must be a generator from rng(seed), got 'r'"),
    );
  });
});
