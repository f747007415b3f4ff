import { checkBoolean, checkOptions, nonNegative, positive, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How exponential is read from a spec, written and rebuilt. */
export const exponentialKind = addKind<ExponentialOptions>({
  kind: 'exponential',
  options: ['initial', 'rate', 'every', 'staircase', 'final'],
  defaults: { every: 1, staircase: false, final: null },
  build: exponential,
});

/** Options of {@link exponential}. */
export interface ExponentialOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** The factor per `every` steps (finite, > 0): below 1 decays, above 1 grows. */
  readonly rate: number;
  /** Steps per factor of `rate` (a positive integer). Default 1. */
  readonly every?: number;
  /** Apply the rate in whole units only (`floor(t / every)`). Default false. */
  readonly staircase?: boolean;
  /** A floor (for rate < 1; at most `initial`) or ceiling (for rate > 1; at least `initial`). Default none. */
  readonly final?: number;
}

/**
 * Exponential decay (Keras' ExponentialDecay, with `every` as its `decay_steps`, and optax's
 * `end_value` as `final`):
 *
 *     lr(t) = initial * rate^p,   p = t / every   (floor(t / every) with staircase)
 *
 * held at `final` when given: never below it for `rate < 1`, never above it for `rate > 1` (with
 * `rate = 1` the rate stays at `initial`, whatever `final` is).
 *
 * @param options - `initial` and `rate`, and optionally `every`, `staircase`, `final`
 * @example
 * const lr = exponential({ initial: 0.1, rate: 0.5, every: 10, final: 0.02 });
 * lr(10); lr(20); lr(30); // 0.05, 0.025, 0.02
 */
export function exponential(options: ExponentialOptions): Schedule {
  checkOptions('exponential', options, exponentialKind.options);
  const initial = nonNegative('exponential', 'initial', options.initial);
  const rate = positive('exponential', 'rate', options.rate);
  const every = positiveInteger('exponential', 'every', options.every ?? 1);
  const staircase = checkBoolean('exponential', 'staircase', options.staircase ?? false);
  const final = options.final === undefined ? null : nonNegative('exponential', 'final', options.final);
  if (final !== null && rate < 1 && final > initial) {
    throw new RangeError(`exponential: final must be <= initial (${initial}) when rate < 1, got ${final}`);
  }
  if (final !== null && rate > 1 && final < initial) {
    throw new RangeError(`exponential: final must be >= initial (${initial}) when rate > 1, got ${final}`);
  }
  return makeSchedule({ kind: 'exponential', initial, rate, every, staircase, final }, (t) => {
    const value = initial * rate ** (staircase ? Math.floor(t / every) : t / every);
    // With rate 1 the rate never moves, so final bounds nothing: lr(t) = initial.
    if (final === null || rate === 1) return value;
    return rate < 1 ? Math.max(value, final) : Math.min(value, final);
  });
}
