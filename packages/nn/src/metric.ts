import { isValue, type Value } from '@etagrad/autograd';
import { mustBe, show } from './check.js';

/**
 * A metric: `(outputs, targets) => number` in [0, 1], computed from the numbers (no graph).
 * Rows may hold `Value`s or plain numbers.
 *
 * @param outputs - the model's outputs, one row per sample
 * @param targets - one label per row
 */
export type Metric = (outputs: readonly (readonly Value[])[], targets: readonly number[]) => number;

/**
 * The fraction of rows that `hit` counts, after checking the batch (`hit` checks each row's width
 * and target). NaN when any score is NaN (a diverged model; an op's Value may hold it), as the
 * loss is then: NaN is above nothing, so counted it would pass for the first or the negative
 * class, a silent score. `fit` stops such a run as diverged. ±Infinity are scores like any other.
 */
export function fractionOf(owner: string, outputs: unknown, targets: unknown, hit: (row: readonly number[], i: number) => boolean): number {
  const rows = rowsOf(owner, outputs, targets);
  let hits = 0;
  let nan = false;
  rows.forEach((row, i) => {
    if (hit(row, i)) hits++;
    nan ||= row.some(Number.isNaN);
  });
  return nan ? Number.NaN : hits / rows.length;
}

/** Checks a batch for a metric and returns the rows as numbers. */
function rowsOf(owner: string, outputs: unknown, targets: unknown): number[][] {
  if (!Array.isArray(outputs)) throw mustBe(owner, 'outputs', 'an array of rows (one per sample)', show(outputs));
  if (!Array.isArray(targets)) throw mustBe(owner, 'targets', 'an array (one per sample)', show(targets));
  if (outputs.length === 0) throw new RangeError(`${owner}: outputs must have at least one row, got 0`);
  if (targets.length !== outputs.length) {
    throw new RangeError(`${owner}: targets must have one entry per row of outputs (${outputs.length}), got ${targets.length}`);
  }
  return outputs.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length === 0) throw mustBe(owner, `outputs[${i}]`, 'a non-empty array', show(row));
    return row.map((v: unknown, j) => {
      const score = isValue(v) ? v.data : v;
      if (typeof score !== 'number') throw mustBe(owner, `outputs[${i}][${j}]`, 'a Value or a number', show(v));
      return score;
    });
  });
}
