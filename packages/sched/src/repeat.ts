import { checkSchedule, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addInnerKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How repeat is read from a spec, written and rebuilt. */
export const repeatKind = addInnerKind('repeat', 'period', repeat);

/**
 * A schedule restarted every `period` steps (a positive integer):
 *
 *     lr(t) = inner(t mod period)
 *
 * @param inner - the schedule to repeat
 * @param period - steps per repetition (a positive integer)
 * @example
 * const lr = repeat(linear({ from: 0.1, to: 0, steps: 100 }), 100);
 * lr(50); lr(100); lr(150); // 0.05, 0.1, 0.05
 */
export function repeat(inner: Schedule, period: number): Schedule {
  checkSchedule('repeat', 'inner', inner);
  const p = positiveInteger('repeat', 'period', period);
  return makeSchedule({ kind: 'repeat', inner: inner.spec, period: p }, (t) => inner(t % p));
}
