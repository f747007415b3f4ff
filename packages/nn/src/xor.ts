import { checkNonNegative, checkOptions, checkPositiveInteger } from './check.js';
import { addNoise, datasetKeys, type DatasetOptions, type Dataset } from './dataset.js';
import { resolveRng } from './rng.js';

/** Options of {@link xor}: `n` samples (default 100), Gaussian `noise` on each coordinate after labelling (default 0). */
export type XorOptions = DatasetOptions;

/**
 * The XOR problem: points uniform in the square [-1, 1)², label 1 where the two coordinates have
 * opposite signs (quadrants II and IV), 0 otherwise; then optional Gaussian noise on the
 * coordinates (labels are not recomputed, so noise blurs the boundary). No line separates it.
 *
 * @param options - `n`, `noise`, `seed`, `rng` (see {@link DatasetOptions})
 * @example
 * const data = xor({ n: 200 });
 */
export function xor(options: XorOptions = {}): Dataset {
  const { n = 100, noise = 0, seed, rng } = checkOptions('xor', options, datasetKeys) as XorOptions;
  checkPositiveInteger('xor', 'n', n);
  checkNonNegative('xor', 'noise', noise);
  const generator = resolveRng('xor', { rng, seed });
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = generator.uniform(-1, 1);
    const b = generator.uniform(-1, 1);
    x.push([a, b]);
    y.push(a > 0 !== b > 0 ? 1 : 0);
  }
  return addNoise({ x, y }, noise, generator);
}
