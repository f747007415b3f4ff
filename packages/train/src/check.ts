/**
 * Boundary validation in the one format etagrad uses everywhere:
 * `<Owner>: <option> must be <rule>, got <value>` (TypeError for a wrong type, RangeError out of
 * range). Internal: not re-exported from the index.
 */

/** Shows a rejected value as the user would write it (strings quoted, objects by kind). */
export function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'function') return 'a function';
  return String(x);
}

export function checkNumber(
  owner: string,
  name: string,
  x: unknown,
  rule: string,
  valid: (n: number) => boolean,
): number {
  if (typeof x !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${typeof x}`);
  if (!valid(x)) throw new RangeError(`${owner}: ${name} must be ${rule}, got ${x}`);
  return x;
}

export const isPositiveInteger = (n: number): boolean => Number.isInteger(n) && n >= 1;
export const isNonNegativeInteger = (n: number): boolean => Number.isInteger(n) && n >= 0;
export const isNonNegativeFinite = (n: number): boolean => Number.isFinite(n) && n >= 0;

export function positiveInteger(owner: string, name: string, x: unknown): number {
  return checkNumber(owner, name, x, 'a positive integer', isPositiveInteger);
}

export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${typeof x}`);
  return x;
}

export function checkString(owner: string, name: string, x: unknown): string {
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be a string, got ${typeof x}`);
  return x;
}

export function checkFunction(owner: string, name: string, x: unknown): void {
  if (typeof x !== 'function') throw new TypeError(`${owner}: ${name} must be a function, got ${typeof x}`);
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function checkRecord(owner: string, name: string, x: unknown): Record<string, unknown> {
  if (!isRecord(x)) throw new TypeError(`${owner}: ${name} must be an object, got ${show(x)}`);
  return x;
}

/** Picks among a closed set of strings. */
export function checkOneOf<T extends string>(
  owner: string,
  name: string,
  x: unknown,
  allowed: readonly T[],
): T {
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be a string, got ${typeof x}`);
  if (!(allowed as readonly string[]).includes(x)) {
    throw new RangeError(`${owner}: ${name} must be one of ${allowed.join(', ')}, got '${x}'`);
  }
  return x as T;
}
