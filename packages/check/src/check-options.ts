import { checkKeysTrusted } from './check-object.js';
import { checkStrings } from './check-strings.js';

/**
 * The options object of `owner`, `{}` when it is omitted (`undefined`), refusing anything but an
 * object (`moons(5)`, `moons(null)`: `moons: options must be an object, got 5`) and any key
 * outside `known`, with the nearest known key as a suggestion (see {@link checkKeys}).
 *
 * @param owner - the function or class the options belong to, first in the message
 * @param options - the options as given
 * @param known - every option `owner` takes, in the order the message lists them (else a
 *   `TypeError` naming `known`)
 * @returns the options, as a record to read the known keys from
 * @example
 * const { n = 100, noise = 0 } = checkOptions('moons', options, ['n', 'noise', 'seed', 'rng']) as MoonsOptions;
 */
export const checkOptions = (owner: string, options: unknown, known: readonly string[]): Record<string, unknown> =>
  checkOptionsTrusted(owner, options, checkStrings('checkOptions', 'known', known));

/**
 * {@link checkOptions} trusting `known` to be an array of strings: for etagrad's own packages,
 * whose option lists are constants the compiler checks, so a bundle need not carry the check of
 * the list. Anything else calls `checkOptions`.
 *
 * @param owner - the function or class the options belong to, first in the message
 * @param options - the options as given
 * @param known - every option `owner` takes (an array of strings, not checked)
 * @returns the options, as a record to read the known keys from
 */
export const checkOptionsTrusted = (owner: string, options: unknown, known: readonly string[]): Record<string, unknown> =>
  options === undefined ? {} : checkKeysTrusted(owner, options, known);
