import type { Operand } from './op.js';

// The forward rules of the n-ary reductions, shared by the rule table (rules.ts) and the ops that
// make their nodes (n-ary.ts), which thus need not import the whole table.

/** `Σ xs`, from the first element on. */
export const sumOf = (xs: readonly Operand[]): number => {
  let total = 0;
  // `+x`, a no-op on a number, keeps the sum unboxed: where the two branches give a number read
  // from an array and one read from a field, V8 otherwise boxes every element (16 bytes each)
  for (const x of xs) total += typeof x === 'number' ? +x : x.data;
  return total;
};

const dataOf = (x: Operand): number => (typeof x === 'number' ? x : x.data);

/** `ln Σ e^x` as `m + ln Σ e^(x - m)`, `m = max x`: no overflow (±Infinity when `m` is). */
export const logSumExpOf = (xs: readonly Operand[]): number => {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, dataOf(x));
  if (m === Infinity || m === -Infinity) return m;
  let total = 0;
  for (const x of xs) total += Math.exp(dataOf(x) - m);
  return m + Math.log(total);
};
