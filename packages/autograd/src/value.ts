import { backward } from './backward.js';
import { checkBoolean, checkData, checkFinite, checkKeysTrusted, checkOperand } from './check.js';
import { isGradEnabled } from './grad-mode.js';
import { forwardScalar } from './kernels.js';
import * as Op from './op-codes.js';
import { opName, type Op as OpCode, type Operand, type ScalarOp } from './op.js';
import { LAYOUT } from './shared.js';
import { LEAF_TAG, OP_MASK, taped } from './tape.js';

/** What a node keeps of its operands: a Value, or the arrays of an n-ary op (never copied). */
type First = Value | readonly Operand[] | null;
type Second = Operand | readonly Operand[];

/**
 * A scalar node of a computation graph: a number `data`, its gradient `grad`, and the op and
 * operands that made it. Ops are methods (`a.mul(b).add(1)`) and accept a number wherever a
 * `Value` goes; n-ary ops are functions (`sum`, `mean`, `dot`, `logSumExp`, `softmax`).
 *
 * `data` and `grad` are plain writable numbers, so an update can be written by hand
 * (`p.data -= lr * p.grad`). `loss.backward()` adds `∂loss/∂v` to the `grad` of every leaf `v`
 * it reaches, so leaf gradients accumulate across passes until `zeroGrad` (PyTorch's behaviour).
 *
 * A node costs one small object: its numbers, an op code (no closure per node) and references
 * to its operands.
 *
 * @example
 * const a = new Value(-4);
 * const b = value(2);
 * const c = a.mul(b).add(b.pow(3)); // -8 + 8 = 0
 * c.backward();
 * a.grad; // ∂c/∂a = b = 2
 * b.grad; // ∂c/∂b = a + 3 b² = 8
 */
export class Value {
  /** The number this node holds. */
  declare data: number;
  /** `∂root/∂this` from the latest `backward()` (accumulated across passes for a leaf). */
  declare grad: number;
  /** @internal The op code and where the node is (on the tape or a walk state): see tape.ts. */
  declare tag: number;
  /** @internal First operand, or the array of an n-ary op. */
  declare readonly a: First;
  /** @internal Second operand, the op's parameter (or 0), or the second array of `dot`. */
  declare readonly b: Second;

  /**
   * A leaf holding `data`.
   *
   * @param data - the number the leaf holds (±Infinity allowed, NaN refused)
   * @throws TypeError when `data` is not a number, or is NaN (±Infinity is allowed).
   */
  constructor(data: number);
  /** @internal A node made by an op: `data` is not checked (an op may honestly give NaN). */
  constructor(data: number, op: OpCode, a: First, b: Second);
  constructor(data: number, op?: OpCode, a: First = null, b: Second = 0) {
    if (op === undefined) checkData('Value', 'data', data);
    this.data = data;
    this.grad = 0;
    this.tag = op === undefined || op === Op.Leaf ? LEAF_TAG : taped(this, op);
    this.a = a;
    this.b = b;
  }

  /** The op that made this value; `Op.Leaf` for an input or a value made under `noGrad`. */
  get op(): OpCode {
    return (this.tag & OP_MASK) as OpCode;
  }

  /**
   * `this + other`.
   *
   * @param other - the right operand: a Value or a number (NaN refused)
   */
  add(other: Operand): Value {
    return binary(Op.Add, this, other);
  }

  /**
   * `this - other`.
   *
   * @param other - the right operand: a Value or a number (NaN refused)
   */
  sub(other: Operand): Value {
    return binary(Op.Sub, this, other);
  }

  /**
   * `this * other`.
   *
   * @param other - the right operand: a Value or a number (NaN refused)
   */
  mul(other: Operand): Value {
    return binary(Op.Mul, this, other);
  }

  /**
   * `this / other` (IEEE: division by 0 gives ±Infinity or NaN, not an error).
   *
   * @param other - the divisor: a Value or a number (NaN refused)
   */
  div(other: Operand): Value {
    return binary(Op.Div, this, other);
  }

  /** `-this`. */
  neg(): Value {
    return record(Op.Neg, this, 0);
  }

  /**
   * `this ** exponent` (`Math.pow`). With a `Value` exponent both get gradients:
   * `∂/∂exponent = out · ln(this)`, taken as 0 where `this = 0` and `exponent >= 0` (PyTorch).
   *
   * @param exponent - the power: a number, or a Value to differentiate it too
   */
  pow(exponent: Operand): Value {
    return binary(Op.Pow, this, exponent, 'exponent');
  }

  /** `e ** this`. */
  exp(): Value {
    return record(Op.Exp, this, 0);
  }

  /** Natural logarithm (NaN below 0, -Infinity at 0). */
  log(): Value {
    return record(Op.Log, this, 0);
  }

  /** Square root; its gradient at 0 is Infinity. */
  sqrt(): Value {
    return record(Op.Sqrt, this, 0);
  }

  /** `|this|`; subgradient 0 at 0 (PyTorch). */
  abs(): Value {
    return record(Op.Abs, this, 0);
  }

  /** Hyperbolic tangent. */
  tanh(): Value {
    return record(Op.Tanh, this, 0);
  }

  /** Logistic sigmoid `1 / (1 + e^-x)`, computed without overflow for any `x`. */
  sigmoid(): Value {
    return record(Op.Sigmoid, this, 0);
  }

  /** `max(0, this)`; subgradient 0 at 0 (PyTorch); NaN stays NaN. */
  relu(): Value {
    return record(Op.Relu, this, 0);
  }

