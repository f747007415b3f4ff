import { mustBe, show } from './check.js';
import type { Rng } from './rng.js';

/**
 * A data set: one row of features `x[i]` and one target `y[i]` per sample (a class label
 * `0 .. k-1`, or a real number for regression). Plain arrays, so it prints and saves as JSON.
 */
export interface Dataset {
  x: number[][];
  y: number[];
}

/**
 * Options shared by the generated data sets. Each generator says what `n` and `noise` mean for it.
 */
export interface DatasetOptions {
  /** Number of samples (default 100 unless the generator says otherwise). */
  readonly n?: number;
  /** Standard deviation of the Gaussian noise (default 0 unless the generator says otherwise). */
  readonly noise?: number;
  /** Seed of the generator (default `defaultSeed`, so two runs agree). */
  readonly seed?: number;
  /** A generator to draw from instead of `seed` (wins over it). */
  readonly rng?: Rng;
}

/** The keys of {@link DatasetOptions}, for `checkOptions`. */
export const datasetKeys = ['n', 'noise', 'seed', 'rng'] as const;

/** numpy's `linspace(start, stop, n)` with the endpoint: `n` evenly spaced numbers, last = stop. */
export function linspace(start: number, stop: number, n: number): number[] {
  if (n === 1) return [start];
  const step = (stop - start) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start + i * step));
}

/** Shuffles the samples of `data` in place (one permutation for `x` and `y`) and returns it. */
export function shuffleSamples(data: Dataset, rng: Rng): Dataset {
  const order = rng.shuffle(data.x.map((_, i) => i));
  const { x, y } = data;
  data.x = order.map((i) => x[i] as number[]);
  data.y = order.map((i) => y[i] as number);
  return data;
}

/** Adds Gaussian noise of standard deviation `noise` to every feature, row by row (no-op at 0). */
export function addNoise(data: Dataset, noise: number, rng: Rng): Dataset {
  if (noise === 0) return data;
  for (const row of data.x) {
    for (let j = 0; j < row.length; j++) row[j] = (row[j] as number) + rng.normal(0, noise);
  }
  return data;
}

/** Checks that `data` is a {@link Dataset} with as many targets as rows; returns the sample count. */
export function checkDataset(owner: string, data: unknown): number {
  if (typeof data !== 'object' || data === null) {
    throw mustBe(owner, 'data', 'a dataset { x, y }', show(data));
  }
  const { x, y } = data as Partial<Dataset>;
  if (!Array.isArray(x)) throw mustBe(owner, 'data.x', 'an array', show(x));
  if (!Array.isArray(y)) throw mustBe(owner, 'data.y', 'an array', show(y));
  if (x.length !== y.length) {
    throw new RangeError(`${owner}: data.y must have one target per row of data.x (${x.length}), got ${y.length}`);
  }
  return x.length;
}
