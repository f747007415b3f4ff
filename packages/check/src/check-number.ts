import { checkFunction, checkTypeOf } from './check-type.js';
import { mustBe } from './must-be.js';

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
  numberThat(owner, name, x, rule, checkFunction('checkNumber', 'valid', valid));

/** {@link checkNumber} with a `valid` known to be a function: for this package's own rules. */
export function numberThat(owner: string, name: string, x: unknown, rule: string, valid: (n: number) => boolean): number {
  if (!valid(checkTypeOf(owner, name, x, 'number'))) throw mustBe(owner, name, rule, x as number, RangeError);
  return x as number;
}
