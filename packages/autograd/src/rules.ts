import {
  GELU_C,
  GELU_K,
  logistic,
  Op,
  opName,
  type NaryRule,
  type OpRule,
  type Operand,
  type ScalarRule,
} from './op.js';
import { logSumExpOf, sumOf } from './reductions.js';

// The rule table, in a module of its own: the engine's hot paths run the switches of kernels.ts
// (proved equal to it by test/kernels.test.ts), so that a bundle of `Value` alone leaves it out.

const scalar = (op: Op, forward: ScalarRule['forward'], backward: ScalarRule['backward']): ScalarRule => ({
  kind: 'scalar',
  name: opName(op),
  arity: forward.length === 2 ? 2 : 1,
  parameter: null,
  forward,
  backward,
});

const parametrised = (
  op: Op,
  parameter: string,
  forward: ScalarRule['forward'],
  backward: ScalarRule['backward'],
): ScalarRule => ({ kind: 'scalar', name: opName(op), arity: 1, parameter, forward, backward });

const nary = (op: Op, forward: NaryRule['forward'], backward: NaryRule['backward']): NaryRule => ({
  kind: 'nary',
  name: opName(op),
  forward,
  backward,
});

/** Adds `grad` to every Value in `xs` (∂out/∂x = 1 for each). */
const spread = (xs: readonly Operand[], grad: number): void => {
  for (const x of xs) if (typeof x !== 'number') x.grad += grad;
};

/**
 * The forward and backward rule of every op, side by side; `satisfies Record<Op, OpRule>` makes a
 * missing op a compile error. Subgradient conventions (PyTorch's where it has one) are stated
 * on each rule, so that nobody "fixes" them.
 */
