import { show } from './show.js';

/**
 * `x` when it is one of `choices`, typed as that choice. A `TypeError` when it is not a string and
 * a `RangeError` when it is another string, both `<owner>: <name> must be one of 'a', 'b', got <value>`.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @param choices - every allowed string, in the order the message lists them
 * @example
 * checkChoice('oneCycle', 'anneal', 'sine', ['cos', 'linear']);
 * // RangeError: oneCycle: anneal must be one of 'cos', 'linear', got 'sine'
 */
export function checkChoice<const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C {
  const found = choices.find((c) => c === x);
  if (found !== undefined) return found;
  const message = `${owner}: ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')}, got ${show(x)}`;
  throw typeof x === 'string' ? new RangeError(message) : new TypeError(message);
}
