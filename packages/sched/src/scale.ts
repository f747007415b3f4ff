import { checkSchedule, nonNegative } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

/**
 * A schedule multiplied by a constant `factor` (finite, >= 0):
 *
 *     lr(t) = factor * inner(t)
 *
 * @param inner - the schedule to scale
 * @param factor - the multiplier, a finite number >= 0
 * @example
 * const lr = scale(cosine({ initial: 1, steps: 100 }), 0.1);
 * lr(0); // 0.1
 */
export function scale(inner: Schedule, factor: number): Schedule {
  checkSchedule('scale', 'inner', inner);
  const k = nonNegative('scale', 'factor', factor);
  return defineSchedule({ kind: 'scale', inner: inner.spec, factor: k }, (t) => k * inner(t));
}
