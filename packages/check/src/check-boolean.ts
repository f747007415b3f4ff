import { show } from './show.js';

/**
 * `x` when it is a boolean; a `TypeError` `<owner>: <name> must be a boolean, got <value>` otherwise.
 *
 * @example
 * checkBoolean('exponential', 'staircase', 'yes'); // TypeError: exponential: staircase must be a boolean, got 'yes'
 */
export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${show(x)}`);
  return x;
}
