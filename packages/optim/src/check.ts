// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only optim needs is here.

export {
  checkBoolean,
  checkChoice,
  checkInteger,
  checkKeys,
  checkNonNegative,
  checkNumber,
  checkObject,
  show,
} from '@etagrad/check';

/** The same kind of error with `<prefix>: ` before its message (for errors from `fromSpec`). */
export function prefixed(error: unknown, prefix: string): Error {
  const message = `${prefix}: ${error instanceof Error ? error.message : String(error)}`;
  if (error instanceof RangeError) return new RangeError(message, { cause: error });
  if (error instanceof TypeError) return new TypeError(message, { cause: error });
  return new Error(message, { cause: error });
}
