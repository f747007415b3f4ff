import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compile,
  compileByShape,
  dot,
  isGradEnabled,
  logSumExp,
  mean,
  noGrad,
  Op,
  softmax,
  sum,
  Value,
  zeroGrad,
  type Operand,
} from '@etagrad/autograd';
import { TAPE_CAPACITY } from '../src/tape.js';

// A compiled program must give the numbers of the eager engine bit for bit: the outputs, and the
// parameters' gradients (accumulated onto what they held before).

/** Eager: build on fresh input leaves, backward from the first output. */
function eager(build: (xs: Value[]) => readonly Value[], numbers: readonly number[]): number[] {
  const outputs = build(numbers.map((x) => new Value(x)));
  (outputs[0] as Value).backward();
  return outputs.map((v) => v.data);
}

/** Runs eager and compiled on twin parameter sets from `init`, on each of `inputs`; compares every bit. */
function expectTwins(
  init: readonly number[],
  build: (ps: Value[]) => (xs: Value[]) => readonly Value[],
  inputs: readonly (readonly number[])[],
): void {
  const ps = init.map((x) => new Value(x));
  const qs = init.map((x) => new Value(x));
  const program = compile(build(qs), inputs[0] as number[]);
  for (const numbers of inputs) {
    const want = eager(build(ps), numbers);
    const got = [...program.run(numbers)];
    expect(got).toEqual(want);
    got.forEach((x, i) => expect(Object.is(x, want[i])).toBe(true));
    qs.forEach((q, i) => expect(Object.is(q.grad, (ps[i] as Value).grad)).toBe(true));
    expect(qs.map((q) => q.grad)).toEqual(ps.map((p) => p.grad));
  }
}

const unary: [string, (v: Value) => Value][] = [
  ['neg', (v) => v.neg()],
  ['exp', (v) => v.exp()],
  ['log', (v) => v.abs().add(0.1).log()],
  ['sqrt', (v) => v.abs().sqrt()],
  ['abs', (v) => v.abs()],
  ['tanh', (v) => v.tanh()],
  ['sigmoid', (v) => v.sigmoid()],
  ['relu', (v) => v.relu()],
  ['leakyRelu', (v) => v.leakyRelu(0.2)],
  ['softplus', (v) => v.softplus()],
  ['elu', (v) => v.elu(0.7)],
  ['gelu', (v) => v.gelu()],
  ['pow by a number', (v) => v.pow(3)],
];
const binary: [string, (a: Value, b: Operand) => Value][] = [
  ['add', (a, b) => a.add(b)],
  ['sub', (a, b) => a.sub(b)],
  ['mul', (a, b) => a.mul(b)],
  ['div', (a, b) => a.div(b)],
  ['pow', (a, b) => a.abs().add(0.5).pow(b)],
  ['min', (a, b) => a.min(b)],
  ['max', (a, b) => a.max(b)],
];
const nary: [string, (xs: Operand[]) => Value][] = [
  ['sum', (xs) => sum(xs)],
  ['mean', (xs) => mean(xs)],
  ['dot', (xs) => dot(xs, [...xs].reverse())],
  ['logSumExp', (xs) => logSumExp(xs)],
  ['softmax', (xs) => (softmax(xs)[1] as Value).mul(xs[0] as Operand)],
];
const inputs = [[0.3, -1.2], [-0.7, 2.5], [0, 0], [1.5, 1.5], [-2, 0.25]];

