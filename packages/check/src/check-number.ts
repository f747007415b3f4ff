import { checkFunction } from './check-type.js';
import { mustBe } from './must-be.js';
import { show } from './show.js';

/**
 * `x` when it is a number for which `valid` holds. Otherwise a `TypeError`
 * `<owner>: <name> must be a number, got <value>` (not a number) or a `RangeError`
 * `<owner>: <name> must be <rule>, got <value>`. `valid` states what is allowed, so NaN, false in
 * every comparison, fails any rule written that way. A `TypeError` names `valid` when it is not a
 * function.
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
export const checkNumber = (owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean): number =>
  checkNumberTrusted(owner, name, x, rule, checkFunction('checkNumber', 'valid', valid));

/**
 * {@link checkNumber} trusting `valid` to be a function: for this package's rules and etagrad's
 * own packages, whose rules are functions the compiler checks, so a bundle need not carry the
 * check of the rule. Anything else calls `checkNumber`.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it
 * @param x - the value to check
 * @param rule - what `valid` allows, in words
 * @param valid - true for an allowed number (a function, not checked)
 */
export function checkNumberTrusted(owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean): number {
  if (typeof x !== 'number') throw mustBe(owner, name, 'a number', show(x));
  if (!valid(x)) throw mustBe(owner, name, rule, x, RangeError);
  return x;
}
