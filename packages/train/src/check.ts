/**
 * Boundary validation is @etagrad/check's (one format, `<Owner>: <option> must be <rule>, got
 * <value>`); train re-exports the ones it uses. Internal: not re-exported from the index.
 */

export {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkFunction,
  checkKeys,
  checkNonNegative,
  checkNonNegativeInteger,
  checkNumber,
  checkObject,
  checkPositiveInteger,
  checkString,
  isRecord,
  show,
} from '@etagrad/check';
