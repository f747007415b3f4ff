import { show } from './show.js';

/**
 * `x` when it is a number for which `valid` holds. Otherwise a `TypeError`
 * `<owner>: <name> must be a number, got <value>` (not a number) or a `RangeError`
 * `<owner>: <name> must be <rule>, got <value>`. `valid` states what is allowed, so NaN, false in
 * every comparison, fails any rule written that way.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @param rule - what `valid` allows, in words, e.g. `'in [0, 1)'`
 * @param valid - true for an allowed number
 * @example
 * checkNumber('Adam', 'betas[0]', 1.2, 'in [0, 1)', (b) => b >= 0 && b < 1);
 * // RangeError: Adam: betas[0] must be in [0, 1), got 1.2
 */
export function checkNumber(
  owner: string,
  name: string,
  x: unknown,
  rule: string,
  valid: (n: number) => boolean,
): number {
  if (typeof x !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${show(x)}`);
  if (!valid(x)) throw new RangeError(`${owner}: ${name} must be ${rule}, got ${x}`);
  return x;
}
