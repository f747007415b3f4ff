import {
  Leaf, Add, Sub, Mul, Div, Neg, Pow, Exp, Log, Sqrt, Abs, Tanh, Sigmoid, Relu, LeakyRelu,
  Softplus, Elu, Gelu, Min, Max, Sum, Mean, Dot, LogSumExp,
} from './op-codes.js';
import type { Value } from './value.js';

/** A `Value` or a plain number. Every op accepts both; a number is a constant (it has no gradient). */
export type Operand = Value | number;

/**
 * The op that made a `Value`, one small integer per node (no closure per node): the engine looks
 * the forward and backward rules up in `rules` by this code. Stored: never renumber.
 */
export const Op = {
  Leaf,
  Add,
  Sub,
  Mul,
  Div,
  Neg,
  Pow,
  Exp,
  Log,
  Sqrt,
  Abs,
  Tanh,
  Sigmoid,
  Relu,
  LeakyRelu,
  Softplus,
  Elu,
  Gelu,
  Min,
  Max,
  Sum,
  Mean,
  Dot,
  LogSumExp,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

/** Scratch for one node's local derivatives `∂out/∂a`, `∂out/∂b`, reused so backward allocates nothing. */
export interface Partials {
  a: number;
  b: number;
}

/**
 * A unary or binary op on numbers. `b` is the second operand's value for a binary op, the op's
 * parameter for a parametrised unary op (leakyRelu's slope, elu's alpha), 0 otherwise.
 */
export interface ScalarRule {
  readonly kind: 'scalar';
  /** Name shown by `toDot` and in error messages. */
  readonly name: string;
  /** 1 for a unary op, 2 for a binary op (whose `b` is an operand, not a parameter). */
  readonly arity: 1 | 2;
  /** Name of the parameter stored in `b` (`'slope'`), or null when the op has none. */
  readonly parameter: string | null;
  forward(a: number, b: number): number;
  /** Writes `∂out/∂a` to `d.a` and `∂out/∂b` to `d.b`, given the operands and the output. */
  backward(d: Partials, out: number, a: number, b: number): void;
}

/**
 * An n-ary op over arrays of operands (one node however long the arrays). `ys` is the second
 * array of `dot`, and empty for the others.
 */
export interface NaryRule {
  readonly kind: 'nary';
  readonly name: string;
  forward(xs: readonly Operand[], ys: readonly Operand[]): number;
  /** Adds `grad * ∂out/∂x` to the `grad` of every `Value` operand `x`. */
  backward(grad: number, out: number, xs: readonly Operand[], ys: readonly Operand[]): void;
}

export type OpRule = ScalarRule | NaryRule;

/** The ops over arrays; every other op is a {@link ScalarRule}. */
export type NaryOp = typeof Op.Sum | typeof Op.Mean | typeof Op.Dot | typeof Op.LogSumExp;
export type ScalarOp = Exclude<Op, NaryOp>;

// by op code; test/op.test.ts checks each against its key in `Op`
const names = 'leaf add sub mul div neg pow exp log sqrt abs tanh sigmoid relu leakyRelu softplus elu gelu min max sum mean dot logSumExp'.split(' ');

/**
 * The name of `op`, as the method or function that makes it is named (`'leakyRelu'` for
 * `Op.LeakyRelu`): what errors and `toDot` show.
 */
export const opName = (op: Op): string => names[op] ?? `op ${op}`;

// gelu's tanh approximation (Hendrycks & Gimpel 2016; PyTorch's approximate='tanh').
export const GELU_C = Math.sqrt(2 / Math.PI);
export const GELU_K = 0.044715;

/** Logistic function, written for each sign so that exp never overflows. */
export const logistic = (a: number): number => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a)));
