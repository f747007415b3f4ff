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
export const checkChoice = <const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C =>
  checkChoiceTrusted(owner, name, x, checkStrings('checkChoice', 'choices', choices));

/**
 * {@link checkChoice} trusting `choices` to be an array of strings: for etagrad's own packages,
 * whose choices are constants the compiler checks, so a bundle need not carry the check of the
 * list. Anything else calls `checkChoice`.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it
 * @param x - the value to check
 * @param choices - every allowed string (an array of strings, not checked)
 */
export function checkChoiceTrusted<const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C {
  if (choices.includes(x as C)) return x as C;
  throw mustBe(owner, name, `one of ${choices.map(show).join(', ')}`, show(x), typeof x === 'string' ? RangeError : TypeError);
}
