import { checkStrings } from './check-strings.js';
import { mustBe } from './must-be.js';
import { show } from './show.js';

/**
 * `x` when it is one of `choices`, typed as that choice. A `TypeError` when it is not a string and
 * a `RangeError` when it is another string, both `<owner>: <name> must be one of 'a', 'b', got <value>`.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @param choices - every allowed string, in the order the message lists them (else a `TypeError`
 *   naming `choices`)
 * @example
 * checkChoice('oneCycle', 'anneal', 'sine', ['cos', 'linear']);
 * // RangeError: oneCycle: anneal must be one of 'cos', 'linear', got 'sine'
 */
export function checkChoice<const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C {
  if (checkStrings('checkChoice', 'choices', choices).includes(x as C)) return x as C;
  throw mustBe(owner, name, `one of ${choices.map(show).join(', ')}`, show(x), typeof x === 'string' ? RangeError : TypeError);
}
