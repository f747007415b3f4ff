import * as Op from './op-codes.js';
import { GELU_C, GELU_K, logistic, type Partials } from './op.js';

// The scalar rules of `rules` (rules.ts) as switches over the op code: one call site that V8
// compiles once, where `rules[op].forward` is a call site seeing 20 functions, which V8 does not
// inline. The eager engine and compiled programs run these; test/kernels.test.ts proves, for
// every op, that they compute bit for bit what the rule table says. Change both together.

/**
 * `rules[op].forward(a, b)` for a scalar op. The arithmetic ops are here, the others in
 * {@link forwardMath}: this function stays small enough for V8 to inline into each op's method,
 * where the op is a constant (a call would also box every result: 16 bytes of garbage per node).
 */
export function forwardScalar(op: number, a: number, b: number): number {
  switch (op) {
    case Op.Add: return a + b;
    case Op.Sub: return a - b;
    case Op.Mul: return a * b;
    case Op.Div: return a / b;
    case Op.Neg: return -a;
    case Op.Relu: return a < 0 ? 0 : a;
    default: return forwardMath(op, a, b);
  }
}

/** `rules[op].forward(a, b)` for the scalar ops that {@link forwardScalar} does not compute itself. */
function forwardMath(op: number, a: number, b: number): number {
  switch (op) {
    case Op.Pow: return Math.pow(a, b);
    case Op.Exp: return Math.exp(a);
    case Op.Log: return Math.log(a);
    case Op.Sqrt: return Math.sqrt(a);
    case Op.Abs: return Math.abs(a);
    case Op.Tanh: return Math.tanh(a);
    case Op.Sigmoid: return logistic(a);
    case Op.LeakyRelu: return a > 0 ? a : b * a;
    case Op.Softplus: return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
    case Op.Elu: return a > 0 ? a : b * Math.expm1(a);
    case Op.Gelu: return 0.5 * a * (1 + Math.tanh(GELU_C * (a + GELU_K * a * a * a)));
    case Op.Min: return a <= b || a !== a ? a : b;
    case Op.Max: return a >= b || a !== a ? a : b;
    default: return a; // Op.Leaf: never called
  }
}

/**
 * `rules[op].backward(d, out, a, b)` for a scalar op: writes `∂out/∂a` to `d.a` and `∂out/∂b` to
 * `d.b`. The arithmetic ops here, the others in {@link backwardMath}, so that V8 inlines this one.
 */
export function backwardScalar(d: Partials, op: number, out: number, a: number, b: number): void {
  d.b = 0; // a unary op's, and a parameter's
  switch (op) {
    case Op.Add: d.a = 1; d.b = 1; return;
    case Op.Sub: d.a = 1; d.b = -1; return;
    case Op.Mul: d.a = b; d.b = a; return;
    case Op.Div: d.a = 1 / b; d.b = -out / b; return;
    case Op.Neg: d.a = -1; return;
    case Op.Relu: d.a = out > 0 ? 1 : 0; return;
    default: backwardMath(d, op, out, a, b);
  }
}

/** `rules[op].backward(d, out, a, b)` for the scalar ops that {@link backwardScalar} does not compute itself. */
function backwardMath(d: Partials, op: number, out: number, a: number, b: number): void {
  switch (op) {
    case Op.Pow:
      d.a = b === 0 ? 0 : b * Math.pow(a, b - 1);
      d.b = a === 0 && b >= 0 ? 0 : out * Math.log(a);
      return;
    case Op.Exp: d.a = out; return;
    case Op.Log: d.a = 1 / a; return;
    case Op.Sqrt: d.a = 0.5 / out; return;
    case Op.Abs: d.a = a > 0 ? 1 : a < 0 ? -1 : 0; return;
    case Op.Tanh: d.a = 1 - out * out; return;
    case Op.Sigmoid: d.a = out * (1 - out); return;
    case Op.LeakyRelu: d.a = a > 0 ? 1 : b; return;
    case Op.Softplus: d.a = logistic(a); return;
    case Op.Elu: d.a = a > 0 ? 1 : b * Math.exp(a); return;
    case Op.Gelu: {
      const t = Math.tanh(GELU_C * (a + GELU_K * a * a * a));
      d.a = 0.5 * (1 + t) + 0.5 * a * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * a * a);
      return;
    }
    case Op.Min: d.a = a <= b || a !== a ? 1 : 0; d.b = 1 - d.a; return;
    case Op.Max: d.a = a >= b || a !== a ? 1 : 0; d.b = 1 - d.a; return;
    // Op.Leaf: never called
  }
}

// one bit per op code (all below 32): ops whose partials are finite constants, and ops whose
// partials are finite whenever their own number is
const CONSTANT_PARTIALS =
  (1 << Op.Add) | (1 << Op.Sub) | (1 << Op.Neg) | (1 << Op.Abs) | (1 << Op.Relu) | (1 << Op.LeakyRelu) |
  (1 << Op.Min) | (1 << Op.Max) | (1 << Op.Sum) | (1 << Op.Mean);
const FINITE_PARTIALS = (1 << Op.Mul) | (1 << Op.Dot) | (1 << Op.Exp) | (1 << Op.Tanh) | (1 << Op.Sigmoid);

/** Whether a node of `op` whose gradient is exactly 0 is skipped whenever its number is finite (see {@link skipsZero}). */
export const skipsZeroIfFinite = (op: number): boolean => (((CONSTANT_PARTIALS | FINITE_PARTIALS) >> op) & 1) === 1;

/**
 * Whether a node whose gradient is exactly 0 may be skipped by a backward pass: every share it
 * would hand down is then ±0 (its partials are finite), which leaves a gradient summed from +0
 * unchanged, bit for bit. True where the partials are finite constants, or finite whenever the
 * node's own number `out` is (a product or sum with an infinite or NaN factor is not finite).
 */
export const skipsZero = (op: number, out: number): boolean =>
  ((CONSTANT_PARTIALS >> op) & 1) === 1 || (((FINITE_PARTIALS >> op) & 1) === 1 && Number.isFinite(out));
