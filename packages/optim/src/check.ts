// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only optim needs is here.

import { checkKeys, checkObject } from '@etagrad/check';

export {
  checkBoolean,
  checkChoice,
  checkInteger,
  checkKeys,
  checkNonNegative,
  checkNumber,
  checkObject,
  prefixed,
  show,
} from '@etagrad/check';

/**
 * The options object of `owner` (`{}` when omitted), refusing anything but an object and any key
 * outside `known` (with the nearest known key as a suggestion).
 */
export function checkOptions(owner: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  const given = checkObject(owner, 'options', options);
  checkKeys(owner, 'options', given, known);
  return given;
}
