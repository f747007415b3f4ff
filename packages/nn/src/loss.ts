import { isValue, mean, sum, type Value } from '@etagrad/autograd';
import { checkChoice, checkOptions, mustBe, show } from './check.js';

/**
 * How a loss combines its per-sample terms: their mean (default), their sum, or `'none'`: one
 * `Value` per sample, uncombined (PyTorch's `reduction`).
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options every loss takes. */
export interface LossOptions {
  /**
   * `'mean'` (default) or `'sum'` over the batch (and, for elementwise losses, over outputs);
   * `'none'` returns one `Value` per sample instead (for a row of several outputs, an elementwise
   * loss gives the mean of that row's terms, so the mean of the list is the `'mean'` loss).
   */
  readonly reduction?: Reduction;
}

/** What a model returned for a batch: one row of outputs per sample (a single sample is a batch of one). */
export type Outputs = readonly (readonly Value[])[];

/** One target per sample: a number (one output, or a class index) or a number per output. */
export type Targets = readonly (number | readonly number[])[];

/**
 * What a training loop needs of a loss: `(outputs, targets, options?) => Value`, one target per
 * row of `outputs` (a number for one output or a class index, `number[]` for several outputs),
 * and one `Value` back, the mean over the batch (or the sum with `reduction: 'sum'`), ready for
 * `backward()`. Every built-in loss is one (see {@link LossOf} for their `'none'` form), and so is
 * any function of that shape, so `fit` and a hand-written loop pass losses around without adapters.
 *
 * @param outputs - one row of output `Value`s per sample
 * @param targets - one target per sample
 * @param options - `reduction`, `'mean'` (default) or `'sum'`
 */
export type Loss = (outputs: Outputs, targets: Targets, options?: { readonly reduction?: 'mean' | 'sum' }) => Value;

/**
 * The type of a built-in loss: a {@link Loss} that also takes `reduction: 'none'` and then
 * returns one `Value` per sample. `O` is the loss's options (`huber` adds `delta`).
 */
export interface LossOf<O extends LossOptions> {
  /**
   * @param outputs - one row of output `Value`s per sample
   * @param targets - one target per sample
   * @param options - `reduction` (default `'mean'`), and the loss's own options
   */
  (outputs: Outputs, targets: Targets, options?: O & { readonly reduction?: 'mean' | 'sum' }): Value;
  /**
   * @param outputs - one row of output `Value`s per sample
   * @param targets - one target per sample
   * @param options - `reduction: 'none'`: one `Value` per sample
   */
  (outputs: Outputs, targets: Targets, options: O & { readonly reduction: 'none' }): Value[];
  /**
   * @param outputs - one row of output `Value`s per sample
   * @param targets - one target per sample
   * @param options - `reduction` and the loss's own options
   */
  (outputs: Outputs, targets: Targets, options?: O): Value | Value[];
}

/** One loss function with the overloads of {@link LossOf} (the implementation returns their union). */
export const defineLoss = <O extends LossOptions>(loss: (outputs: Outputs, targets: Targets, options?: O) => Value | Value[]): LossOf<O> =>
  loss as LossOf<O>;

/** The reduction in `options`, checked along with the keys `options` may hold (`reduction` and `extra`). */
export function reductionOf(owner: string, options: unknown, extra: readonly string[] = []): Reduction {
  const { reduction = 'mean' } = checkOptions(owner, options, ['reduction', ...extra]) as LossOptions;
  return checkChoice(owner, 'reduction', reduction, ['mean', 'sum', 'none'] as const);
}

