import { checkBoolean, checkOptions, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How timeDecay is read from a spec, written and rebuilt. */
export const timeDecayKind = addKind<TimeDecayOptions>({
  kind: 'timeDecay',
  options: ['initial', 'rate', 'every', 'staircase'],
  defaults: { every: 1, staircase: false },
  build: timeDecay,
});

/** Options of {@link timeDecay}. */
export interface TimeDecayOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** How fast it falls (finite, >= 0): at `t = every` the rate is `initial / (1 + rate)`. */
  readonly rate: number;
  /** Steps per unit of decay (a positive integer). Default 1. */
  readonly every?: number;
  /** Fall in whole units only (`floor(t / every)`), a staircase. Default false. */
  readonly staircase?: boolean;
}

/**
 * Time-based decay, inversely proportional to time (Keras' InverseTimeDecay, with `every` as its
 * `decay_steps` and `rate` as its `decay_rate`):
 *
 *     lr(t) = initial / (1 + rate * p),   p = t / every   (floor(t / every) with staircase)
 *
 * @param options - `initial` and `rate`, and optionally `every`, `staircase`
 * @example
 * const lr = timeDecay({ initial: 0.1, rate: 1, every: 10 });
 * lr(10); lr(30); // 0.05, 0.025
 */
export function timeDecay(options: TimeDecayOptions): Schedule {
  checkOptions('timeDecay', options, timeDecayKind.options);
  const initial = nonNegative('timeDecay', 'initial', options.initial);
  const rate = nonNegative('timeDecay', 'rate', options.rate);
  const every = positiveInteger('timeDecay', 'every', options.every ?? 1);
  const staircase = checkBoolean('timeDecay', 'staircase', options.staircase ?? false);
  return makeSchedule({ kind: 'timeDecay', initial, rate, every, staircase }, (t) => {
    const p = staircase ? Math.floor(t / every) : t / every;
    return initial / (1 + rate * p);
  });
}
