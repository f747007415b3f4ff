import { checkChoice, checkOptions, inRange, nonNegative, positiveInteger } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

/** The wave shapes of {@link cyclic}, each `h(x)` rising from 0 at x = 0 to 1 mid-cycle and back. */
export const cyclicShapes = ['triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic'] as const;
/** One of {@link cyclicShapes}. */
export type CyclicShape = (typeof cyclicShapes)[number];

/** Options of {@link cyclic}. */
export interface CyclicOptions {
  /** The lowest rate, where each cycle starts (finite, >= 0). */
  readonly min: number;
  /** The highest rate, mid-cycle (finite, >= min). */
  readonly max: number;
  /** Steps from min to max: half a cycle (a positive integer). */
  readonly stepSize: number;
  /** The wave. Default `'triangular'`. */
  readonly shape?: CyclicShape;
  /** For `'expRange'` only: the amplitude is multiplied by `gamma^t`; in (0, 1]. Default 1. */
  readonly gamma?: number;
}

// x in [0, 1): the fraction of the current cycle done.
const waves = {
  triangular: (x) => 1 - Math.abs(2 * x - 1),
  triangular2: (x) => 1 - Math.abs(2 * x - 1),
  expRange: (x) => 1 - Math.abs(2 * x - 1),
  cosine: (x) => (1 - Math.cos(2 * Math.PI * x)) / 2,
  sine: (x) => Math.sin(Math.PI * x),
  parabolic: (x) => 4 * x * (1 - x),
} satisfies Record<CyclicShape, (x: number) => number>;

/**
 * A cyclical learning rate between `min` and `max` (Smith's CLR; PyTorch's CyclicLR for the
 * shapes `triangular`, `triangular2` and `expRange`, with `min`/`max` as its
 * `base_lr`/`max_lr` and `stepSize` as `step_size_up`). A cycle is `2 * stepSize` steps:
 *
 *     x = (t mod 2 stepSize) / (2 stepSize),   lr(t) = min + (max - min) * h(x) * a(t)
 *     triangular, triangular2, expRange:  h = 1 - |2x - 1|
 *     cosine: h = (1 - cos(2 pi x)) / 2,   sine: h = sin(pi x),   parabolic: h = 4x(1 - x)
 *     a(t) = 1; triangular2: 1 / 2^floor(t / (2 stepSize)); expRange: gamma^t
 *
 * @param options - the bounds, the half-cycle and its shape (see {@link CyclicOptions})
 * @example
 * const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 50 });
 * lr(0); lr(50); lr(100); // 0.001, 0.1, 0.001
 */
export function cyclic(options: CyclicOptions): Schedule {
  checkOptions('cyclic', options);
  const min = nonNegative('cyclic', 'min', options.min);
  const max = nonNegative('cyclic', 'max', options.max);
  if (max < min) throw new RangeError(`cyclic: max must be >= min (${min}), got ${max}`);
  const stepSize = positiveInteger('cyclic', 'stepSize', options.stepSize);
  const shape = checkChoice('cyclic', 'shape', options.shape ?? 'triangular', cyclicShapes);
  const gamma = inRange('cyclic', 'gamma', options.gamma ?? 1, 'in (0, 1]', (g) => g > 0 && g <= 1);
  if (gamma !== 1 && shape !== 'expRange') {
    throw new RangeError(`cyclic: gamma must be 1 unless shape is 'expRange' (shape is '${shape}'), got ${gamma}`);
  }
  const wave = waves[shape];
  const cycle = 2 * stepSize;
  return defineSchedule({ kind: 'cyclic', min, max, stepSize, shape, gamma }, (t) => {
    const amplitude =
      shape === 'triangular2' ? 1 / 2 ** Math.floor(t / cycle) : shape === 'expRange' ? gamma ** t : 1;
    return min + (max - min) * wave((t % cycle) / cycle) * amplitude;
  });
}
