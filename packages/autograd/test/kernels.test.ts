import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Op, Value, type Operand } from '@etagrad/autograd';
import { backwardScalar, forwardScalar, skipsZero } from '../src/kernels.js';
import type { NaryOp, Partials, ScalarOp } from '../src/op.js';
import { rules } from '../src/rules.js';

// The engine's hot loops dispatch by switches (kernels.ts, backward.ts); the rule table (rules.ts) is
// the definition. For every op, on ordinary and extreme numbers, they must agree bit for bit.
const number = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, Infinity, -Infinity, Number.NaN, 1e308, -1e-308),
);

const scalarOps = (Object.values(Op) as Op[]).filter((op) => op !== Op.Leaf && rules[op].kind === 'scalar') as ScalarOp[];
const naryOps = (Object.values(Op) as Op[]).filter((op) => rules[op].kind === 'nary') as NaryOp[];

describe('scalar kernels compute what the rule table says', () => {
  test.each(scalarOps.map((op) => [rules[op].name, op] as const))('%s: forward and partials', (_name, op) => {
    const rule = rules[op];
    if (rule.kind !== 'scalar') throw new Error('not scalar');
    fc.assert(
      fc.property(number, number, (a, b) => {
        const out = rule.forward(a, b);
        expect(forwardScalar(op, a, b)).toBe(out); // toBe: Object.is, so -0 and NaN count
        const want: Partials = { a: 0, b: 0 };
        const got: Partials = { a: 0, b: 0 };
        rule.backward(want, out, a, b);
        backwardScalar(got, op, out, a, b);
        expect(got).toEqual(want);
        expect(Object.is(got.a, want.a) && Object.is(got.b, want.b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('every scalar op of the table is covered', () => {
    expect(scalarOps.length + naryOps.length + 1).toBe(Object.keys(Op).length);
  });
});

describe("backward's n-ary loops compute what the rule table says", () => {
  const operands = fc.array(fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constant(null)), { minLength: 1, maxLength: 6 });
  // null stands for "a Value"; its number is drawn separately
  const build = (shape: (number | null)[], seed: number): Operand[] =>
    shape.map((x, i) => (x === null ? new Value(Math.sin(seed + i)) : x));

  test.each(naryOps.map((op) => [rules[op].name, op] as const))('%s', (_name, op) => {
    const rule = rules[op];
    if (rule.kind !== 'nary') throw new Error('not n-ary');
    fc.assert(
      fc.property(operands, fc.double({ min: -2, max: 2, noNaN: true }), fc.integer(), (shape, grad, seed) => {
        const xs = build(shape, seed);
        const ys = op === Op.Dot ? build([...shape].reverse(), seed + 7) : [];
        // the engine: a node over xs (ys), scaled by grad so that the node's gradient is `grad`
        const node = new Value(rule.forward(xs, ys), op, xs, ys);
        node.mul(grad).backward();
        const engine = [...xs, ...ys].map((x) => (typeof x === 'number' ? 0 : x.grad));
        // the table, on fresh leaves holding the same numbers
        const xs2 = xs.map((x) => (typeof x === 'number' ? x : new Value(x.data)));
        const ys2 = ys.map((x) => (typeof x === 'number' ? x : new Value(x.data)));
        rule.backward(0 + grad * 1, node.data, xs2, ys2);
        const table = [...xs2, ...ys2].map((x) => (typeof x === 'number' ? 0 : x.grad));
        expect(engine).toEqual(table);
      }),
      { numRuns: 200 },
    );
  });
});

describe('skipsZero: a node it lets a pass skip hands down only ±0 when its gradient is 0', () => {
  test.each(scalarOps.map((op) => [rules[op].name, op] as const))('%s: partials finite wherever it says skip', (_name, op) => {
    const rule = rules[op];
    if (rule.kind !== 'scalar') throw new Error('not scalar');
    fc.assert(
      fc.property(number, number, (a, b) => {
        // a parametrised op's parameter (b) is finite: checked when the node is made
        if (rule.parameter !== null && !Number.isFinite(b)) return;
        const out = rule.forward(a, b);
        if (!skipsZero(op, out)) return;
        const d: Partials = { a: 0, b: 0 };
        rule.backward(d, out, a, b);
        expect([Number.isFinite(d.a), rule.arity === 1 || Number.isFinite(d.b)]).toEqual([true, true]);
      }),
      { numRuns: 500 },
    );
  });

  test.each(naryOps.map((op) => [rules[op].name, op] as const))('%s: every partial finite wherever it says skip', (_name, op) => {
    const rule = rules[op];
    if (rule.kind !== 'nary') throw new Error('not n-ary');
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 5 }), fc.array(number, { minLength: 5, maxLength: 5 }), (xs, more) => {
        const ys = op === Op.Dot ? more.slice(0, xs.length) : [];
        const out = rule.forward(xs, ys);
        if (!skipsZero(op, out)) return;
        // the gradient 0 handed to leaves holding the numbers: every share is ±0
        const leaves = [...xs, ...ys].map((x) => new Value(x, Op.Leaf, null, 0)); // NaN allowed
        rule.backward(0, out, leaves.slice(0, xs.length), leaves.slice(xs.length));
        expect(leaves.every((v) => v.grad === 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
