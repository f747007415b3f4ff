import { checkBoolean, checkNumber, checkOptions } from './check.js';
import { checkDataset, type Dataset } from './dataset.js';
import { resolveRng, type Rng } from './rng.js';

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /** Fraction of the samples held out for testing, in (0, 1) (default 0.25, scikit-learn's). */
  readonly testFraction?: number;
  /** Shuffle before splitting (default true); false takes the last samples as the test set. */
  readonly shuffle?: boolean;
  /** Seed of the shuffle (default `defaultSeed`). */
  readonly seed?: number;
  /** A generator to shuffle with instead of `seed` (wins over it). */
  readonly rng?: Rng;
}

/**
 * Splits a data set into a training and a held-out test set, as scikit-learn's
 * `train_test_split`: the test set gets `ceil(testFraction * n)` samples, the training set the
 * rest; with `shuffle`, a seeded permutation decides which (the test set is its first part).
 * Rows are shared with `data`, not copied. Both parts must be non-empty.
 *
 * @param data - the data set to split
 * @param options - `testFraction`, `shuffle`, `seed`, `rng` (see {@link TrainTestSplitOptions})
 * @example
 * const { train, test } = trainTestSplit(moons({ n: 200 }), { testFraction: 0.2, seed: 7 });
 * train.x.length; // 160, test.x.length = 40
 */
export function trainTestSplit(data: Dataset, options: TrainTestSplitOptions = {}): { train: Dataset; test: Dataset } {
  const n = checkDataset('trainTestSplit', data);
  const known = ['testFraction', 'shuffle', 'seed', 'rng'];
  const { testFraction = 0.25, shuffle = true, seed, rng } = checkOptions('trainTestSplit', options, known) as TrainTestSplitOptions;
  checkNumber('trainTestSplit', 'testFraction', testFraction, 'in (0, 1)', (f) => f > 0 && f < 1);
  checkBoolean('trainTestSplit', 'shuffle', shuffle);
  const nTest = Math.ceil(testFraction * n);
  if (nTest >= n) {
    throw new RangeError(
      `trainTestSplit: testFraction must leave at least one training sample of ${n}, got ${testFraction}`,
    );
  }
  const generator = resolveRng('trainTestSplit', { rng, seed }); // checks seed and rng also when unused
  const order = data.x.map((_, i) => i);
  if (shuffle) generator.shuffle(order);
  const testIndices = shuffle ? order.slice(0, nTest) : order.slice(n - nTest);
  const trainIndices = shuffle ? order.slice(nTest) : order.slice(0, n - nTest);
  return { train: pick(data, trainIndices), test: pick(data, testIndices) };
}

/** The samples of `data` at `indices`, in that order (rows shared). */
export function pick(data: Dataset, indices: readonly number[]): Dataset {
  return { x: indices.map((i) => data.x[i] as number[]), y: indices.map((i) => data.y[i] as number) };
}
