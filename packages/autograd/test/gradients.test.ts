import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dot, logSumExp, mean, noGrad, Op, softmax, sum, Value } from '@etagrad/autograd';

/** ∂f/∂x_i by central differences, step h scaled to x_i. */
const central = (f: (xs: number[]) => number, xs: readonly number[], i: number): number => {
  const h = 1e-5 * Math.max(1, Math.abs(xs[i] as number));
  const up = [...xs];
  const down = [...xs];
  up[i] = (xs[i] as number) + h;
  down[i] = (xs[i] as number) - h;
  return (f(up) - f(down)) / (2 * h);
};

/** Builds `build` on Values, runs backward, and checks each input's grad against central differences. */
const checkGradients = (build: (vs: Value[]) => Value, xs: readonly number[], tolerance = 1e-5): void => {
  const vs = xs.map((x) => new Value(x));
  build(vs).backward();
  const f = (ys: number[]) => build(ys.map((y) => new Value(y))).data;
  xs.forEach((_x, i) => {
    const expected = central(f, xs, i);
    const got = (vs[i] as Value).grad;
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(tolerance * (1 + Math.abs(expected)));
  });
};

const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** Away from a kink at 0, where the derivative jumps and differences straddle it. */
const offKink = (limit: number) => real(-limit, limit).filter((x) => Math.abs(x) > 1e-3);

type Unary = (v: Value) => Value;
const unaryOps: [string, Unary, fc.Arbitrary<number>][] = [
  ['neg', (v) => v.neg(), real(-10, 10)],
  ['exp', (v) => v.exp(), real(-10, 10)],
  ['log', (v) => v.log(), real(0.01, 100)],
  ['sqrt', (v) => v.sqrt(), real(0.01, 100)],
  ['abs', (v) => v.abs(), offKink(10)],
  ['tanh', (v) => v.tanh(), real(-5, 5)],
  ['sigmoid', (v) => v.sigmoid(), real(-20, 20)],
  ['relu', (v) => v.relu(), offKink(10)],
  ['leakyRelu', (v) => v.leakyRelu(0.1), offKink(10)],
  ['softplus', (v) => v.softplus(), real(-20, 20)],
  ['elu', (v) => v.elu(0.7), offKink(10)],
  ['gelu', (v) => v.gelu(), real(-6, 6)],
  ['pow by a number', (v) => v.pow(3), real(-5, 5)],
  ['pow by a fraction', (v) => v.pow(-0.5), real(0.05, 20)],
];

type Binary = (a: Value, b: Value) => Value;
const binaryOps: [string, Binary, fc.Arbitrary<[number, number]>][] = [
  ['add', (a, b) => a.add(b), fc.tuple(real(-10, 10), real(-10, 10))],
  ['sub', (a, b) => a.sub(b), fc.tuple(real(-10, 10), real(-10, 10))],
  ['mul', (a, b) => a.mul(b), fc.tuple(real(-10, 10), real(-10, 10))],
  ['div', (a, b) => a.div(b), fc.tuple(real(-10, 10), real(0.1, 10).chain((b) => fc.constantFrom(b, -b)))],
  ['pow', (a, b) => a.pow(b), fc.tuple(real(0.1, 5), real(-3, 3))],
  // apart by more than the difference step, so no tie is straddled
  ['min', (a, b) => a.min(b), fc.tuple(real(-10, 10), real(-10, 10)).filter(([a, b]) => Math.abs(a - b) > 1e-3)],
  ['max', (a, b) => a.max(b), fc.tuple(real(-10, 10), real(-10, 10)).filter(([a, b]) => Math.abs(a - b) > 1e-3)],
];

describe('gradients match central differences', () => {
  test.each(unaryOps)('%s', (_name, op, domain) => {
    fc.assert(fc.property(domain, (x) => checkGradients(([v]) => op(v as Value), [x])), { numRuns: 60 });
  });

  test.each(binaryOps)('%s', (_name, op, domain) => {
    fc.assert(fc.property(domain, (xs) => checkGradients(([a, b]) => op(a as Value, b as Value), xs)), {
      numRuns: 60,
    });
  });

  const vector = fc.array(real(-5, 5), { minLength: 1, maxLength: 6 });
  test.each([
    ['sum', (vs: Value[]) => sum(vs)],
    ['mean', (vs: Value[]) => mean(vs)],
    ['logSumExp', (vs: Value[]) => logSumExp(vs)],
    ['softmax (a weighted sum of its outputs)', (vs: Value[]) => sum(softmax(vs).map((p, i) => p.mul(i + 1)))],
    ['dot of a vector with itself reversed', (vs: Value[]) => dot(vs, [...vs].reverse())],
    ['dot with plain numbers', (vs: Value[]) => dot(vs, vs.map((_v, i) => i - 2.5))],
  ])('%s', (_name, op) => {
    fc.assert(fc.property(vector, (xs) => checkGradients(op, xs)), { numRuns: 60 });
  });
});

