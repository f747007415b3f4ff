import { checkOptions, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How inverseSqrt is read from a spec, written and rebuilt. */
export const inverseSqrtKind = addKind<InverseSqrtOptions>({
  kind: 'inverseSqrt',
  options: ['peak', 'warmupSteps'],
  build: inverseSqrt,
});

/** Options of {@link inverseSqrt}. */
export interface InverseSqrtOptions {
  /** The highest rate, reached at step `warmupSteps - 1` (finite, >= 0). */
  readonly peak: number;
  /** Steps of the linear rise (a positive integer). */
  readonly warmupSteps: number;
}

/**
 * The inverse-square-root schedule of the Transformer (Vaswani et al., "Noam"), scaled to its
 * peak: a linear rise over `warmupSteps` steps, then decay as `1 / √t`. With `s = t + 1` (the
 * paper counts steps from 1):
 *
 *     lr(t) = peak * min(s / warmupSteps, √(warmupSteps / s))
 *
 * The paper's `d_model^-0.5 * min(s^-0.5, s * warmup^-1.5)` is this with
 * `peak = (d_model * warmup)^-0.5`.
 *
 * @param options - `peak` and `warmupSteps`
 * @example
 * const lr = inverseSqrt({ peak: 0.001, warmupSteps: 4000 });
 * lr(3999); lr(15999); // 0.001, 0.0005
 */
export function inverseSqrt(options: InverseSqrtOptions): Schedule {
  checkOptions('inverseSqrt', options, inverseSqrtKind.options);
  const peak = nonNegative('inverseSqrt', 'peak', options.peak);
  const warmupSteps = positiveInteger('inverseSqrt', 'warmupSteps', options.warmupSteps);
  return makeSchedule({ kind: 'inverseSqrt', peak, warmupSteps }, (t) =>
    peak * Math.min((t + 1) / warmupSteps, Math.sqrt(warmupSteps / (t + 1))),
  );
}
