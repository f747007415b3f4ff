import { show } from './show.js';

/**
 * `x` when it is a boolean; a `TypeError` `<owner>: <name> must be a boolean, got <value>` otherwise.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkBoolean('exponential', 'staircase', 'yes'); // TypeError: exponential: staircase must be a boolean, got 'yes'
 */
export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${show(x)}`);
  return x;
}
