// Validation at the public boundary, in one format (STYLE.md):
// `<Owner>: <option> must be <rule>, got <value>`; TypeError for a wrong type, RangeError for a
// value out of range. `valid` states what is allowed, so NaN fails every rule.

/** What kind of thing `x` is, for a TypeError: `'string'`, `'array'`, `'null'`, ... */
export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

/** Show a value as the user wrote it: strings quoted, numbers as numbers, others by type. */
export function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (typeof x === 'number' || typeof x === 'boolean' || x === undefined) return String(x);
  return typeName(x);
}

/** `x` if it is a number for which `valid` holds; TypeError if not a number, else RangeError. */
export function checkNumber(
  owner: string,
  name: string,
  x: unknown,
  rule: string,
  valid: (n: number) => boolean,
): number {
  if (typeof x !== 'number') throw new TypeError(`${owner}: ${name} must be a number, got ${typeName(x)}`);
  if (!valid(x)) throw new RangeError(`${owner}: ${name} must be ${rule}, got ${x}`);
  return x;
}

/** An integer >= `min`. */
export const checkInteger = (owner: string, name: string, x: unknown, min: number): number =>
  checkNumber(owner, name, x, `an integer >= ${min}`, (n) => Number.isSafeInteger(n) && n >= min);

/** A finite number >= 0. */
export const checkNonNegative = (owner: string, name: string, x: unknown): number =>
  checkNumber(owner, name, x, 'a finite number >= 0', (n) => Number.isFinite(n) && n >= 0);

/** A boolean. */
export function checkBoolean(owner: string, name: string, x: unknown): boolean {
  if (typeof x !== 'boolean') throw new TypeError(`${owner}: ${name} must be a boolean, got ${typeName(x)}`);
  return x;
}

/** One of a closed set of strings. */
export function checkChoice<const C extends string>(owner: string, name: string, x: unknown, choices: readonly C[]): C {
  const list = choices.map((c) => `'${c}'`).join(', ');
  if (typeof x !== 'string') throw new TypeError(`${owner}: ${name} must be one of ${list}, got ${typeName(x)}`);
  const found = choices.find((c) => c === x);
  if (found === undefined) throw new RangeError(`${owner}: ${name} must be one of ${list}, got '${x}'`);
  return found;
}

/** A plain object (not null, not an array, not a function). */
export function checkObject(owner: string, name: string, x: unknown): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw new TypeError(`${owner}: ${name} must be an object, got ${typeName(x)}`);
  }
  return x as Record<string, unknown>;
}

/** Refuse keys of `x` outside `known` (a typo such as `lr_decay` must not pass silently). */
export function checkKeys(owner: string, name: string, x: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(x)) {
    if (!known.includes(key)) {
      throw new TypeError(`${owner}: ${name} must hold only ${known.join(', ')}, got '${key}'`);
    }
  }
}

/** The same kind of error with `<prefix>: ` before its message (for errors from `fromSpec`). */
export function prefixed(error: unknown, prefix: string): Error {
  const message = `${prefix}: ${error instanceof Error ? error.message : String(error)}`;
  if (error instanceof RangeError) return new RangeError(message, { cause: error });
  if (error instanceof TypeError) return new TypeError(message, { cause: error });
  return new Error(message, { cause: error });
}
