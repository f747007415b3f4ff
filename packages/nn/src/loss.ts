import { mean, sum, Value } from '@etagrad/autograd';
import { checkChoice, checkObject, show } from './check.js';

/** How a loss combines its per-sample terms: their mean (default) or their sum. */
export type Reduction = 'mean' | 'sum';

/** Options every loss takes. */
export interface LossOptions {
  /** `'mean'` (default) or `'sum'` over the batch (and, for elementwise losses, over outputs). */
  readonly reduction?: Reduction;
}

/** What a model returned for a batch: one row of outputs per sample (a single sample is a batch of one). */
export type Outputs = readonly (readonly Value[])[];

/**
 * A loss: `(outputs, targets, options?) => Value`, one target per row of `outputs` (a number
 * for one output or a class index, `number[]` for several outputs). It returns one `Value`, the
 * mean over the batch (or the sum with `reduction: 'sum'`), ready for `backward()`. So `fit` and a
 * hand-written loop pass any loss around without adapters.
 *
 * @param outputs - the model's outputs, one row per sample
 * @param targets - one target per row: a number (one output, or a class index), or an array for several outputs
 * @param options - the reduction, `'mean'` (default) or `'sum'`
 */
export type Loss = (outputs: Outputs, targets: readonly (number | readonly number[])[], options?: LossOptions) => Value;

/** The reduction in `options`, checked. */
export function reductionOf(owner: string, options: unknown): Reduction {
  if (options === undefined) return 'mean';
  const { reduction = 'mean' } = checkObject(owner, 'options', options) as LossOptions;
  return checkChoice(owner, 'reduction', reduction, ['mean', 'sum'] as const);
}

/** Checks a batch: `outputs` rows of Values, one target per row; returns the rows. */
export function checkBatch(owner: string, outputs: unknown, targets: unknown): readonly (readonly Value[])[] {
  if (!Array.isArray(outputs)) throw new TypeError(`${owner}: outputs must be an array of rows (one per sample), got ${show(outputs)}`);
  if (!Array.isArray(targets)) throw new TypeError(`${owner}: targets must be an array (one per sample), got ${show(targets)}`);
  if (outputs.length === 0) throw new RangeError(`${owner}: outputs must have at least one row, got 0`);
  if (targets.length !== outputs.length) {
    throw new RangeError(`${owner}: targets must have one entry per row of outputs (${outputs.length}), got ${targets.length}`);
  }
  outputs.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length === 0) {
      throw new TypeError(`${owner}: outputs[${i}] must be a non-empty array of Values (one row per sample), got ${show(row)}`);
    }
    row.forEach((v: unknown, j) => {
      if (!(v instanceof Value)) throw new TypeError(`${owner}: outputs[${i}][${j}] must be a Value, got ${show(v)}`);
    });
  });
  return outputs as readonly (readonly Value[])[];
}

/** `terms` reduced to one node: `mean` or `sum`. */
export const reduce = (terms: readonly Value[], reduction: Reduction): Value => (reduction === 'mean' ? mean(terms) : sum(terms));

/**
 * The target of each output in a row, for elementwise losses: a number target for a one-output
 * row, or an array with one number per output. `check` validates each number (the row index is
 * given for the error).
 */
export function targetsOfRow(owner: string, target: unknown, row: readonly Value[], i: number): readonly number[] {
  if (typeof target === 'number') {
    if (row.length !== 1) {
      throw new RangeError(`${owner}: target at row ${i} must be an array of ${row.length} numbers (one per output), got ${target}`);
    }
    return [target];
  }
  if (!Array.isArray(target) || target.length !== row.length) {
    throw new TypeError(`${owner}: target at row ${i} must be ${row.length === 1 ? 'a number or ' : ''}an array of ${row.length} numbers (one per output), got ${show(target)}`);
  }
  return target as readonly number[];
}

/**
 * An elementwise loss: `term(output, target)` for every output of every row, reduced over all
 * of them (PyTorch's elementwise mean; for one output per row, the mean over the batch).
 * `checkTarget` refuses a target (by returning the rule it breaks) before any node is made.
 */
export function elementwise(
  owner: string,
  outputs: unknown,
  targets: unknown,
  options: unknown,
  checkTarget: (t: number) => string | null,
  term: (output: Value, target: number, row: number) => Value,
): Value {
  const rows = checkBatch(owner, outputs, targets);
  const reduction = reductionOf(owner, options);
  const pairs = rows.map((row, i) => {
    const ts = targetsOfRow(owner, (targets as unknown[])[i], row, i);
    for (const t of ts) {
      const rule = typeof t === 'number' ? checkTarget(t) : 'a number';
      if (rule !== null) throw new RangeError(`${owner}: target ${show(t)} at row ${i} must be ${rule}`);
    }
    return ts;
  });
  const terms: Value[] = [];
  rows.forEach((row, i) => row.forEach((o, j) => terms.push(term(o, (pairs[i] as readonly number[])[j] as number, i))));
  return reduce(terms, reduction);
}

/** `checkTarget` for real-valued targets. */
export const finiteTarget = (t: number): string | null => (Number.isFinite(t) ? null : 'a finite number');

/**
 * A loss with one term per row (classification): `term(row, target, i)` for each sample, reduced
 * over the batch.
 */
export function rowwise(
  owner: string,
  outputs: unknown,
  targets: unknown,
  options: unknown,
  term: (row: readonly Value[], target: unknown, i: number) => Value,
): Value {
  const rows = checkBatch(owner, outputs, targets);
  const reduction = reductionOf(owner, options);
  return reduce(rows.map((row, i) => term(row, (targets as unknown[])[i], i)), reduction);
}
