// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only optim needs is here.

export {
  checkBoolean,
  checkChoice,
  checkFunction,
  checkInteger,
  checkKeys,
  checkNonNegative,
  checkNumber,
  checkObject,
  checkOptions,
  checkString,
  prefixed,
  show,
} from '@etagrad/check';
