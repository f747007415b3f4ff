import { show } from './show.js';

/**
 * True when `x` is an object that can hold named options: not null, not an array, not a function.
 *
 * @example
 * isRecord({ lr: 0.1 }); // true
 * isRecord([0.1]);       // false
 */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * `x` when it is an object (see {@link isRecord}); a `TypeError`
 * `<owner>: <name> must be an object, got <value>` otherwise.
 *
 * @example
 * checkObject('cosine', 'options', 5); // TypeError: cosine: options must be an object, got 5
 */
export function checkObject(owner: string, name: string, x: unknown): Record<string, unknown> {
  if (!isRecord(x)) throw new TypeError(`${owner}: ${name} must be an object, got ${show(x)}`);
  return x;
}

/**
 * Refuses a key of `x` outside `known`, so a typo (`lr_decay` for `lrDecay`) is an error rather
 * than an option silently left at its default: a `TypeError`
 * `<owner>: <name> must hold only <known, ...>, got '<key>'`.
 *
 * @example
 * checkKeys('Adagrad', 'options', { lr_decay: 0.1 }, ['lr', 'lrDecay']);
 * // TypeError: Adagrad: options must hold only lr, lrDecay, got 'lr_decay'
 */
export function checkKeys(owner: string, name: string, x: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(x)) {
    if (!known.includes(key)) throw new TypeError(`${owner}: ${name} must hold only ${known.join(', ')}, got '${key}'`);
  }
}
