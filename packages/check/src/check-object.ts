import { checkStrings } from './check-strings.js';
import { nearest } from './closest.js';
import { mustBe } from './must-be.js';
import { show } from './show.js';

/**
 * True when `x` is an object that can hold named options: not null, not an array, not a function.
 *
 * @param x - any value
 * @example
 * isRecord({ lr: 0.1 }); // true
 * isRecord([0.1]);       // false
 */
export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * `x` when it is an object (see {@link isRecord}); a `TypeError`
 * `<owner>: <name> must be an object, got <value>` otherwise.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkObject('cosine', 'options', 5); // TypeError: cosine: options must be an object, got 5
 */
export function checkObject(owner: string, name: string, x: unknown): Record<string, unknown> {
  if (!isRecord(x)) throw mustBe(owner, name, 'an object', show(x));
  return x;
}

/**
 * Refuses a key of `x` outside `known`, so a typo (`fianl` for `final`) is an error rather than an
 * option silently left at its default. The `TypeError` names the key, the known key nearest to it
 * when one is near (see {@link closest}), and every known key:
 * `<owner>: unknown option '<key>' (did you mean '<known>'?); options are <known, ...>` when `name`
 * is `'options'`, `<owner>: unknown key '<key>' in <name> (...); keys are <known, ...>` otherwise.
 * A `__proto__` key (which JSON.parse makes an own key) and keys inherited from a prototype other
 * than Object's (`{ __proto__: { final: 1 } }`) are refused too, so nothing reaches a prototype
 * and every key read is one that was checked. `x` itself must be an object (see {@link checkObject}).
 *
 * @param owner - the function or class the options belong to, first in the message
 * @param name - what `x` is, e.g. `'options'`, `'state.hyper'`
 * @param x - the object whose keys are checked
 * @param known - every key `x` may hold, in the order the message lists them (else a `TypeError`
 *   naming `known`)
 * @returns `x`
 * @example
 * checkKeys('cosine', 'options', { initial: 0.1, steps: 10, fianl: 0 }, ['initial', 'steps', 'final']);
 * // TypeError: cosine: unknown option 'fianl' (did you mean 'final'?); options are initial, steps, final
 */
export const checkKeys = (owner: string, name: string, x: unknown, known: readonly string[]): Record<string, unknown> =>
  checkKeysTrusted(owner, x, checkStrings('checkKeys', 'known', known), name);

/**
 * {@link checkKeys} trusting `known` to be an array of strings, with the name of `x` last and
 * `'options'` by default: for etagrad's own packages, whose key lists are constants the compiler
 * checks and which mostly check options, so a bundle carries neither the check of the list nor a
 * wrapper that names the options. Anything else calls `checkKeys`.
 *
 * @param owner - the function or class the options belong to, first in the message
 * @param x - the object whose keys are checked
 * @param known - every key `x` may hold (an array of strings, not checked)
 * @param name - what `x` is, e.g. `'state.hyper'` (default `'options'`)
 * @returns `x`
 * @example
 * checkKeysTrusted('cosine', { fianl: 0 }, ['initial', 'steps', 'final']);
 * // TypeError: cosine: unknown option 'fianl' (did you mean 'final'?); options are initial, steps, final
 */
export function checkKeysTrusted(owner: string, x: unknown, known: readonly string[], name = 'options'): Record<string, unknown> {
  const record = checkObject(owner, name, x);
  for (const key in record) {
    if (key === '__proto__' || !Object.hasOwn(record, key)) {
      throw mustBe(owner, name, "a plain object (own keys, no '__proto__')", show(key));
    }
    if (!known.includes(key)) {
      const guess = nearest(key, known);
      const where = name === 'options' ? '' : ` in ${name}`;
      const word = where ? 'key' : 'option';
      throw new TypeError(
        `${owner}: unknown ${word} '${key}'${where}${guess === undefined ? '' : ` (did you mean '${guess}'?)`}; ` +
          `${word}s are ${known.join(', ') || 'none'}`,
      );
    }
  }
  return record;
}
