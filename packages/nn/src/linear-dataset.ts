import { checkFinite, checkNonNegative, checkOptions, checkPositiveInteger, show } from './check.js';
import type { Dataset } from './dataset.js';
import { resolveRng, type Rng } from './rng.js';

/** Options of {@link linear}. */
export interface LinearDataOptions {
  /** Number of samples (default 100). */
  readonly n?: number;
  /** The true weights, one per feature (default [2]). */
  readonly weights?: readonly number[];
  /** The true bias (default 1). */
  readonly bias?: number;
  /** Standard deviation of the Gaussian noise added to each target (default 0). */
  readonly noise?: number;
  /** Seed of the generator (default `defaultSeed`). */
  readonly seed?: number;
  /** A generator to draw from instead of `seed` (wins over it). */
  readonly rng?: Rng;
}

/**
 * A linear regression problem: features uniform in [-1, 1), target
 * `y = weights · x + bias + noise * N(0, 1)`. A `Linear(d, 1)` layer trained with `mse` should
 * recover `weights` and `bias` (exactly in the limit when `noise` is 0).
 *
 * @param options - `n`, `weights`, `bias`, `noise`, `seed`, `rng` (see {@link LinearDataOptions})
 * @example
 * const data = linear({ n: 50, weights: [3, -1], bias: 0.5, noise: 0.1 });
 */
export function linear(options: LinearDataOptions = {}): Dataset {
  const known = ['n', 'weights', 'bias', 'noise', 'seed', 'rng'];
  const { n = 100, weights = [2], bias = 1, noise = 0, seed, rng } = checkOptions('linear', options, known) as LinearDataOptions;
  checkPositiveInteger('linear', 'n', n);
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new TypeError(`linear: weights must be a non-empty array of numbers, got ${show(weights)}`);
  }
  weights.forEach((w: unknown, j) => checkFinite('linear', `weights[${j}]`, w));
  checkFinite('linear', 'bias', bias);
  checkNonNegative('linear', 'noise', noise);
  const generator = resolveRng('linear', { rng, seed });
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = weights.map(() => generator.uniform(-1, 1));
    let target = bias;
    row.forEach((v, j) => (target += (weights[j] as number) * v));
    x.push(row);
    y.push(noise === 0 ? target : target + generator.normal(0, noise));
  }
  return { x, y };
}
