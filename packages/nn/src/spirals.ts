import { checkInteger, checkNonNegative, checkOptions } from './check.js';
import { datasetKeys, linspace, shuffleSamples, type Dataset, type DatasetOptions } from './dataset.js';
import { resolveRng } from './rng.js';

/** Options of {@link spirals}: `n` samples in total (default 100 per class, split as evenly as possible), Gaussian `noise` on each point's angle in radians (default 0.2). */
export interface SpiralsOptions extends DatasetOptions {
  /** Number of arms, one class each (default 3). */
  readonly classes?: number;
}

/**
 * Interleaved spiral arms, the classic teaching data set of Stanford's CS231n: arm `j` (label j)
 * has `m` points at radii `r` evenly spaced over [0, 1] and angles `t` evenly spaced over
 * [4j, 4(j + 1)] radians plus Gaussian noise of standard deviation `noise`; a point is
 * `(r sin t, r cos t)`. Not linearly separable: a linear softmax classifier gets about half right.
 * The samples are shuffled.
 *
 * @param options - `classes`, `n`, `noise`, `seed`, `rng` (see {@link SpiralsOptions})
 * @example
 * const data = spirals({ classes: 3 }); // 300 points, labels 0, 1, 2
 */
export function spirals(options: SpiralsOptions = {}): Dataset {
  const given = checkOptions('spirals', options, [...datasetKeys, 'classes']) as SpiralsOptions;
  const { classes = 3, noise = 0.2, seed, rng } = given;
  const { n = 100 * classes } = given;
  checkInteger('spirals', 'classes', classes, 2);
  checkInteger('spirals', 'n', n, classes);
  checkNonNegative('spirals', 'noise', noise);
  const generator = resolveRng('spirals', { rng, seed });
  const x: number[][] = [];
  const y: number[] = [];
  for (let j = 0; j < classes; j++) {
    const m = Math.floor(n / classes) + (j < n % classes ? 1 : 0);
    const radii = linspace(0, 1, m);
    const angles = linspace(4 * j, 4 * (j + 1), m);
    radii.forEach((r, i) => {
      const t = (angles[i] as number) + generator.normal(0, noise);
      x.push([r * Math.sin(t), r * Math.cos(t)]);
      y.push(j);
    });
  }
  return shuffleSamples({ x, y }, generator);
}
