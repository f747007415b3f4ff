import { checkSchedule, positiveInteger } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

/**
 * A schedule restarted every `period` steps (a positive integer):
 *
 *     lr(t) = inner(t mod period)
 *
 * @param inner - the schedule to repeat
 * @param period - its length in steps, a positive integer
 * @example
 * const lr = repeat(linear({ from: 0.1, to: 0, steps: 100 }), 100);
 * lr(50); lr(100); lr(150); // 0.05, 0.1, 0.05
 */
export function repeat(inner: Schedule, period: number): Schedule {
  checkSchedule('repeat', 'inner', inner);
  const p = positiveInteger('repeat', 'period', period);
  return defineSchedule({ kind: 'repeat', inner: inner.spec, period: p }, (t) => inner(t % p));
}
