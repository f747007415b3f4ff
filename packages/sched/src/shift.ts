import { checkSchedule, nonNegativeInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addInnerKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How shift is read from a spec, written and rebuilt. */
export const shiftKind = addInnerKind('shift', 'steps', shift);

/**
 * A schedule that starts `steps` steps later (an integer >= 0), holding its first value until
 * then:
 *
 *     lr(t) = inner(0),           t < steps
 *     lr(t) = inner(t - steps),   t >= steps
 *
 * @param inner - the schedule to delay
 * @param steps - steps to hold `inner(0)` before it starts (an integer >= 0)
 * @example
 * const lr = shift(cosine({ initial: 0.1, steps: 100 }), 50);
 * lr(0); lr(50); lr(100); // 0.1, 0.1, 0.05
 */
export function shift(inner: Schedule, steps: number): Schedule {
  checkSchedule('shift', 'inner', inner);
  const k = nonNegativeInteger('shift', 'steps', steps);
  return makeSchedule({ kind: 'shift', inner: inner.spec, steps: k }, (t) => inner(t < k ? 0 : t - k));
}
