import type { Schedule } from './types.js';

/**
 * Whether `x` is a schedule: a function carrying a `spec` object with a string `kind` (checked by
 * shape, so schedules from another copy of this package count too).
 *
 * @param x - anything
 * @example
 * isSchedule(constant(0.1)); // true
 * isSchedule(0.1);           // false
 */
export function isSchedule(x: unknown): x is Schedule {
  if (typeof x !== 'function') return false;
  const spec: unknown = (x as { spec?: unknown }).spec;
  return typeof spec === 'object' && spec !== null && typeof (spec as { kind?: unknown }).kind === 'string';
}
