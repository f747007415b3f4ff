/**
 * How a rejected value is shown after `got` in an error message: as the user would have written
 * it where that is short (strings quoted, numbers, booleans, `null`, `undefined`, bigints with
 * their `n`), by kind where it is not (arrays with their length, objects, functions).
 *
 * @param x - the rejected value
 * @example
 * show('0.1');     // "'0.1'"
 * show([1, 2, 3]); // 'an array of length 3'
 * show({});        // 'an object'
 */
export function show(x: unknown): string {
  if (typeof x === 'string') return `'${x}'`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object') return 'an object';
  if (typeof x === 'function') return 'a function';
  if (typeof x === 'bigint') return `${x}n`;
  return String(x); // number, boolean, undefined, symbol
}
