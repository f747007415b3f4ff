import { checkOperands, describe } from './check.js';
import { isGradEnabled } from './grad-mode.js';
import { Op, type NaryOp, type Operand } from './op.js';
import { logSumExpOf, sumOf } from './reductions.js';
import { isNode, Value } from './value.js';

// the second array of the n-ary ops that have one array
const NONE: readonly Operand[] = Object.freeze([]);

/** The node for `op` on `xs` and `ys` holding `data`, keeping the arrays themselves (no copy); a leaf when recording is off. */
const record = (op: NaryOp, xs: readonly Operand[], ys: readonly Operand[], data: number): Value =>
  isGradEnabled() ? new Value(data, op, xs, ys) : new Value(data, Op.Leaf, null, 0);

const checkNotEmpty = (owner: string, xs: readonly Operand[]): void => {
  if (xs.length === 0) throw new RangeError(`${owner}: values must not be empty, got ${describe(xs)}`);
};

/**
 * `Σ values` (from the first element on) as a single node, however many values; `sum([])` is 0.
 * The node keeps a reference to `values`: do not change the array afterwards.
 *
 * @param values - the terms: Values and numbers, in any mix
 * @throws TypeError when `values` is not an array of Values and numbers (NaN excluded).
 * @example
 * sum([a, b, 1]); // a + b + 1
 */
export function sum(values: readonly Operand[]): Value {
  const xs = checkOperands('sum', 'values', values);
  return record(Op.Sum, xs, NONE, sumOf(xs));
}

/**
 * `Σ values / n` as a single node. The node keeps a reference to `values`.
 *
 * @param values - the terms: Values and numbers, at least one
 * @throws TypeError as `sum`; RangeError when `values` is empty.
 * @example
 * mean(losses).backward(); // each loss gets grad 1 / n
 */
export function mean(values: readonly Operand[]): Value {
  const xs = checkOperands('mean', 'values', values);
  checkNotEmpty('mean', xs);
  return record(Op.Mean, xs, NONE, sumOf(xs) / xs.length);
}

/**
 * `Σ ws[i] · xs[i]` (from i = 0 on) as a single node: a neuron is `dot(weights, inputs).add(bias)`.
 * Either array may hold plain numbers (inputs from data need no wrapping in Values). The node
 * keeps references to both arrays: do not change them afterwards.
 *
 * @param ws - the weights: Values and numbers
 * @param xs - the inputs, as many as `ws`: Values and numbers
 * @throws TypeError as `sum`; RangeError when the lengths differ.
 * @example
 * dot([w1, w2], [0.5, -1.5]); // 0.5 w1 - 1.5 w2
 */
export function dot(ws: readonly Operand[], xs: readonly Operand[]): Value {
  if (!Array.isArray(ws) || !Array.isArray(xs) || xs.length !== ws.length) refuseDot(ws, xs);
  // the forward rule of `rules[Op.Dot]`, whose loop also checks the elements: one that is not an
  // operand of this copy counts as NaN, and a NaN total has every element checked (a NaN number
  // is refused there too), so that the hottest op of a network reads each element once; `+w`, a
  // no-op on a number, keeps the loop unboxed (V8 otherwise boxes every element: 32 bytes of garbage)
  let total = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as unknown; // i < ws.length = xs.length
    const x = xs[i] as unknown;
    total += (typeof w === 'number' ? +w : isNode(w) ? w.data : Number.NaN) * (typeof x === 'number' ? +x : isNode(x) ? x.data : Number.NaN);
  }
  if (total !== total) refuseDot(ws, xs);
  return record(Op.Dot, ws, xs, total);
}

/** Throws dot's error for arguments that are not two arrays of operands of one length; returns if they are. */
function refuseDot(ws: readonly Operand[], xs: readonly Operand[]): void {
  checkOperands('dot', 'ws', ws);
  checkOperands('dot', 'xs', xs);
  if (xs.length !== ws.length) throw new RangeError(`dot: xs must have the length of ws (${ws.length}), got ${xs.length}`);
}

/**
 * `ln Σ e^x` as a single node, computed as `m + ln Σ e^(x - m)` with `m = max x`, so that inputs
 * of 1000 (or -1000) neither overflow nor underflow. Its gradient is the softmax. The node keeps
 * a reference to `values`.
 *
 * @param values - the exponents: Values and numbers, at least one
 * @throws TypeError as `sum`; RangeError when `values` is empty.
 * @example
 * logSumExp([1000, 1000]); // 1000 + ln 2
 */
export function logSumExp(values: readonly Operand[]): Value {
  const xs = checkOperands('logSumExp', 'values', values);
  checkNotEmpty('logSumExp', xs);
  return record(Op.LogSumExp, xs, NONE, logSumExpOf(xs));
}

/**
 * `e^(x_i - logSumExp(values))` for each value: probabilities that sum to 1, stable for large
 * inputs. Made of `logSumExp` and one `sub` and `exp` per element (a number element uses `-lse + x`,
 * which is the same number).
 *
 * @param values - the logits: Values and numbers, at least one
 * @throws TypeError as `sum`; RangeError when `values` is empty.
 * @example
 * softmax([1, 2, 3]).map((p) => p.data); // [0.090, 0.245, 0.665]
 */
export function softmax(values: readonly Operand[]): Value[] {
  const xs = checkOperands('softmax', 'values', values);
  checkNotEmpty('softmax', xs);
  const lse = record(Op.LogSumExp, xs, NONE, logSumExpOf(xs));
  let negated: Value | null = null;
  return xs.map((x) => {
    if (typeof x !== 'number') return x.sub(lse).exp();
    negated ??= lse.neg();
    return negated.add(x).exp();
  });
}
