/**
 * Boundary validation is @etagrad/check's (one format, `<Owner>: <option> must be <rule>, got
 * <value>`); the checks only train needs are here. Internal: not re-exported from the index.
 */

import { show } from '@etagrad/check';

export {
  checkBoolean,
  checkChoice,
  checkNonNegative,
  checkNonNegativeInteger,
  checkNumber,
  checkObject,
  checkPositiveInteger,
  isRecord,
  show,
} from '@etagrad/check';

export function checkString(owner: string, name: string, x: unknown): string {
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be a string, got ${show(x)}`);
  return x;
}

export function checkFunction(owner: string, name: string, x: unknown): void {
  if (typeof x !== 'function') throw new TypeError(`${owner}: ${name} must be a function, got ${show(x)}`);
}
