import { nonNegative } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How constant is read from a spec, written and rebuilt. */
export const constantKind = addKind<{ value: number }>({
  kind: 'constant',
  options: ['value'],
  positional: ['value'],
  build: (a) => constant(a.value),
});

/**
 * The same learning rate at every step: the baseline schedule.
 *
 *     lr(t) = value
 *
 * @param value - the learning rate, a finite number >= 0
 * @example
 * const lr = constant(0.1);
 * lr(0); lr(1000); // 0.1, 0.1
 */
export function constant(value: number): Schedule {
  const v = nonNegative('constant', 'value', value);
  return makeSchedule({ kind: 'constant', value: v }, () => v);
}
