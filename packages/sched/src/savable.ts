import { checkString } from '@etagrad/check';
import { checkSchedule } from './check.js';
import { notSavable } from './kinds.js';
import type { Json, Schedule, ScheduleSpec } from './types.js';

/**
 * The spec of `schedule`, to save it; a `TypeError` `<owner>: schedule "<name>" was made by
 * fromFunction ...` when it is, or holds, a schedule made by `fromFunction`, which cannot be
 * rebuilt. optim's `stateDict(optimizer)` calls it, so every checkpoint refuses such a schedule.
 *
 * @param owner - who is saving, first in the message (`'SGD.stateDict'`)
 * @param schedule - the schedule to save
 * @example
 * savableSpec('save', cosine({ initial: 0.1, steps: 10 })); // { kind: 'cosine', ... }
 * savableSpec('save', fromFunction(() => 0.1, { name: 'flat' }));
 * // TypeError: save: schedule "flat" was made by fromFunction from a plain function, ...
 */
export function savableSpec(owner: string, schedule: Schedule): ScheduleSpec {
  checkString('savableSpec', 'owner', owner);
  const spec = checkSchedule(owner, 'schedule', schedule).spec;
  const pending: Json[] = [spec]; // a stack, not recursion: a spec may nest deep
  for (let x = pending.pop(); x !== undefined; x = pending.pop()) {
    if (Array.isArray(x)) pending.push(...(x as readonly Json[]));
    else if (typeof x === 'object' && x !== null) {
      const node = x as { readonly [k: string]: Json };
      if (node['kind'] === 'fromFunction') throw new TypeError(`${owner}: ${notSavable(node['name'])}`);
      pending.push(...Object.values(node));
    }
  }
  return spec;
}