describe('compiled programs give the eager numbers, bit for bit', () => {
  test.each(unary)('%s', (_name, f) => {
    expectTwins([0.4], ([p]) => ([x, y]) => [f((x as Value).mul(p as Value).add(y as Value)).mul(1.5)], inputs);
  });

  test.each(binary)('%s of two Values, and with a number', (_name, f) => {
    expectTwins([0.4, -0.9], ([p, q]) => ([x, y]) => [f((x as Value).mul(p as Value), (y as Value).add(q as Value)), f(p as Value, 2)], inputs);
    expectTwins([0.4], ([p]) => ([x]) => [f((x as Value).mul(p as Value), 0.75)], inputs);
  });

  test.each(nary)('%s over Values, parameters and numbers', (_name, f) => {
    expectTwins([0.4, -0.9], ([p, q]) => ([x, y]) => [f([(x as Value).mul(p as Value), 0.5, q as Value, y as Value, (x as Value).add(q as Value)])], inputs);
  });

  test('dots whose operand slots step by a constant (read without the operand list) and dots whose slots do not', () => {
    // weights side by side and inputs side by side: strided; a shuffled pairing: not
    const [w0, w1, w2, w3] = [0.4, -0.9, 1.3, 0.2];
    for (const order of [[0, 1, 2, 3], [2, 0, 3, 1]]) {
      expectTwins([w0, w1, w2, w3], (ws) => (xs) => {
        const hidden = xs.map((x) => x.mul(1.5).relu());
        const strided = dot(ws, xs);
        const shuffled = dot(order.map((k) => ws[k] as Value), hidden);
        return [strided.mul(shuffled).add(dot(ws.slice(0, 2), [hidden[0] as Value, 3]))];
      }, [[0.3, -1.2, 2, 0.5], [1, 1, -1, 0.25]]);
    }
    // slots 0, 1, 2 with 3, 4, 5 (constants); 0, 1, 2 with 2, 1, 0 (a negative step); 0, 1, 2 with 0, 2, 1
    const program = compile((xs) => {
      const [a, b, c] = xs as [Value, Value, Value];
      return [dot(xs, [1, 2, 3]).add(dot(xs, [c, b, a])).add(dot(xs, [a, c, b]))];
    }, [1, 2, 3]);
    const { code, strided } = (program as unknown as { trace: { code: Uint8Array; strided: Uint8Array } }).trace;
    expect([...strided].filter((_, i) => code[i] === Op.Dot)).toEqual([1, 1, 0]);
  });

  test('neurons (a dot, its bias, a relu) computed in one go, and look-alikes that are not neurons', () => {
    const build = (ps: Value[]) => (xs: Value[]) => {
      const [w0, w1, bias] = ps as [Value, Value, Value];
      const hidden = dot([w0, w1], xs).add(bias).relu(); // a neuron: fused
      const linear = dot([w1, w0], xs).add(bias); // dot and bias only: fused
      const swapped = bias.add(dot([w0, w1], xs)).relu(); // the dot is the add's second operand
      const apart = dot([w0, w1], xs).add(w0.mul(2)).relu(); // a node between the add and its dot
      return [hidden.mul(linear).add(swapped).sub(apart), hidden, linear];
    };
    expectTwins([0.4, -0.9, 0.1], build, [[0.3, -1.2], [1, 1], [-2, 0.5], [0, 0]]);
    const ps = [0.4, -0.9, 0.1].map((x) => new Value(x));
    const { code, neuron } = (compile(build(ps), [1, 2]) as unknown as { trace: { code: Uint8Array; neuron: Uint8Array } }).trace;
    expect([...neuron].filter((_, i) => code[i] === Op.Dot)).toEqual([2, 1, 0, 0]);
  });

  test('gradients accumulate onto what the parameters held, as eager backward does', () => {
    expectTwins([0.2, 0.3], ([p, q]) => ([x]) => [(x as Value).mul(p as Value).add(q as Value).tanh()], [[1], [2], [3]]);
  });

  test('a relu that is off and a hinge that is inactive (skipped work) change no bit', () => {
    expectTwins([-1, 2], ([p, q]) => ([x]) => [(x as Value).mul(p as Value).relu().mul(q as Value).add(1).relu()], [[1], [-1], [3], [0]]);
  });

  test('a node skipped for a zero gradient takes the run of nodes only it uses with it (skipTo), outputs and ops with unbounded partials ending the run', () => {
    const skipTo = (outputs: (x: Value, p: Value) => Value[]): number[] => {
      const p = new Value(0.5);
      const program = compile(([x]) => outputs(x as Value, p), [2]);
      return [...(program as unknown as { trace: { skipTo: Int32Array } }).trace.skipTo];
    };
    // nodes 0-2: relu(x·p + 1); 3: p·3; 4: their sum; 5: its log (unbounded partial); 6: log · 2
    const graph = (x: Value, p: Value): [Value, Value] => {
      const hidden = x.mul(p).add(1).relu();
      return [hidden.add(p.mul(3)).log().mul(2), hidden];
    };
    expect(skipTo((x, p) => [graph(x, p)[0]])).toEqual([0, 0, 0, 3, 0, 0, 6]);
    // the relu an output too: its gradient may be seeded, so no run reaches below it from above
    expect(skipTo((x, p) => graph(x, p))).toEqual([0, 0, 0, 3, 3, 3, 6]);
  });

  test('a run skipped under a zero gradient is walked instead when a number is not finite (0 · Infinity hands down NaN, as eager)', () => {
    // t = Infinity; relu(-(t·t)) = 0 hands a zero gradient to t·t, whose partial t then makes NaN
    const build = ([p]: Value[]) => ([x]: Value[]) => {
      const t = (x as Value).mul(p as Value).mul(1e308).mul(10);
      return [t.mul(t).neg().relu().add(p as Value)];
    };
    expectTwins([0.5], build, [[1], [2]]);
    const p = new Value(0.5);
    compile(build([p]), [1]).run([2]);
    expect(p.grad).toBeNaN();
  });

  test('the moons MLP trains to the same parameters over 100 steps', () => {
    const points = Array.from({ length: 12 }, (_, i) => [Math.cos(i), Math.sin(2 * i)] as const);
    const labels = points.map(([x, y]) => (x * y > 0 ? 1 : -1));
    const sizes = [2, 6, 6, 1];
    const init: number[] = [];
    for (let l = 1; l < sizes.length; l++) {
      for (let k = 0; k < (sizes[l] as number) * ((sizes[l - 1] as number) + 1); k++) init.push(Math.sin(17 * init.length + 1) * 0.9);
    }
    const model = (ps: Value[]) => (xs: Value[]): Value[] => {
      const losses: Value[] = [];
      for (let i = 0; i < points.length; i++) {
        let h: Operand[] = [xs[2 * i] as Value, xs[2 * i + 1] as Value];
        let at = 0;
        for (let l = 1; l < sizes.length; l++) {
          const next: Value[] = [];
          for (let n = 0; n < (sizes[l] as number); n++) {
            const w = ps.slice(at, at + h.length);
            const b = ps[at + h.length] as Value;
            at += h.length + 1;
            const act = dot(w, h).add(b);
            next.push(l === sizes.length - 1 ? act : act.relu());
          }
          h = next;
        }
        losses.push((h[0] as Value).mul(-(labels[i] as number)).add(1).relu());
      }
      return [mean(losses).add(sum(ps.map((p) => p.mul(p))).mul(1e-4))];
    };
    const numbers = points.flat();
    const ps = init.map((x) => new Value(x));
    const qs = init.map((x) => new Value(x));
    const program = compile(model(qs), numbers);
    for (let k = 0; k < 100; k++) {
      const lr = 1 - (0.9 * k) / 100;
      zeroGrad(ps);
      const want = eager(model(ps), numbers)[0];
      zeroGrad(qs);
      const got = program.run(numbers)[0];
      expect(got).toBe(want);
      for (const p of [...ps, ...qs]) p.data -= lr * p.grad;
    }
    qs.forEach((q, i) => expect(q.data).toBe((ps[i] as Value).data));
  });
});

