import { nonNegative } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

/**
 * The same learning rate at every step: the baseline schedule.
 *
 *     lr(t) = value
 *
 * @param value the learning rate, a finite number >= 0.
 * @example
 * const lr = constant(0.1);
 * lr(0); lr(1000); // 0.1, 0.1
 */
export function constant(value: number): Schedule {
  const v = nonNegative('constant', 'value', value);
  return defineSchedule({ kind: 'constant', value: v }, () => v);
}
