import { checkNumberTrusted } from './check-number.js';

// The rules more than one package states, each worded once. Integers are safe integers: a count
// beyond 2^53 cannot be stepped through exactly, so it is refused rather than rounded. A bound
// and `< Infinity` make a number finite: NaN fails every comparison.

/**
 * A finite number (not NaN, not ±Infinity).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkFinite('xor', 'noise', Infinity); // RangeError: xor: noise must be a finite number, got Infinity
 */
export const checkFinite = (owner: string, name: string, x: unknown): number =>
  checkNumberTrusted(owner, name, x, 'a finite number', Number.isFinite);

/**
 * A finite number >= 0 (a learning rate, a noise level).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkNonNegative('SGD', 'lr', -1); // RangeError: SGD: lr must be a finite number >= 0, got -1
 */
export const checkNonNegative = (owner: string, name: string, x: unknown): number =>
  checkNumberTrusted(owner, name, x, 'a finite number >= 0', (n) => n >= 0 && n < Infinity);

/**
 * A finite number > 0 (a scale, a width).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkPositive('huber', 'delta', 0); // RangeError: huber: delta must be a finite number > 0, got 0
 */
export const checkPositive = (owner: string, name: string, x: unknown): number =>
  checkNumberTrusted(owner, name, x, 'a finite number > 0', (n) => n > 0 && n < Infinity);

/**
 * A safe integer >= 1 (a number of steps, a batch size).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkPositiveInteger('cosine', 'steps', 0.5); // RangeError: cosine: steps must be a positive integer, got 0.5
 */
export const checkPositiveInteger = (owner: string, name: string, x: unknown): number =>
  checkNumberTrusted(owner, name, x, 'a positive integer', (n) => Number.isSafeInteger(n) && n >= 1);

/**
 * A safe integer >= 0 (a count that may be zero).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @example
 * checkNonNegativeInteger('shift', 'steps', -1); // RangeError: shift: steps must be an integer >= 0, got -1
 */
export const checkNonNegativeInteger = (owner: string, name: string, x: unknown): number =>
  checkInteger(owner, name, x, 0);

/**
 * A safe integer >= `min` (itself a safe integer, else a `TypeError` or `RangeError` naming `min`).
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param x - the value to check
 * @param min - the least integer allowed
 * @example
 * checkInteger('MLP', 'sizes[0]', 0, 1); // RangeError: MLP: sizes[0] must be an integer >= 1, got 0
 */
export function checkInteger(owner: string, name: string, x: unknown, min: number): number {
  checkNumberTrusted('checkInteger', 'min', min, 'a safe integer', Number.isSafeInteger);
  return checkNumberTrusted(owner, name, x, `an integer >= ${min}`, (n) => Number.isSafeInteger(n) && n >= min);
}
