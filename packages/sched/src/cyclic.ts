import { checkChoice, checkOptions, inRange, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How cyclic is read from a spec, written and rebuilt. */
export const cyclicKind = addKind<CyclicOptions>({
  kind: 'cyclic',
  options: ['min', 'max', 'stepSize', 'stepSizeDown', 'shape', 'gamma'],
  defaults: { stepSizeDown: null, shape: 'triangular', gamma: 1 },
  build: cyclic,
});

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
  /** Steps from min up to max (a positive integer). */
  readonly stepSize: number;
  /** Steps from max back down to min (a positive integer; PyTorch's `step_size_down`). Default `stepSize`. */
  readonly stepSizeDown?: number;
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
 * shapes `triangular`, `triangular2` and `expRange`, with `min`/`max` as its `base_lr`/`max_lr`,
 * `stepSize` as `step_size_up` and `stepSizeDown` as `step_size_down`). A cycle is
 * `c = stepSize + stepSizeDown` steps; `x` runs from 0 to 1/2 on the way up and from 1/2 to 1
 * on the way down:
 *
 *     s = t mod c,   x = s / (2 stepSize)                        s <= stepSize
 *                    x = 1/2 + (s - stepSize) / (2 stepSizeDown)  s > stepSize
 *     lr(t) = min + (max - min) * h(x) * a(t)
 *     triangular, triangular2, expRange:  h = 1 - |2x - 1|
 *     cosine: h = (1 - cos(2 pi x)) / 2,   sine: h = sin(pi x),   parabolic: h = 4x(1 - x)
 *     a(t) = 1; triangular2: 1 / 2^floor(t / c); expRange: gamma^t
 *
 * @param options - `min`, `max`, `stepSize`, and optionally `stepSizeDown`, `shape`, `gamma`
 * @example
 * const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 50 });
 * lr(0); lr(50); lr(100); // 0.001, 0.1, 0.001
 */
export function cyclic(options: CyclicOptions): Schedule {
  checkOptions('cyclic', options, cyclicKind.options);
  const min = nonNegative('cyclic', 'min', options.min);
  const max = nonNegative('cyclic', 'max', options.max);
  if (max < min) throw new RangeError(`cyclic: max must be >= min (${min}), got ${max}`);
  const stepSize = positiveInteger('cyclic', 'stepSize', options.stepSize);
  const given = options.stepSizeDown;
  const stepSizeDown = given === undefined ? null : positiveInteger('cyclic', 'stepSizeDown', given);
  const down = stepSizeDown ?? stepSize;
  const shape = checkChoice('cyclic', 'shape', options.shape ?? 'triangular', cyclicShapes);
  const gamma = inRange('cyclic', 'gamma', options.gamma ?? 1, 'in (0, 1]', (g) => g > 0 && g <= 1);
  if (gamma !== 1 && shape !== 'expRange') {
    throw new RangeError(`cyclic: gamma must be 1 unless shape is 'expRange' (shape is '${shape}'), got ${gamma}`);
  }
  const wave = waves[shape];
  const cycle = stepSize + down;
  // With equal halves, x = s / c exactly as before stepSizeDown existed, so saved runs resume bit for bit.
  const phase = (s: number) =>
    down === stepSize ? s / cycle : s <= stepSize ? s / (2 * stepSize) : 0.5 + (s - stepSize) / (2 * down);
  return makeSchedule({ kind: 'cyclic', min, max, stepSize, stepSizeDown, shape, gamma }, (t) => {
    const amplitude =
      shape === 'triangular2' ? 1 / 2 ** Math.floor(t / cycle) : shape === 'expRange' ? gamma ** t : 1;
    return min + (max - min) * wave(phase(t % cycle)) * amplitude;
  });
}
