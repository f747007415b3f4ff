import { show } from './check.js';
import { isSchedule } from './is-schedule.js';
import { ruleOf } from './registry.js';
import type { Json, Schedule, ScheduleSpec } from './types.js';

/** A number in its shortest round-trip form (`String(n)`); -0 is kept as `-0`. */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

function formatJson(x: Json): string {
  if (typeof x === 'number') return formatNumber(x);
  if (typeof x === 'string') return `'${x.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof x === 'boolean' || x === null) return String(x);
  if (Array.isArray(x)) return `[${(x as readonly Json[]).map(formatJson).join(', ')}]`;
  // In a spec, the only objects are nested schedule specs.
  return formatSpec(x as ScheduleSpec);
}

function formatSpec(spec: ScheduleSpec): string {
  const rule = ruleOf(spec.kind);
  if (rule === undefined) throw new RangeError(`format: unknown kind '${spec.kind}'`);
  const value = (name: string): Json => spec[name] ?? null;
  const args = rule.positional.map((name) => formatJson(value(name)));
  const options = Object.entries(rule.fields)
    .filter(([name, field]) => !rule.positional.includes(name) && value(name) !== field.default)
    .map(([name]) => `${name}: ${formatJson(value(name))}`);
  if (options.length > 0) args.push(`{ ${options.join(', ')} }`);
  return `${spec.kind}(${args.join(', ')})`;
}

/**
 * A schedule as an expression in the call syntax of this package's functions, options equal to
 * their defaults left out and numbers in shortest round-trip form, so `parse(format(s))` equals
 * `s` bit for bit at every step.
 *
 * @param schedule - a schedule made by this package
 * @example
 * format(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }));
 * // "warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })"
 */
export function format(schedule: Schedule): string {
  if (!isSchedule(schedule)) throw new TypeError(`format: schedule must be a schedule, got ${show(schedule)}`);
  return formatSpec(schedule.spec);
}