/**
 * A random expression as a program over 3 inputs: each step applies an op to earlier results
 * (inputs or steps), so results are reused (shared subexpressions) and the depth is at most the
 * number of steps. Ops are smooth on the whole real line, so differences never straddle a kink.
 */
const stepOps: ((a: Value, b: Value, c: Value) => Value)[] = [
  (a, b) => a.add(b),
  (a, b) => a.sub(b),
  (a, b) => a.mul(b).tanh(),
  (a, b) => a.div(b.mul(b).add(1)),
  (a) => a.sigmoid(),
  (a) => a.softplus(),
  (a) => a.gelu(),
  (a) => a.tanh().exp(),
  (a) => a.mul(a).add(1).log(),
  (a) => a.mul(a).add(1).sqrt(),
  (a, b) => a.add(1.5).pow(2).mul(b.tanh()),
  (a, b, c) => sum([a, b, c, 0.5]),
  (a, b, c) => mean([a, b, c]),
  (a, b, c) => dot([a, b, c], [c, 0.5, a]).tanh(),
  (a, b, c) => logSumExp([a, b, c]),
  (a, b, c) => (softmax([a, b, 1, c])[0] as Value).mul(a),
];

const program = fc.array(
  fc.record({
    op: fc.nat(stepOps.length - 1),
    args: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
  }),
  { minLength: 1, maxLength: 8 },
);

const run = (steps: { op: number; args: [number, number, number] }[], inputs: Value[]): Value => {
  const results = [...inputs];
  for (const { op, args } of steps) {
    const [a, b, c] = args.map((k) => results[k % results.length] as Value) as [Value, Value, Value];
    results.push((stepOps[op] as (typeof stepOps)[number])(a, b, c));
  }
  return results[results.length - 1] as Value;
};

describe('random expressions', () => {
  test('of depth up to 8 with shared subexpressions match central differences', () => {
    fc.assert(
      fc.property(program, fc.tuple(real(-2, 2), real(-2, 2), real(-2, 2)), (steps, xs) => {
        checkGradients((vs) => run(steps, vs), xs, 1e-4);
      }),
      { numRuns: 300 },
    );
  });
});

describe('laws over random expressions', () => {
  const inputs = fc.tuple(real(-2, 2), real(-2, 2), real(-2, 2));

  test('a second backward pass adds the same leaf gradients again', () => {
    fc.assert(
      fc.property(program, inputs, (steps, xs) => {
        const vs = xs.map((x) => new Value(x));
        const out = run(steps, vs);
        out.backward();
        const once = vs.map((v) => v.grad);
        out.backward();
        // the same contributions added again, one by one: 2g up to rounding
        vs.forEach((v, i) => {
          const twice = 2 * (once[i] as number);
          expect(Math.abs(v.grad - twice)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(twice)));
        });
      }),
      { numRuns: 100 },
    );
  });

  test('noGrad computes the same numbers, as a leaf', () => {
    fc.assert(
      fc.property(program, inputs, (steps, xs) => {
        const recorded = run(steps, xs.map((x) => new Value(x)));
        const unrecorded = noGrad(() => run(steps, xs.map((x) => new Value(x))));
        expect(unrecorded.data).toBe(recorded.data);
        expect(unrecorded.op).toBe(Op.Leaf);
      }),
      { numRuns: 100 },
    );
  });
});

describe('pow at 0⁰ (PyTorch: both gradients 0, never NaN)', () => {
  test('a constant exponent 0 at a = 0', () => {
    const a = new Value(0);
    const out = a.pow(0);
    out.backward();
    expect([out.data, a.grad]).toEqual([1, 0]);
  });

  test('a Value exponent 0 at a = 0', () => {
    const a = new Value(0);
    const b = new Value(0);
    a.pow(b).mul(3).backward();
    // ∂a: PyTorch masks b · a^(b-1) to 0 where b = 0; ∂b: out · ln a taken as 0 at a = 0, b >= 0
    expect([a.grad, b.grad]).toEqual([0, 0]);
  });

  test('exponent 0 elsewhere still gives ∂a = 0, and the upstream graph stays finite', () => {
    const x = new Value(2);
    const a = x.sub(2); // 0
    a.pow(0).add(x.mul(x)).backward();
    expect(x.grad).toBe(4);
  });
});
