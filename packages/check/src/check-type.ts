import { mustBe } from './must-be.js';
import { show } from './show.js';

/**
 * `x` when `typeof x` is `type`; a `TypeError` `<owner>: <name> must be <what>, got <value>`
 * otherwise (`what`: `a <type>` unless given): the check of a string, a boolean, a function
 * (`checkNumber`, which has a rule to check as well, checks its type itself).
 */
export function checkTypeOf<T>(owner: string, name: string, x: unknown, type: string, what = `a ${type}`): T {
  if (typeof x !== type) throw mustBe(owner, name, what, show(x));
  return x as T;
}

/**
 * `x` when it is a string; a `TypeError` `<owner>: <name> must be a string, got <value>` otherwise.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkString('earlyStopping', 'monitor', 3); // TypeError: earlyStopping: monitor must be a string, got 3
 */
export const checkString = (owner: string, name: string, x: unknown): string => checkTypeOf(owner, name, x, 'string');

/**
 * `x` when it is a boolean; a `TypeError` `<owner>: <name> must be a boolean, got <value>` otherwise.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkBoolean('exponential', 'staircase', 'yes'); // TypeError: exponential: staircase must be a boolean, got 'yes'
 */
export const checkBoolean = (owner: string, name: string, x: unknown): boolean => checkTypeOf(owner, name, x, 'boolean');

/**
 * `x` when it is a function; a `TypeError` `<owner>: <name> must be <what>, got <value>` otherwise.
 * `what` names the function the caller expects (default `'a function'`).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @param what - the function expected, as the message says it (default `'a function'`)
 * @typeParam F - the function type the caller expects, which `x` is returned as
 * @example
 * checkFunction('Linear', 'init', 0.5, 'an initializer function');
 * // TypeError: Linear: init must be an initializer function, got 0.5
 */
export const checkFunction = <F extends (...args: never[]) => unknown>(
  owner: string,
  name: string,
  x: unknown,
  what?: string,
): F => checkTypeOf(owner, name, x, 'function', what);
