import { checkArray, checkSchedule, increasingSteps } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How join is read from a spec, written and rebuilt. */
export const joinKind = addKind<{ schedules: readonly Schedule[]; boundaries: readonly number[] }>({
  kind: 'join',
  options: ['schedules', 'boundaries'],
  positional: ['schedules', 'boundaries'],
  nested: { schedules: 'many' },
  build: (a) => join(a.schedules, a.boundaries),
});

/**
 * Run schedules one after another (optax's join_schedules): `schedules[0]` before
 * `boundaries[0]`, then `schedules[1]` restarted from its own step 0, and so on:
 *
 * ```
 * lr(t) = schedules[i](t - boundaries[i-1]),   boundaries[i-1] <= t < boundaries[i]
 * ```
 *
 * (with `boundaries[-1] = 0`). `boundaries` are strictly increasing positive integers, one fewer
 * than the schedules.
 *
 * @param schedules - the schedules, in the order they run (at least one)
 * @param boundaries - the steps where each next schedule starts: strictly increasing positive integers, one fewer than the schedules
 * @example
 * const lr = join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50]);
 * lr(49); lr(50); lr(100); // 0.1, 0.1, 0.05
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  const parts = checkArray('join', 'schedules', schedules).map((s, i) => checkSchedule('join', `schedules[${i}]`, s));
  const starts = increasingSteps('join', 'boundaries', boundaries);
  const first = parts[0];
  if (first === undefined) throw new RangeError('join: schedules must not be empty, got 0 schedules');
  if (starts.length !== parts.length - 1) {
    throw new RangeError(
      `join: boundaries must have schedules.length - 1 = ${parts.length - 1} entries, got ${starts.length}`,
    );
  }
  const later = parts.slice(1).map((schedule, i) => ({ schedule, start: starts[i] ?? 0 })).reverse();
  return makeSchedule(
    { kind: 'join', schedules: parts.map((s) => s.spec), boundaries: starts },
    (t) => {
      const part = later.find(({ start }) => start <= t);
      return part === undefined ? first(t) : part.schedule(t - part.start);
    },
  );
}
