/**
 * Validation at the public boundary, in one format:
 * `<Owner>: <name> must be <rule>, got <value>` (STYLE.md). `TypeError` for a wrong type,
 * `RangeError` for a value out of range. `valid` states what is allowed, so NaN fails.
 */
export function checkNumber(
  owner: string,
  name: string,
  x: unknown,
  rule: string,
  valid: (n: number) => boolean,
): number {
  if (typeof x !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${describe(x)}`);
  if (!valid(x)) throw new RangeError(`${owner}: ${name} must be ${rule}, got ${x}`);
  return x;
}

/** A finite number. */
export const checkFinite = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'finite', Number.isFinite);

/** An integer >= `min` (default 1). */
export const checkInteger = (owner: string, name: string, x: unknown, min = 1): number =>
  checkNumber(owner, name, x, `an integer >= ${min}`, (n) => Number.isInteger(n) && n >= min);

/** A finite number >= 0. */
export const checkNonNegative = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number >= 0', (n) => Number.isFinite(n) && n >= 0);

/** A finite number > 0. */
export const checkPositive = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);

/** An integer seed (any safe integer, negative allowed). */
export const checkSeed = (owner: string, x: unknown): number =>
  checkNumber(owner, 'seed', x, 'a safe integer', Number.isSafeInteger);

/** A boolean. */
export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${describe(x)}`);
  return x;
}

/** One of a closed set of strings. */
export function checkOneOf<T extends string>(owner: string, name: string, x: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(x)) return x as T;
  const list = allowed.map((a) => `'${a}'`).join(', ');
  throw new RangeError(`${owner}: ${name} must be one of ${list}, got ${describe(x)}`);
}

/** How a value is shown in an error: strings quoted, arrays and objects by kind. */
export function describe(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x === null) return 'null';
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return String(x);
  return typeof x;
}
