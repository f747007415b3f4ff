// @etagrad/check: boundary validation in etagrad's one error format,
// `<Owner>: <option> must be <rule>, got <value>`; TypeError for a wrong type, RangeError for a
// value out of range. Each check returns the value it checked.

export { show } from './show.js';
export { mustBe } from './must-be.js';
export { checkNumber, checkNumberTrusted } from './check-number.js';
export {
  checkFinite,
  checkInteger,
  checkNonNegative,
  checkNonNegativeInteger,
  checkPositive,
  checkPositiveInteger,
} from './number-rules.js';
export { checkChoice, checkChoiceTrusted } from './check-choice.js';
export { checkBoolean, checkFunction, checkString } from './check-type.js';
export { checkKeys, checkKeysTrusted, checkObject, isRecord } from './check-object.js';
export { closest, editDistance } from './closest.js';
export { prefixed } from './prefixed.js';
export { thrownMessage } from './thrown-message.js';
export { checkOptions, checkOptionsTrusted } from './check-options.js';