  /**
   * `x` for `x > 0`, else `slope · x` (PyTorch's LeakyReLU, default `slope = 0.01`); the
   * gradient at 0 is `slope`.
   *
   * @param slope - the slope for `x <= 0`, a finite number (default 0.01)
   * @throws TypeError / RangeError when `slope` is not a finite number.
   */
  leakyRelu(slope = 0.01): Value {
    return record(Op.LeakyRelu, this, checkFinite('Value.leakyRelu', 'slope', slope));
  }

  /** `ln(1 + e^x)`, exact and overflow-free for any `x` (no linear cut-off as in PyTorch's threshold). */
  softplus(): Value {
    return record(Op.Softplus, this, 0);
  }

  /**
   * `x` for `x > 0`, else `alpha · (e^x - 1)` (PyTorch's ELU, default `alpha = 1`); the gradient
   * at 0 is `alpha`.
   *
   * @param alpha - the scale of the negative part, a finite number (default 1)
   * @throws TypeError / RangeError when `alpha` is not a finite number.
   */
  elu(alpha = 1): Value {
    return record(Op.Elu, this, checkFinite('Value.elu', 'alpha', alpha));
  }

  /**
   * GELU by its tanh approximation (Hendrycks & Gimpel; PyTorch's `GELU(approximate='tanh')`):
   * `x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³)))`.
   */
  gelu(): Value {
    return record(Op.Gelu, this, 0);
  }

  /**
   * `min(this, other)`; on a tie the gradient goes to `this`, the first argument (`torch.clamp`'s rule).
   *
   * @param other - the other operand: a Value or a number (NaN refused)
   */
  min(other: Operand): Value {
    return binary(Op.Min, this, other);
  }

  /**
   * `max(this, other)`; on a tie the gradient goes to `this`, the first argument (`torch.clamp`'s rule).
   *
   * @param other - the other operand: a Value or a number (NaN refused)
   */
  max(other: Operand): Value {
    return binary(Op.Max, this, other);
  }

  /**
   * Reverse-mode pass from this node: adds `∂this/∂v` to the `grad` of every leaf `v` it depends
   * on (a shared subexpression counts once per use) and sets the `grad` of every intermediate
   * node it passes to this pass's value (a node made since the last pass is taken to hold 0, so
   * an intermediate's `grad` written by hand before its first pass is added to). Leaf gradients
   * accumulate across calls, as in PyTorch: call `zeroGrad(parameters)` between steps.
   *
   * Iterative (a chain of millions of ops is fine) and linear in the graph's size.
   *
   * @param options - what to check during the pass
   * @param options.checkFinite when true, throws a RangeError at the first node (in backward
   *   order) whose gradient is not finite, naming its op: where training blew up. Default false.
   * @example
   * const loss = mean(errors);
   * loss.backward({ checkFinite: true });
   */
  backward(options: { readonly checkFinite?: boolean } = {}): void {
    checkKeysTrusted('backward', options, ['checkFinite']);
    backward(this, checkBoolean('backward', 'checkFinite', options.checkFinite ?? false));
  }

  /** A new leaf holding this value's number: it carries no graph (PyTorch's `detach()`). */
  detach(): Value {
    return new Value(this.data, Op.Leaf, null, 0);
  }

  /** `Value(data=3, grad=0.5)`, as micrograd prints it. */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`;
  }
}

/**
 * A leaf holding `x`; short for `new Value(x)`.
 *
 * @param x - the number the leaf holds
 */
export const value = (x: number): Value => new Value(x);

/** The node for a binary `op` on `a` and `b`, once `b` is checked (named `name` in the error). */
function binary(op: ScalarOp, a: Value, b: Operand, name = 'other'): Value {
  return record(op, a, isOperand(b) ? b : checkOperand(`Value.${opName(op)}`, name, b));
}

/** The node for `op` on `a` and `b` (an operand or a parameter): a leaf when recording is off. */
function record(op: ScalarOp, a: Value, b: Operand): Value {
  // `+b`, a no-op on a number, keeps it unboxed (see dot in n-ary.ts)
  const data = forwardScalar(op, a.data, typeof b === 'number' ? +b : b.data);
  return isGradEnabled() ? new Value(data, op, a, b) : new Value(data, Op.Leaf, null, 0);
}

// The brand every Value carries, on Value.prototype: a registered symbol, so that two copies of
// this package in one tree (version drift) recognise each other's Values; reading it is one cached
// property load, several times cheaper than `instanceof`. Its value is the copy's node LAYOUT.
const brand = Symbol.for('etagrad.Value');
Object.defineProperty(Value.prototype, brand, { value: LAYOUT });
type Branded = { [brand]?: unknown };

/**
 * Whether `x` is a {@link Value}, from this copy of `@etagrad/autograd` or any other: Values carry
 * the brand `Symbol.for('etagrad.Value')`, so a check holds across duplicate installs where
 * `instanceof` would fail. Use it wherever a Value is recognised.
 * @param x anything
 * @example
 * isValue(new Value(1)); // true
 * isValue(1);            // false
 */
export const isValue = (x: unknown): x is Value =>
  typeof x === 'object' && x !== null && typeof (x as Branded)[brand] === 'number';

/** @internal The node layout of a Value (see shared.ts): another copy's ops accept it if it is theirs. */
export const layoutOf = (x: Value): unknown => (x as Branded)[brand];

/** @internal Whether `x` is a Value whose node layout is this copy's, so that it may join its graphs. */
export const isNode = (x: unknown): x is Value =>
  typeof x === 'object' && x !== null && (x as Branded)[brand] === LAYOUT;

/** @internal Whether `x` may be an operand: a Value of this copy's node layout, or a number other than NaN. */
export const isOperand = (x: unknown): boolean => (typeof x === 'number' ? x === x : isNode(x));
