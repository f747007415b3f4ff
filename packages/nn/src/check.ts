// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only nn needs is here.

import { checkNumber } from '@etagrad/check';

export {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkFunction,
  checkInteger,
  checkNonNegative,
  checkNumber,
  checkObject,
  checkOptions,
  checkPositive,
  checkPositiveInteger,
  isRecord,
  mustBe,
  show,
} from '@etagrad/check';

/** An integer seed (any safe integer, negative allowed). */
export const checkSeed = (owner: string, x: unknown): number =>
  checkNumber(owner, 'seed', x, 'a safe integer', Number.isSafeInteger);
