import { checkSchedule, nonNegative } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addInnerKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How scale is read from a spec, written and rebuilt. */
export const scaleKind = addInnerKind('scale', 'factor', scale);

/**
 * A schedule multiplied by a constant `factor` (finite, >= 0):
 *
 *     lr(t) = factor * inner(t)
 *
 * @param inner - the schedule to multiply
 * @param factor - the constant factor (finite, >= 0)
 * @example
 * const lr = scale(cosine({ initial: 1, steps: 100 }), 0.1);
 * lr(0); // 0.1
 */
export function scale(inner: Schedule, factor: number): Schedule {
  checkSchedule('scale', 'inner', inner);
  const k = nonNegative('scale', 'factor', factor);
  return makeSchedule({ kind: 'scale', inner: inner.spec, factor: k }, (t) => k * inner(t));
}
