import { checkString } from './check-type.js';
import { thrownMessage } from './thrown-message.js';

/**
 * The same kind of error (`RangeError`, `TypeError`, `SyntaxError`, else `Error`) with
 * `<prefix>: ` before its message and the original as its `cause`: how an error from inside
 * (reading a nested spec, a saved state) names where it happened.
 *
 * @param error - the error caught (anything thrown)
 * @param prefix - where it happened, e.g. `'spec.inner'` or `'Adam: state.groups[0].hyper.lr'`
 *   (else a `TypeError` naming `prefix`)
 * @example
 * prefixed(new RangeError('cosine: steps must be a positive integer, got 0'), 'spec.inner');
 * // RangeError: spec.inner: cosine: steps must be a positive integer, got 0
 */
export function prefixed(error: unknown, prefix: string): Error {
  const message = `${checkString('prefixed', 'prefix', prefix)}: ${thrownMessage(error)}`;
  const Type = [RangeError, TypeError, SyntaxError].find((T) => error instanceof T) ?? Error;
  return new Type(message, { cause: error });
}
