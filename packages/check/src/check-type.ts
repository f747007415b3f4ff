import { show } from './show.js';

/**
 * `x` when it is a string; a `TypeError` `<owner>: <name> must be a string, got <value>` otherwise.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkString('earlyStopping', 'monitor', 3); // TypeError: earlyStopping: monitor must be a string, got 3
 */
export function checkString(owner: string, name: string, x: unknown): string {
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be a string, got ${show(x)}`);
  return x;
}

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
export function checkFunction<F extends (...args: never[]) => unknown>(
  owner: string,
  name: string,
  x: unknown,
  what = 'a function',
): F {
  if (typeof x !== 'function') throw new TypeError(`${owner}: ${name} must be ${what}, got ${show(x)}`);
  return x as F;
}
