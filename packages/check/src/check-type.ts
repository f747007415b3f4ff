import { show } from './show.js';

/**
 * `x` when it is a string; a `TypeError` `<owner>: <name> must be a string, got <value>` otherwise.
 *
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
