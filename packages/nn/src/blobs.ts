import { checkFinite, checkNonNegative, checkNumber, checkOptions, checkPositiveInteger, show } from './check.js';
import { shuffleSamples, type Dataset } from './dataset.js';
import { resolveRng, type Rng } from './rng.js';

/** Options of {@link blobs}. */
export interface BlobsOptions {
  /** Total number of samples (default 100), split as evenly as possible (earlier centers get the extra). */
  readonly n?: number;
  /** The number of centers, drawn uniformly in `box` (default 3), or the centers themselves. */
  readonly centers?: number | readonly (readonly number[])[];
  /** Standard deviation of each cluster (default 1). */
  readonly std?: number;
  /** Number of features when `centers` is a number (default 2). */
  readonly features?: number;
  /** The range [low, high) that random centers are drawn from (default [-10, 10]). */
  readonly box?: readonly [number, number];
  /** Seed of the generator (default `defaultSeed`). */
  readonly seed?: number;
  /** A generator to draw from instead of `seed` (wins over it). */
  readonly rng?: Rng;
}

/**
 * Isotropic Gaussian clusters, scikit-learn's `make_blobs`: center `i` (label i) gets
 * `floor(n / k)` samples (plus one for the first `n mod k` centers), each coordinate drawn from
 * a normal around the center with standard deviation `std`; random centers are uniform in `box`.
 * The samples are shuffled.
 *
 * @param options - `n`, `centers`, `std`, `features`, `box`, `seed`, `rng` (see {@link BlobsOptions})
 * @example
 * const data = blobs({ n: 150, centers: [[0, 0], [4, 4], [0, 4]], std: 0.5 });
 */
export function blobs(options: BlobsOptions = {}): Dataset {
  const known = ['n', 'centers', 'std', 'features', 'box', 'seed', 'rng'];
  const { n = 100, centers = 3, std = 1, features = 2, box = [-10, 10], seed, rng } = checkOptions('blobs', options, known) as BlobsOptions;
  checkPositiveInteger('blobs', 'n', n);
  checkNonNegative('blobs', 'std', std);
  const generator = resolveRng('blobs', { rng, seed });
  let points: readonly (readonly number[])[];
  if (typeof centers === 'number') {
    checkPositiveInteger('blobs', 'centers', centers);
    checkPositiveInteger('blobs', 'features', features);
    if (!Array.isArray(box) || box.length !== 2) throw new TypeError(`blobs: box must be [low, high], got ${show(box)}`);
    const low = checkFinite('blobs', 'box[0]', box[0]);
    checkNumber('blobs', 'box[1]', box[1], `finite and > box[0] (${low})`, (h) => Number.isFinite(h) && h > low);
    points = Array.from({ length: centers }, () => Array.from({ length: features }, () => generator.uniform(box[0], box[1])));
  } else {
    points = checkCenters(centers);
  }
  const k = points.length;
  const x: number[][] = [];
  const y: number[] = [];
  points.forEach((center, label) => {
    const count = Math.floor(n / k) + (label < n % k ? 1 : 0);
    for (let i = 0; i < count; i++) {
      x.push(center.map((c) => generator.normal(c, std)));
      y.push(label);
    }
  });
  return shuffleSamples({ x, y }, generator);
}

function checkCenters(centers: unknown): readonly (readonly number[])[] {
  if (!Array.isArray(centers) || centers.length === 0) {
    throw new TypeError(`blobs: centers must be a positive integer or a non-empty array of points, got ${show(centers)}`);
  }
  const dims = Array.isArray(centers[0]) ? centers[0].length : 0;
  centers.forEach((c: unknown, i) => {
    if (!Array.isArray(c) || c.length !== dims || dims === 0) {
      throw new TypeError(`blobs: centers[${i}] must be an array of ${Math.max(dims, 1)}+ numbers like centers[0], got ${show(c)}`);
    }
    c.forEach((v: unknown, j) => checkFinite('blobs', `centers[${i}][${j}]`, v));
  });
  return centers as readonly (readonly number[])[];
}
