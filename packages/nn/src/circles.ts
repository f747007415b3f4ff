import { checkInteger, checkNonNegative, checkNumber, checkOptions } from './check.js';
import { addNoise, datasetKeys, type DatasetOptions, shuffleSamples, type Dataset } from './dataset.js';
import { resolveRng } from './rng.js';

/** Options of {@link circles}: `n` samples (default 100; the outer circle gets `floor(n / 2)`), Gaussian `noise` on each coordinate (default 0). */
export interface CirclesOptions extends DatasetOptions {
  /** Radius of the inner circle relative to the outer one (radius 1), in (0, 1) (default 0.8). */
  readonly factor?: number;
}

/**
 * Two concentric circles, scikit-learn's `make_circles`: the outer circle (label 0, radius 1) and
 * the inner one (label 1, radius `factor`), each sampled at angles evenly spaced over [0, 2 pi)
 * (endpoint excluded), shuffled, then Gaussian noise of standard deviation `noise` added.
 *
 * @param options - `n`, `noise`, `factor`, `seed`, `rng` (see {@link CirclesOptions})
 * @example
 * const data = circles({ n: 200, noise: 0.05, factor: 0.5 });
 */
export function circles(options: CirclesOptions = {}): Dataset {
  const { n = 100, noise = 0, factor = 0.8, seed, rng } = checkOptions('circles', options, [...datasetKeys, 'factor']) as CirclesOptions;
  checkInteger('circles', 'n', n, 2);
  checkNonNegative('circles', 'noise', noise);
  checkNumber('circles', 'factor', factor, 'in (0, 1)', (f) => f > 0 && f < 1);
  const generator = resolveRng('circles', { rng, seed });
  const nOut = Math.floor(n / 2);
  const x: number[][] = [];
  const y: number[] = [];
  for (const [count, radius, label] of [[nOut, 1, 0], [n - nOut, factor, 1]] as const) {
    for (let i = 0; i < count; i++) {
      const t = (2 * Math.PI * i) / count;
      x.push([radius * Math.cos(t), radius * Math.sin(t)]);
      y.push(label);
    }
  }
  return addNoise(shuffleSamples({ x, y }, generator), noise, generator);
}