/** Checks a batch: `outputs` rows of Values, one target per row; returns the rows. */
export function checkBatch(owner: string, outputs: unknown, targets: unknown): readonly (readonly Value[])[] {
  if (!Array.isArray(outputs)) throw mustBe(owner, 'outputs', 'an array of rows (one per sample)', show(outputs));
  if (!Array.isArray(targets)) throw mustBe(owner, 'targets', 'an array (one per sample)', show(targets));
  if (outputs.length === 0) throw new RangeError(`${owner}: outputs must have at least one row, got 0`);
  if (targets.length !== outputs.length) {
    throw new RangeError(`${owner}: targets must have one entry per row of outputs (${outputs.length}), got ${targets.length}`);
  }
  outputs.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length === 0) {
      throw mustBe(owner, `outputs[${i}]`, 'a non-empty array of Values (one row per sample)', show(row));
    }
    row.forEach((v: unknown, j) => {
      if (!isValue(v)) throw mustBe(owner, `outputs[${i}][${j}]`, 'a Value', show(v));
    });
  });
  return outputs as readonly (readonly Value[])[];
}

/** Per-sample terms reduced: their mean, their sum, or (`'none'`) the list itself. */
const reduce = (terms: Value[], reduction: Reduction): Value | Value[] =>
  reduction === 'none' ? terms : reduction === 'mean' ? mean(terms) : sum(terms);

/**
 * The target of each output in a row, for elementwise losses: a number target for a one-output
 * row, or an array with one number per output.
 */
export function targetsOfRow(owner: string, target: unknown, row: readonly Value[], i: number): readonly unknown[] {
  if (typeof target === 'number') {
    if (row.length !== 1) {
      throw mustBe(owner, `targets[${i}]`, `an array of ${row.length} numbers (one per output)`, `${target}`, RangeError);
    }
    return [target];
  }
  if (!Array.isArray(target) || target.length !== row.length) {
    throw mustBe(owner, `targets[${i}]`, `${row.length === 1 ? 'a number or ' : ''}an array of ${row.length} numbers (one per output)`, show(target));
  }
  return target as readonly unknown[];
}

/**
 * An elementwise loss: `term(output, target)` for every output of every row, reduced over all
 * of them (PyTorch's elementwise mean; for one output per row, the mean over the batch); with
 * `'none'`, one value per row, the mean of its terms. `checkTarget` refuses a target (by
 * returning the rule it breaks) before any node is made.
 */
export function elementwise(
  owner: string,
  outputs: unknown,
  targets: unknown,
  options: unknown,
  checkTarget: (t: number) => string | null,
  term: (output: Value, target: number, i: number, j: number) => Value,
): Value | Value[] {
  const rows = checkBatch(owner, outputs, targets);
  const reduction = reductionOf(owner, options);
  const checked = rows.map((row, i) => {
    const ts = targetsOfRow(owner, (targets as unknown[])[i], row, i);
    ts.forEach((t, j) => {
      const rule = typeof t === 'number' ? checkTarget(t) : 'a number';
      if (rule === null) return;
      const where = typeof (targets as unknown[])[i] === 'number' ? `[${i}]` : `[${i}][${j}]`;
      throw mustBe(owner, `targets${where}`, rule, show(t), typeof t === 'number' ? RangeError : TypeError);
    });
    return ts as readonly number[];
  });
  if (reduction === 'none') {
    return rows.map((row, i) => {
      const terms = row.map((o, j) => term(o, (checked[i] as number[])[j] as number, i, j));
      return terms.length === 1 ? (terms[0] as Value) : mean(terms);
    });
  }
  const terms: Value[] = [];
  rows.forEach((row, i) => row.forEach((o, j) => terms.push(term(o, (checked[i] as number[])[j] as number, i, j))));
  return reduce(terms, reduction);
}

/** `checkTarget` for real-valued targets. */
export const finiteTarget = (t: number): string | null => (Number.isFinite(t) ? null : 'a finite number');

/**
 * A loss with one term per row (classification): `term(row, target, i)` for each sample, reduced
 * over the batch (`'none'`: the list of terms).
 */
export function rowwise(
  owner: string,
  outputs: unknown,
  targets: unknown,
  options: unknown,
  term: (row: readonly Value[], target: unknown, i: number) => Value,
): Value | Value[] {
  const rows = checkBatch(owner, outputs, targets);
  const reduction = reductionOf(owner, options);
  return reduce(rows.map((row, i) => term(row, (targets as unknown[])[i], i)), reduction);
}
