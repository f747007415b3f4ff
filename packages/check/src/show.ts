/**
 * How a rejected value is shown after `got` in an error message: as the user would have written
 * it where that is short (strings quoted, numbers, booleans, `null`, `undefined`, bigints with
 * their `n`), by kind where it is not (arrays with their length, objects, functions, the start
 * of a string longer than 60 characters).
 *
 * @param x - the rejected value
 * @example
 * show('0.1');     // "'0.1'"
 * show([1, 2, 3]); // 'an array of length 3'
 * show({});        // 'an object'
 */
export function show(x: unknown): string {
  const type = typeof x;
  return typeof x === 'string'
    ? x.length > 60 // a whole file read as text: its start and its length
      ? `'${x.slice(0, 60)}…' (${x.length} characters)`
      : `'${x}'`
    : Array.isArray(x)
      ? `an array of length ${x.length}`
      : x && type === 'object' // null is shown as itself, below
        ? 'an object'
        : type === 'function'
          ? 'a function'
          : type === 'bigint'
            ? `${x as bigint}n`
            : String(x); // number, boolean, null, undefined, symbol (which a template would refuse)
}
