// Validation helpers of every constructor, on @etagrad/check's (one message format,
// `<owner>: <option> must be <rule>, got <value>`). Each returns the value it checked, with -0
// read as 0, so a spec's JSON, which cannot tell them apart, rebuilds the very same schedule:
// `x + 0` is 0 for -0 and x for any other number.

import * as check from '@etagrad/check';
import { mustBe, show } from '@etagrad/check';
import { isSchedule } from './is-schedule.js';
import type { Schedule } from './types.js';

// The package's lists of options and choices are constants, so the checks that trust them.
export { checkBoolean, checkChoiceTrusted as checkChoice, checkObject, mustBe, show } from '@etagrad/check';

/**
 * `x` if it is a number for which `valid` holds (see `checkNumber` in @etagrad/check), with -0
 * read as 0.
 */
export const checkNumber = (owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean): number =>
  check.checkNumber(owner, name, x, rule, valid) + 0;

/** A finite number. */
export const finite = (owner: string, name: string, x: unknown): number => check.checkFinite(owner, name, x) + 0;

/** A finite number >= 0 (a learning rate, a multiplier). */
export const nonNegative = (owner: string, name: string, x: unknown): number =>
  check.checkNonNegative(owner, name, x) + 0;

// A finite number > 0, and an integer >= 1 (a number of steps, a period): never -0.
import { checkPositive as positive, checkPositiveInteger as positiveInteger } from '@etagrad/check';

export { positive, positiveInteger };

/** An integer >= 0. */
export const nonNegativeInteger = (owner: string, name: string, x: unknown): number =>
  check.checkNonNegativeInteger(owner, name, x) + 0;

/** A number in the interval given by `rule` and `valid`, e.g. `in (0, 1]`. */
export const inRange = (owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean) =>
  checkNumber(owner, name, x, rule, (n) => Number.isFinite(n) && valid(n));

/** A non-empty array of strictly increasing positive integers (milestones, boundaries). */
export function increasingSteps(owner: string, name: string, x: unknown): number[] {
  if (!Array.isArray(x)) throw mustBe(owner, name, 'an array', show(x));
  const out: number[] = [];
  for (const [i, b] of x.entries()) {
    positiveInteger(owner, `${name}[${i}]`, b);
    const previous = out[out.length - 1];
    if (previous !== undefined && b <= previous) {
      throw mustBe(owner, `${name}[${i}]`, `greater than ${name}[${i - 1}] (${previous})`, `${b}`, RangeError);
    }
    out.push(b);
  }
  return out;
}

/** An array (for lists of values or schedules), copied. */
export function checkArray(owner: string, name: string, x: unknown): unknown[] {
  if (!Array.isArray(x)) throw mustBe(owner, name, 'an array', show(x));
  return [...(x as unknown[])];
}

/**
 * A schedule (made by this package, so it carries a spec); a plain function is refused with a
 * pointer to `fromFunction`, which makes one a schedule.
 */
export function checkSchedule(owner: string, name: string, x: unknown): Schedule {
  if (!isSchedule(x)) {
    const hint = typeof x === 'function' ? ' (wrap a plain function with fromFunction(fn, { name }))' : '';
    throw mustBe(owner, name, `a schedule${hint}`, show(x));
  }
  return x;
}

// An options object (not null, not an array, not a number) holding only the `known` options:
// `checkOptions(owner, options, known)`.
export { checkKeysTrusted as checkOptions } from '@etagrad/check';

/** A rate a user's function gave: a finite number, else an error naming the step. */
export function finiteRate(owner: string, t: number, rate: unknown): number {
  if (typeof rate === 'number' && Number.isFinite(rate)) return rate;
  throw mustBe(owner, `the rate at step ${t}`, 'a finite number', show(rate), RangeError);
}
