import { checkStep } from './check.js';
import type { Json, Kind, Schedule, ScheduleSpec } from './types.js';

/** The spec a constructor hands to `defineSchedule`: a listed kind and JSON fields. */
export type KindSpec = ScheduleSpec & { readonly kind: Kind };

function deepFreeze<T extends Json>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/**
 * Make a schedule from its spec and its value function. Every schedule is made here, so each
 * carries a frozen spec (it can be printed, saved and rebuilt) and checks its step: a finite
 * number >= 0, else `RangeError: <kind>: step must be a finite number >= 0, got -1`.
 *
 * @param spec - the schedule's plain-JSON description: its kind and every option, defaults included
 * @param valueAt - the rate at a step already checked to be a finite number >= 0
 * @example
 * const half = defineSchedule({ kind: 'constant', value: 0.5 }, () => 0.5);
 */
export function defineSchedule(spec: KindSpec, valueAt: (step: number) => number): Schedule {
  const schedule = (step: number): number => valueAt(checkStep(spec.kind, step));
  return Object.assign(schedule, { spec: deepFreeze(spec) });
}
