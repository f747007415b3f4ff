import { show } from '@etagrad/check';
import type { Operand } from './op.js';
import { LAYOUT } from './shared.js';
import { isNode, isOperand, isValue, layoutOf, type Value } from './value.js';

// The option lists are constants, so the key check that trusts them.
export { checkBoolean, checkFinite, checkFunction, checkKeysTrusted, checkObject } from '@etagrad/check';

/** How a bad argument is shown in an error: @etagrad/check's `show`, and a Value as it prints. */
export const describe = (x: unknown): string => (isValue(x) ? String(x) : show(x));

/**
 * `x` when it is a number other than NaN; a TypeError `<owner>: <name> must be a number, ...`
 * otherwise. ±Infinity passes: it is a number, and a mask of -Infinity is legitimate.
 */
export const checkData = (owner: string, name: string, x: unknown): number => {
  if (typeof x === 'number' && x === x) return x;
  throw new TypeError(`${owner}: ${name} must be a number${notNaN(x)}, got ${describe(x)}`);
};

/** What a message adds for a NaN (a number, but not one that may be given). */
const notNaN = (x: unknown): string => (typeof x === 'number' ? ', not NaN' : '');

/** `x` when it is a Value or a number other than NaN; a TypeError naming `owner` and `name` otherwise. */
export const checkOperand = (owner: string, name: string, x: unknown): Operand => {
  if (isOperand(x)) return x as Operand;
  if (isValue(x)) throw foreignLayout(owner, name, x);
  throw new TypeError(`${owner}: ${name} must be a Value or a number${notNaN(x)}, got ${describe(x)}`);
};

/** `xs` when it is an array of operands (see {@link checkOperand}), checked element by element. */
export const checkOperands = (owner: string, name: string, xs: unknown): readonly Operand[] => {
  if (!Array.isArray(xs)) throw new TypeError(`${owner}: ${name} must be an array, got ${describe(xs)}`);
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    // the name is built only for the error: this loop runs once per element of every n-ary node
    if (!isOperand(x)) checkOperand(owner, `${name}[${i}]`, x);
  }
  return xs as readonly Operand[];
};

/** `x` when it is a {@link Value}; a TypeError `<owner>: <name> must be a Value, got <x>` otherwise. */
export const checkValue = (owner: string, name: string, x: unknown): Value => {
  if (isNode(x)) return x;
  if (isValue(x)) throw foreignLayout(owner, name, x);
  throw new TypeError(`${owner}: ${name} must be a Value, got ${describe(x)}`);
};

/**
 * The error for a Value made by a copy of the package whose nodes this copy cannot read (another
 * node layout, see shared.ts): mixing the two in one graph would give wrong gradients.
 */
const foreignLayout = (owner: string, name: string, x: Value): TypeError =>
  new TypeError(
    `${owner}: ${name} must be a Value of node layout ${LAYOUT}, got ${describe(x)} of layout ${show(layoutOf(x))}, ` +
      'from an incompatible copy of @etagrad/autograd (`npm ls @etagrad/autograd` lists the copies; `npm dedupe` merges them)',
  );