export const rules = Object.freeze({
  // a leaf has no operands: the engine never calls these
  [Op.Leaf]: scalar(Op.Leaf, (a) => a, (d) => { d.a = 0; d.b = 0; }),
  // out = a + b      ∂a = 1, ∂b = 1
  [Op.Add]: scalar(Op.Add, (a, b) => a + b, (d) => { d.a = 1; d.b = 1; }),
  // out = a - b      ∂a = 1, ∂b = -1
  [Op.Sub]: scalar(Op.Sub, (a, b) => a - b, (d) => { d.a = 1; d.b = -1; }),
  // out = a * b      ∂a = b, ∂b = a
  [Op.Mul]: scalar(Op.Mul, (a, b) => a * b, (d, _out, a, b) => { d.a = b; d.b = a; }),
  // out = a / b      ∂a = 1 / b, ∂b = -a / b² = -out / b
  [Op.Div]: scalar(Op.Div, (a, b) => a / b, (d, out, _a, b) => { d.a = 1 / b; d.b = -out / b; }),
  // out = -a         ∂a = -1
  [Op.Neg]: scalar(Op.Neg, (a) => -a, (d) => { d.a = -1; d.b = 0; }),
  // out = a^b        ∂a = b a^(b-1), ∂b = out ln a; as in PyTorch, ∂a = 0 where b = 0 (not
  // 0 · 0^-1 = NaN at a = 0) and ∂b = 0 where a = 0 and b >= 0
  // (∂b is only used when b is a Value: for a constant exponent it is computed and dropped)
  [Op.Pow]: scalar(Op.Pow, (a, b) => Math.pow(a, b), (d, out, a, b) => {
    d.a = b === 0 ? 0 : b * Math.pow(a, b - 1);
    d.b = a === 0 && b >= 0 ? 0 : out * Math.log(a);
  }),
  // out = e^a        ∂a = out
  [Op.Exp]: scalar(Op.Exp, (a) => Math.exp(a), (d, out) => { d.a = out; d.b = 0; }),
  // out = ln a       ∂a = 1 / a
  [Op.Log]: scalar(Op.Log, (a) => Math.log(a), (d, _out, a) => { d.a = 1 / a; d.b = 0; }),
  // out = √a         ∂a = 1 / (2 √a)   (Infinity at 0)
  [Op.Sqrt]: scalar(Op.Sqrt, (a) => Math.sqrt(a), (d, out) => { d.a = 0.5 / out; d.b = 0; }),
  // out = |a|        ∂a = sign(a), 0 at a = 0 (PyTorch)
  [Op.Abs]: scalar(Op.Abs, (a) => Math.abs(a), (d, _out, a) => { d.a = a > 0 ? 1 : a < 0 ? -1 : 0; d.b = 0; }),
  // out = tanh a     ∂a = 1 - out²
  [Op.Tanh]: scalar(Op.Tanh, (a) => Math.tanh(a), (d, out) => { d.a = 1 - out * out; d.b = 0; }),
  // out = 1 / (1 + e^-a)   ∂a = out (1 - out)
  [Op.Sigmoid]: scalar(Op.Sigmoid, logistic, (d, out) => { d.a = out * (1 - out); d.b = 0; }),
  // out = max(0, a)  ∂a = 1 for a > 0, else 0: relu'(0) = 0 (PyTorch); NaN stays NaN
  [Op.Relu]: scalar(Op.Relu, (a) => (a < 0 ? 0 : a), (d, out) => { d.a = out > 0 ? 1 : 0; d.b = 0; }),
  // out = a for a > 0, else slope a (b = slope)   ∂a = 1 for a > 0, else slope (slope at 0, PyTorch)
  [Op.LeakyRelu]: parametrised(Op.LeakyRelu, 'slope', (a, slope) => (a > 0 ? a : slope * a), (d, _out, a, slope) => {
    d.a = a > 0 ? 1 : slope;
    d.b = 0;
  }),
  // out = ln(1 + e^a), written to never overflow   ∂a = sigmoid(a)
  // (exact everywhere: no linear cut-off above a threshold as in PyTorch's Softplus(threshold=20))
  [Op.Softplus]: scalar(Op.Softplus, (a) => (a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a))),
    (d, _out, a) => { d.a = logistic(a); d.b = 0; }),
  // out = a for a > 0, else alpha (e^a - 1) (b = alpha)   ∂a = 1 for a > 0, else alpha e^a (alpha at 0, PyTorch)
  [Op.Elu]: parametrised(Op.Elu, 'alpha', (a, alpha) => (a > 0 ? a : alpha * Math.expm1(a)), (d, _out, a, alpha) => {
    d.a = a > 0 ? 1 : alpha * Math.exp(a);
    d.b = 0;
  }),
  // out = a/2 (1 + tanh(u)), u = √(2/π) (a + 0.044715 a³): the tanh approximation of gelu
  // ∂a = (1 + t)/2 + a/2 (1 - t²) √(2/π) (1 + 3 · 0.044715 a²), t = tanh(u)
  [Op.Gelu]: scalar(Op.Gelu, (a) => 0.5 * a * (1 + Math.tanh(GELU_C * (a + GELU_K * a * a * a))), (d, _out, a) => {
    const t = Math.tanh(GELU_C * (a + GELU_K * a * a * a));
    d.a = 0.5 * (1 + t) + 0.5 * a * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * a * a);
    d.b = 0;
  }),
  // out = min(a, b)  a tie goes to the first argument (∂a = 1, ∂b = 0; torch.clamp's rule,
  // torch.minimum splits it ½/½); a NaN operand gives NaN
  [Op.Min]: scalar(Op.Min, (a, b) => (a <= b || a !== a ? a : b), (d, _out, a, b) => {
    d.a = a <= b || a !== a ? 1 : 0;
    d.b = 1 - d.a;
  }),
  // out = max(a, b)  a tie goes to the first argument (∂a = 1, ∂b = 0; torch.clamp's rule,
  // torch.maximum splits it ½/½); a NaN operand gives NaN
  [Op.Max]: scalar(Op.Max, (a, b) => (a >= b || a !== a ? a : b), (d, _out, a, b) => {
    d.a = a >= b || a !== a ? 1 : 0;
    d.b = 1 - d.a;
  }),
  // out = Σ x        ∂x = 1
  [Op.Sum]: nary(Op.Sum, sumOf, (grad, _out, xs) => spread(xs, grad)),
  // out = Σ x / n    ∂x = 1 / n
  [Op.Mean]: nary(Op.Mean, (xs) => sumOf(xs) / xs.length, (grad, _out, xs) => spread(xs, grad / xs.length)),
  // out = Σ w_i x_i, summed from i = 0   ∂w_i = x_i, ∂x_i = w_i
  // (the hottest loops of a network: the element tests are written out rather than calling dataOf)
  [Op.Dot]: nary(Op.Dot, (ws, xs) => {
    let total = 0;
    for (let i = 0; i < ws.length; i++) {
      // i < ws.length = xs.length, checked when the node was made
      const w = ws[i] as Operand;
      const x = xs[i] as Operand;
      total += (typeof w === 'number' ? w : w.data) * (typeof x === 'number' ? x : x.data);
    }
    return total;
  }, (grad, _out, ws, xs) => {
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as Operand;
      const x = xs[i] as Operand;
      if (typeof x === 'number') {
        if (typeof w !== 'number') w.grad += grad * x;
      } else if (typeof w === 'number') {
        x.grad += grad * w;
      } else {
        w.grad += grad * x.data;
        x.grad += grad * w.data;
      }
    }
  }),
  // out = m + ln Σ e^(x - m), m = max x (no overflow)   ∂x = e^(x - out), the softmax
  [Op.LogSumExp]: nary(Op.LogSumExp, logSumExpOf, (grad, out, xs) => {
    for (const x of xs) if (typeof x !== 'number') x.grad += grad * Math.exp(x.data - out);
  }),
} satisfies Record<Op, OpRule>);