describe('random graphs', () => {
  const steps: ((a: Value, b: Value, c: Value) => Value)[] = [
    (a, b) => a.add(b),
    (a, b) => a.mul(b),
    (a, b) => a.sub(b).tanh(),
    (a) => a.relu(),
    (a, b) => a.max(b),
    (a) => a.sigmoid(),
    (a, b) => a.div(b.abs().add(1)),
    (a, b, c) => dot([a, b, 2], [c, 0.5, a]),
    (a, b, c) => logSumExp([a, b, c]),
    (a, b, c) => mean([a, b, c, 1]),
    (a) => a.mul(a).add(0.5).log(),
  ];
  const graph = fc.array(fc.record({ op: fc.nat(steps.length - 1), args: fc.tuple(fc.nat(), fc.nat(), fc.nat()) }), {
    minLength: 1,
    maxLength: 12,
  });
  const number = fc.double({ min: -3, max: 3, noNaN: true });

  test('replayed on several new inputs, give the eager outputs and gradients bit for bit', () => {
    fc.assert(
      fc.property(graph, fc.array(fc.tuple(number, number), { minLength: 2, maxLength: 4 }), fc.tuple(number, number), (program, runs, init) => {
        const build = (ps: Value[]) => (xs: Value[]): Value[] => {
          const pool = [...xs, ...ps];
          for (const { op, args } of program) {
            const [a, b, c] = args.map((k) => pool[k % pool.length] as Value) as [Value, Value, Value];
            pool.push((steps[op] as (typeof steps)[number])(a, b, c));
          }
          return [pool[pool.length - 1] as Value, pool[pool.length - 2] as Value];
        };
        expectTwins(init, build, runs);
      }),
      { numRuns: 150 },
    );
  });
});

