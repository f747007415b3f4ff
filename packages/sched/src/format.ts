import { show } from './check.js';
import { isSchedule } from './is-schedule.js';
import { loadedKind, notSavable } from './kinds.js';
import type { Json, Schedule, ScheduleSpec } from './types.js';

/** A number in its shortest round-trip form (`String(n)`); -0 is kept as `-0`. */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** Writes a spec; `named` writes a `fromFunction` schedule as its name instead of refusing it. */
function formatJson(x: Json, named: boolean): string {
  if (typeof x === 'number') return formatNumber(x);
  if (typeof x === 'string') return `'${x.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof x === 'boolean' || x === null) return String(x);
  if (Array.isArray(x)) return `[${(x as readonly Json[]).map((e) => formatJson(e, named)).join(', ')}]`;
  // In a spec, the only objects are nested schedule specs.
  return formatSpec(x as ScheduleSpec, named);
}

function formatSpec(spec: ScheduleSpec, named: boolean): string {
  if (spec.kind === 'fromFunction') {
    if (named) return String(spec['name']);
    throw new TypeError(`format: ${notSavable(spec['name'])}`);
  }
  const rule = loadedKind(spec.kind);
  if (rule === undefined) throw new RangeError(`format: unknown kind '${spec.kind}'`);
  const positional = rule.positional ?? [];
  const value = (name: string): Json => spec[name] ?? null;
  const args = positional.map((name) => formatJson(value(name), named));
  const options = rule.options
    .filter((name) => !positional.includes(name) && value(name) !== rule.defaults?.[name])
    .map((name) => `${name}: ${formatJson(value(name), named)}`);
  if (options.length > 0) args.push(`{ ${options.join(', ')} }`);
  return `${spec.kind}(${args.join(', ')})`;
}

/**
 * A schedule as an expression in the call syntax of this package's functions, options equal to
 * their defaults left out and numbers in shortest round-trip form, so `parse(format(s))` equals
 * `s` bit for bit at every step. A schedule made by `fromFunction` (or holding one) cannot be
 * written: `TypeError: format: schedule "noam" was made by fromFunction ...`.
 *
 * @param schedule - the schedule to write
 * @example
 * format(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }));
 * // "warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })"
 */
export function format(schedule: Schedule): string {
  if (!isSchedule(schedule)) throw new TypeError(`format: schedule must be a schedule, got ${show(schedule)}`);
  return formatSpec(schedule.spec, false);
}

/** As {@link format}, but a `fromFunction` schedule is written as its name: a label, not an expression. */
export function describe(schedule: Schedule): string {
  return formatSpec(schedule.spec, true);
}
