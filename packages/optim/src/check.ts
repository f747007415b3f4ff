// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only optim needs is here.

export {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkFunction,
  checkInteger,
  checkKeys,
  checkNonNegative,
  checkNumber,
  checkObject,
  isRecord,
  checkOptions,
  checkString,
  mustBe,
  prefixed,
  show,
} from '@etagrad/check';
