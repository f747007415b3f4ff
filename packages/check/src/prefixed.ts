/**
 * The same kind of error (`RangeError`, `TypeError`, `SyntaxError`, else `Error`) with
 * `<prefix>: ` before its message and the original as its `cause`: how an error from inside
 * (reading a nested spec, a saved state) names where it happened.
 *
 * @param error - the error caught (anything thrown)
 * @param prefix - where it happened, e.g. `'spec.inner'` or `'Adam: state.groups[0].hyper.lr'`
 * @example
 * prefixed(new RangeError('cosine: steps must be a positive integer, got 0'), 'spec.inner');
 * // RangeError: spec.inner: cosine: steps must be a positive integer, got 0
 */
export function prefixed(error: unknown, prefix: string): Error {
  const message = `${prefix}: ${error instanceof Error ? error.message : String(error)}`;
  if (error instanceof RangeError) return new RangeError(message, { cause: error });
  if (error instanceof TypeError) return new TypeError(message, { cause: error });
  if (error instanceof SyntaxError) return new SyntaxError(message, { cause: error });
  return new Error(message, { cause: error });
}
