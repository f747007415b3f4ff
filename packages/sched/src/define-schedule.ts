import { checkFunction } from '@etagrad/check';
import { checkChoice, checkObject, nonNegative } from './check.js';
import { scheduleKinds, type Kind, type Schedule, type ScheduleSpec } from './types.js';

/** The spec a constructor hands to `defineSchedule`: a listed kind and JSON fields. */
export type KindSpec = ScheduleSpec & { readonly kind: Kind };

/**
 * Make a schedule from its spec and its value function. Every schedule is made here, so each
 * carries a frozen spec (it can be printed, saved and rebuilt) and checks its step: a finite
 * number >= 0, else `RangeError: <kind>: step must be a finite number >= 0, got -1`.
 *
 * @param spec - the schedule's description: a built-in `kind` and its options, plain JSON
 * @param valueAt - the rate at a step (already checked to be a finite number >= 0)
 * @example
 * const half = defineSchedule({ kind: 'constant', value: 0.5 }, () => 0.5);
 */
export function defineSchedule(spec: KindSpec, valueAt: (step: number) => number): Schedule {
  const kind = checkObject('defineSchedule', 'spec', spec)['kind'];
  checkChoice('defineSchedule', 'spec.kind', kind, scheduleKinds);
  return makeSchedule(spec, checkFunction('defineSchedule', 'valueAt', valueAt));
}

/** {@link defineSchedule} for this package's constructors, which pass what they checked. */
export const makeSchedule = (spec: KindSpec, valueAt: (step: number) => number): Schedule => {
  // The spec is frozen with its arrays: a nested spec was frozen when its own schedule was made
  // (every schedule is made here), so one level is the whole depth. (Object.freeze returns a
  // number as it is.)
  Object.values(spec).forEach(Object.freeze);
  const schedule = (step: number): number => valueAt(nonNegative(spec.kind, 'step', step));
  return Object.assign(schedule, { spec: Object.freeze(spec) });
};
