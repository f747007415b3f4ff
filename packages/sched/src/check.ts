// Validation helpers shared by every constructor: one message format,
// `<owner>: <option> must be <rule>, got <value>`, TypeError for a wrong type and RangeError
// for a value out of range. Each returns the value it checked (with -0 read as 0, so a spec's
// JSON, which cannot tell them apart, rebuilds the very same schedule).

import { isSchedule } from './is-schedule.js';
import type { Schedule } from './types.js';

/** Show a value in an error message as the user would have written it. */
export function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return String(x);
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x)) return 'an array';
  return typeof x;
}

/** What kind of thing `x` is, for a TypeError: `'string'`, `'array'`, `'null'`, ... */
export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

/**
 * `x` if it is a number for which `valid` holds; TypeError if not a number, RangeError if
 * `valid` fails (NaN fails every comparison, so it is refused by any `valid`).
 */
export function checkNumber(
  owner: string,
  name: string,
  x: unknown,
  rule: string,
  valid: (n: number) => boolean,
): number {
  if (typeof x !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${typeName(x)}`);
  if (!valid(x)) throw new RangeError(`${owner}: ${name} must be ${rule}, got ${x}`);
  return x === 0 ? 0 : x;
}

/** A finite number. */
export const finite = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number', Number.isFinite);

/** A finite number >= 0 (a learning rate, a multiplier). */
export const nonNegative = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number >= 0', (n) => Number.isFinite(n) && n >= 0);

/** A finite number > 0. */
export const positive = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);

/** An integer >= 1 (a number of steps, a period). */
export const positiveInteger = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a positive integer', (n) => Number.isSafeInteger(n) && n >= 1);

/** An integer >= 0. */
export const nonNegativeInteger = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'an integer >= 0', (n) => Number.isSafeInteger(n) && n >= 0);

/** A number in the interval given by `rule` and `valid`, e.g. `in (0, 1]`. */
export const inRange = (owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean) =>
  checkNumber(owner, name, x, rule, (n) => Number.isFinite(n) && valid(n));

/** A boolean. */
export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${typeName(x)}`);
  return x;
}

/** One of a closed set of strings. */
export function checkChoice<const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C {
  const list = choices.map((c) => `'${c}'`).join(', ');
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be one of ${list}, got ${typeName(x)}`);
  const found = choices.find((c) => c === x);
  if (found === undefined) throw new RangeError(`${owner}: ${name} must be one of ${list}, got '${x}'`);
  return found;
}

/** A non-empty array of strictly increasing positive integers (milestones, boundaries). */
export function increasingSteps(owner: string, name: string, x: unknown): number[] {
  if (!Array.isArray(x)) throw new TypeError(`${owner}: ${name} must be an array, got ${typeName(x)}`);
  const out: number[] = [];
  for (const [i, b] of x.entries()) {
    positiveInteger(owner, `${name}[${i}]`, b);
    const previous = out[out.length - 1];
    if (previous !== undefined && b <= previous) {
      throw new RangeError(`${owner}: ${name}[${i}] must be greater than ${name}[${i - 1}] (${previous}), got ${b}`);
    }
    out.push(b);
  }
  return out;
}

/** An array (for lists of values or schedules), copied. */
export function checkArray(owner: string, name: string, x: unknown): unknown[] {
  if (!Array.isArray(x)) throw new TypeError(`${owner}: ${name} must be an array, got ${typeName(x)}`);
  return [...(x as unknown[])];
}

/** A schedule (made by this package, so it carries a spec). */
export function checkSchedule(owner: string, name: string, x: unknown): Schedule {
  if (!isSchedule(x)) throw new TypeError(`${owner}: ${name} must be a schedule, got ${show(x)}`);
  return x;
}

/** The step a schedule is read at: a finite number >= 0. */
export const checkStep = (owner: string, step: unknown): number =>
  checkNumber(owner, 'step', step, 'a finite number >= 0', (n) => Number.isFinite(n) && n >= 0);


/** An options object (not null, not an array). */
export function checkOptions(owner: string, x: unknown): void {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new TypeError(`${owner}: options must be an object, got ${typeName(x)}`);
  }
}
