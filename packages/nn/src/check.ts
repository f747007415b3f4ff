// Validation at the public boundary is @etagrad/check's (one format,
// `<Owner>: <option> must be <rule>, got <value>`); what only nn needs is here. nn's lists of
// options and choices are constants and its rules functions, so it uses the checks that trust them.

import { checkFinite, checkNonNegative, checkNumberTrusted as checkNumber } from '@etagrad/check';

export {
  checkBoolean,
  checkChoiceTrusted as checkChoice,
  checkFinite,
  checkFunction,
  checkInteger,
  checkNonNegative,
  checkNumberTrusted as checkNumber,
  checkObject,
  checkOptionsTrusted as checkOptions,
  checkPositive,
  checkPositiveInteger,
  isRecord,
  mustBe,
  show,
} from '@etagrad/check';

/** A safe integer, negative allowed (a seed, the low end of `rng.int`). */
export const checkSafeInteger = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a safe integer', Number.isSafeInteger);

/** The ends of a uniform draw in [low, high): both finite, high > low. */
export function checkInterval(owner: string, low: unknown, high: unknown): void {
  checkFinite(owner, 'low', low);
  checkNumber(owner, 'high', high, `finite and > low (${low as number})`, (h) => Number.isFinite(h) && h > (low as number));
}

/** The parameters of a Gaussian draw: a finite `mean`, a finite `std` >= 0. */
export function checkGaussian(owner: string, mean: unknown, std: unknown): void {
  checkFinite(owner, 'mean', mean);
  checkNonNegative(owner, 'std', std);
}