describe('graphs larger than the tape', () => {
  test('a trace of more nodes than the tape holds keeps them all, in creation order', () => {
    // the tape is not emptied at its capacity while build runs, so the trace sees every node
    const p = new Value(0.5);
    const build = ([x]: Value[]) => {
      let y = (x as Value).mul(p);
      for (let i = 0; i < TAPE_CAPACITY + 10; i++) y = y.add(1);
      return [y.mul(p)];
    };
    const program = compile(build, [2]);
    expect(program.nodes).toBe(TAPE_CAPACITY + 12);
    zeroGrad([p]);
    const [out] = program.run([3]);
    // y = 3p + n: out = p (3p + n), ∂out/∂p = 6p + n
    const n = TAPE_CAPACITY + 10;
    expect(out).toBe(0.5 * (1.5 + n));
    expect(p.grad).toBe(3 + n);
  });
});

describe('graphs that depend on the data are refused', () => {
  const w = new Value(0.5);

  test('a branch on .data that changes the ops', () => {
    const program = compile(([x]) => [(x as Value).data > 0 ? (x as Value).mul(w).relu() : (x as Value).mul(w).neg()], [1]);
    expect(() => program.run([-1])).toThrow(/compile: the graph depends on the input numbers \(the op sequence differs.*run this model eagerly/);
  });

  test('a branch that changes the node count', () => {
    const program = compile(([x]) => [(x as Value).data > 0 ? (x as Value).mul(w) : (x as Value).mul(w).add(1).mul(2)], [1]);
    expect(() => program.run([-1])).toThrow(/the node count \(3 for 1\) differs/);
  });

  test('a value detached from the inputs', () => {
    const program = compile(([x]) => [(x as Value).detach().mul(w)], [1]);
    expect(() => program.run([2])).toThrow(/a leaf made inside build differs/);
  });

  test('a constant computed from .data', () => {
    const program = compile(([x]) => [w.mul((x as Value).data)], [1]);
    expect(() => program.run([2])).toThrow(/the constant in slot \d+ differs/);
  });

  test('a branch that picks one of two parameters holding the same number (zero-initialised biases)', () => {
    const positive = new Value(0);
    const negative = new Value(0);
    const build = ([x]: Value[]) => [(x as Value).add((x as Value).data > 0 ? positive : negative).pow(2)];
    const program = compile(build, [1]);
    // replayed, ∂/∂positive would be -6 and negative would get nothing, where eager gives the reverse
    expect(() => program.run([-3])).toThrow(/the graph depends on the input numbers \(the parameter in slot 1 differs/);
    expect([positive.grad, negative.grad]).toEqual([0, 0]);
    // a parameter where the trace made a leaf holding its number, and the other way round
    const fresh = compile(([x]) => [(x as Value).mul((x as Value).data > 0 ? new Value(0) : positive)], [1]);
    expect(() => fresh.run([-1])).toThrow(/the parameter in slot 1 differs/);
    const param = compile(([x]) => [(x as Value).mul((x as Value).data > 0 ? positive : new Value(0))], [1]);
    expect(() => param.run([-1])).toThrow(/the parameter in slot 1 differs/);
    // two parameters used in the other order, likewise
    const swapped = compile(([x]) => {
      const [first, second] = (x as Value).data > 0 ? [positive, negative] : [negative, positive];
      return [(x as Value).mul(first).add(second)];
    }, [1]);
    expect(() => swapped.run([-1])).toThrow(/the parameter in slot 1 differs/);
  });

  test('a graph that does not depend on the data passes the check, with leaves made inside build', () => {
    const program = compile(([x]) => [(x as Value).mul(w).add(new Value(3))], [1]);
    expect([...program.run([2])]).toEqual([4]);
    expect([...program.forward([4])]).toEqual([5]);
  });

  test('a node made before build was called', () => {
    const outside = w.mul(2);
    expect(() => compile(([x]) => [(x as Value).mul(outside)], [1])).toThrow(
      "compile: the graph cannot be traced: it reaches a 'mul' node made before build was called (make every op inside build, or detach the value)",
    );
  });

  test('recording off', () => {
    expect(() => noGrad(() => compile(([x]) => [(x as Value).mul(w)], [1]))).toThrow(
      'compile: recording is off (inside noGrad), so build makes no graph to trace',
    );
  });

  test('a program evaluated inside noGrad still checks its first new numbers, and a data-dependent one still fails', () => {
    const program = compile(([x]) => [(x as Value).mul(w)], [1]);
    // the check builds the graph again: recording must be on for it, whatever the caller's mode
    expect([...noGrad(() => program.forward([3]))]).toEqual([3 * w.data]);
    expect([...noGrad(() => program.run([4]))]).toEqual([4 * w.data]);
    const branchy = compile(([x]) => [(x as Value).data > 0 ? (x as Value).mul(w) : (x as Value).mul(w).neg()], [1]);
    expect(() => noGrad(() => branchy.forward([-1]))).toThrow(/the graph depends on the input numbers \(the node count/);
    // and recording is off again after the check, until noGrad returns
    const again = compile(([x]) => [(x as Value).mul(w)], [1]);
    expect(noGrad(() => [again.forward([5])[0], isGradEnabled(), w.mul(2).op])).toEqual([5 * w.data, false, Op.Leaf]);
  });
});

describe('shapes and arguments', () => {
  const w = new Value(2);
  const build = (xs: Value[]) => [sum(xs.map((x) => x.mul(w)))];

  test('run and forward take as many numbers as the example', () => {
    const program = compile(build, [1, 2]);
    expect(program.nodes).toBe(3);
    expect(program.inputs).toBe(2);
    expect(() => program.run([1])).toThrow(new RangeError('program.run: numbers must hold 2 numbers, as the example did, got 1'));
    expect(() => program.forward([1, 2, 3])).toThrow(new RangeError('program.forward: numbers must hold 2 numbers, as the example did, got 3'));
    expect(() => compile((xs) => [xs[0] as Value], [1]).run([1, 2])).toThrow(new RangeError('program.run: numbers must hold 1 number, as the example did, got 2'));
    expect(() => program.run([1, Number.NaN])).toThrow(new TypeError('program.run: numbers[1] must be a number, not NaN, got NaN'));
  });

  test('forward changes no gradient and returns the same array each call', () => {
    const program = compile(build, [1, 2]);
    w.grad = 0;
    const first = program.forward([1, 2]);
    expect([...first]).toEqual([6]);
    expect(program.forward([3, 4])).toBe(first);
    expect([...first]).toEqual([14]);
    expect(w.grad).toBe(0);
  });

  test('compileByShape traces once per input length', () => {
    const step = compileByShape(build);
    expect([...step.run([1, 2])]).toEqual([6]);
    expect([...step.run([1, 2, 3])]).toEqual([12]);
    expect([...step.forward([5, 5])]).toEqual([20]);
    expect([...step.programs.keys()]).toEqual([2, 3]);
  });

  test.each([
    ['compile(5, [])', () => compile(5 as unknown as () => Value[], []), new TypeError('compile: build must be a function, got 5')],
    ['a bad example', () => compile(build, 'x' as unknown as number[]), new TypeError("compile: example must be an array of numbers, got 'x'")],
    ['an example with a string', () => compile(build, [1, '2' as unknown as number]), new TypeError("compile: example[1] must be a number, got '2'")],
    ['build returning a number', () => compile(() => 5 as unknown as Value[], [1]), new TypeError('compile: build must return a non-empty array of Values, got 5')],
    ['an output that is not a Value', () => compile(() => [w, 3 as unknown as Value], [1]), new TypeError("compile: build's outputs[1] must be a Value, got 3")],
    ['compileByShape(null)', () => compileByShape(null as unknown as () => Value[]), new TypeError('compileByShape: build must be a function, got null')],
  ])('%s is refused', (_name, call, error) => {
    expect(call).toThrow(error);
  });
});

describe('backward from given output gradients', () => {
  test("a loss computed eagerly on the outputs' numbers, then the program's backward: the eager gradients, bit for bit", () => {
    const init = [0.3, -0.8, 0.5, 0.1];
    const model = (ps: Value[]) => (xs: Value[]): Value[] =>
      [0, 1].map((i) => dot(ps.slice(0, 2), [xs[2 * i] as Value, xs[2 * i + 1] as Value]).add(ps[2] as Value).tanh().mul(ps[3] as Value));
    const loss = (outputs: Value[], ps: Value[]): Value => mean(outputs.map((o, i) => o.sub(i).pow(2))).add((ps[0] as Value).mul(ps[0] as Value));
    const ps = init.map((x) => new Value(x));
    const qs = init.map((x) => new Value(x));
    const program = compile(model(qs), [0, 0, 0, 0]);
    for (const numbers of [[1, 2, -1, 0.5], [0.3, 0.3, 2, -2]]) {
      const outputs = model(ps)(numbers.map((x) => new Value(x)));
      loss(outputs, ps).backward();
      const leaves = [...program.forward(numbers)].map((x) => new Value(x));
      loss(leaves, qs).backward();
      program.backward(leaves.map((v) => v.grad));
      qs.forEach((q, i) => expect(Object.is(q.grad, (ps[i] as Value).grad)).toBe(true));
    }
  });

  test('a seeded output under a node whose gradient is 0 still hands its seed down', () => {
    // the last output's seed is 0, so backward skips it; the hidden output's seed must still reach w
    const w = new Value(0.5);
    const program = compile(([x]) => {
      const hidden = (x as Value).mul(w).add(1).relu();
      return [hidden.mul(3).tanh(), hidden];
    }, [2]);
    program.forward([2]);
    program.backward([0, 1]);
    expect(w.grad).toBe(2); // ∂hidden/∂w = x where hidden > 0
  });

  test('refuses seeds of the wrong length, and a backward without a forward', () => {
    const w = new Value(1);
    const program = compile(([x]) => [(x as Value).mul(w)], [1]);
    expect(() => program.backward([1])).toThrow(
      new RangeError('program.backward: forward must run first, got no forward since the last backward'),
    );
    program.forward([2]);
    expect(() => program.backward([1, 2])).toThrow(new RangeError('program.backward: seeds must hold one number per output (1), got an array of length 2'));
    program.backward([3]);
    expect(w.grad).toBe(6);
  });

  test('refuses a seed that is not a number before touching a gradient, and passes NaN and Infinity on', () => {
    const w = new Value(1);
    const program = compile(([x]) => [(x as Value).mul(w), (x as Value).add(w)], [1]);
    program.forward([2]);
    for (const bad of [undefined, '1', null]) {
      expect(() => program.backward([1, bad as unknown as number])).toThrow(
        new TypeError(`program.backward: seeds[1] must be a number, got ${bad === '1' ? "'1'" : String(bad)}`),
      );
      expect(w.grad).toBe(0);
    }
    program.backward([Number.NaN, Infinity]); // a diverged loss's gradients, as eager backward hands them down
    expect(w.grad).toBeNaN();
  });
});

test('refusals are CompileErrors, which a caller can tell from its own errors', async () => {
  const { CompileError } = await import('@etagrad/autograd');
  const w = new Value(1);
  const program = compile(([x]) => [(x as Value).data > 0 ? (x as Value).mul(w) : (x as Value).add(w)], [1]);
  expect(() => program.forward([-1])).toThrow(CompileError);
  expect(() => compile(5 as unknown as () => Value[], [1])).toThrow(TypeError);
  expect(() => compile(5 as unknown as () => Value[], [1])).not.toThrow(CompileError);
});
