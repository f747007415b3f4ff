import { checkInteger, checkNonNegative, checkOptions } from './check.js';
import { addNoise, datasetKeys, type DatasetOptions, linspace, shuffleSamples, type Dataset } from './dataset.js';
import { resolveRng } from './rng.js';

/** Options of {@link moons}: `n` samples (default 100; the first moon gets `floor(n / 2)`), Gaussian `noise` on each coordinate (default 0). */
export type MoonsOptions = DatasetOptions;

/**
 * Two interleaving half circles, scikit-learn's `make_moons`: the first moon (label 0) is
 * `(cos t, sin t)` for `floor(n / 2)` angles t evenly spaced over [0, pi]; the second (label 1) is
 * `(1 - cos t, 1 - sin t - 0.5)`, the first turned over and shifted by (1, -0.5). The samples
 * are shuffled, then Gaussian noise of standard deviation `noise` is added (scikit-learn's order).
 *
 * @param options - `n`, `noise`, `seed`, `rng` (see {@link DatasetOptions})
 * @example
 * const data = moons({ n: 100, noise: 0.1 }); // micrograd's demo data
 * data.x.length; // 100, data.y in {0, 1}
 */
export function moons(options: MoonsOptions = {}): Dataset {
  const { n = 100, noise = 0, seed, rng } = checkOptions('moons', options, datasetKeys) as MoonsOptions;
  checkInteger('moons', 'n', n, 2);
  checkNonNegative('moons', 'noise', noise);
  const generator = resolveRng('moons', { rng, seed });
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    x.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    x.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  return addNoise(shuffleSamples({ x, y }, generator), noise, generator);
}
