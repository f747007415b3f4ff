import { describe, expect, test } from 'vitest';
import { LEAF_TAG, OP_BITS, OP_MASK, POSITIONS, TAPE_CAPACITY, tapeSize } from '../src/tape.js';
import { dot, sum, Value, zeroGrad } from '@etagrad/autograd';

describe('graph shapes', () => {
  test('a chain of 1,000,000 ops backpropagates without recursion', () => {
    // y = x + 1 + 1 + ... (10^6 adds): dy/dx = 1
    const x = new Value(0);
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = y.add(1);
    y.backward();
    expect(y.data).toBe(1_000_000);
    expect(x.grad).toBe(1);
  });

  test('wide fan-in: one sum node over 100,000 values', () => {
    const xs = Array.from({ length: 100_000 }, (_x, i) => new Value(i));
    const s = sum(xs.map((x) => x.mul(x))); // ∂/∂x_i Σ x² = 2 x_i
    s.backward();
    expect(xs[12_345]?.grad).toBe(24_690);
    expect(xs[99_999]?.grad).toBe(199_998);
  });

  test('wide fan-out: one value used 100,000 times counts once per use', () => {
    // y = Σ_{i<n} x · i: dy/dx = Σ i = n (n - 1) / 2 = 4,999,950,000
    const x = new Value(3);
    const y = sum(Array.from({ length: 100_000 }, (_v, i) => x.mul(i)));
    y.backward();
    expect(x.grad).toBe(4_999_950_000);
  });

  test('a diamond: shared subexpressions add up', () => {
    // b = a², c = b + b·a = a² + a³: dc/da = 2a + 3a² = 4 + 12 = 16 at a = 2
    const a = new Value(2);
    const b = a.mul(a);
    b.add(b.mul(a)).backward();
    expect(a.grad).toBe(16);
  });

  test('the same Value as both operands of an op', () => {
    const a = new Value(5);
    dot([a, a], [a, 2]).backward(); // a² + 2a: 2a + 2 = 12
    expect(a.grad).toBe(12);
  });
});

describe('accumulation', () => {
  test('leaf gradients add up across two forward+backward passes, as in PyTorch', () => {
    const w = new Value(3);
    w.mul(2).backward(); // +2
    w.mul(w).backward(); // +2w = +6
    expect(w.grad).toBe(8);
  });

  test('zeroGrad resets them', () => {
    const w = new Value(3);
    const b = new Value(1);
    w.mul(b).backward();
    zeroGrad([w, b]);
    expect([w.grad, b.grad]).toEqual([0, 0]);
    w.mul(b).backward(); // ∂/∂w = b = 1, ∂/∂b = w = 3
    expect([w.grad, b.grad]).toEqual([1, 3]);
  });

  test('backward twice on the same graph adds the leaf gradients twice, no more', () => {
    // micrograd would count the intermediate gradients of the first pass again
    const a = new Value(2);
    const loss = a.mul(a).add(a).mul(3); // 3 (a² + a): 3 (2a + 1) = 15
    loss.backward();
    loss.backward();
    expect(a.grad).toBe(30);
    expect(loss.grad).toBe(1);
  });

  test('backward on a leaf adds 1 to its own gradient', () => {
    const a = new Value(2);
    a.backward();
    a.backward();
    expect(a.grad).toBe(2);
  });

  test('two losses sharing a subexpression: the leaf gets the sum of both gradients', () => {
    const a = new Value(2);
    const shared = a.mul(a); // 4
    shared.mul(3).backward(); // 3 · 2a = 12
    shared.add(1).backward(); // 2a = 4
    expect(a.grad).toBe(16);
  });
});

describe('nodes whose gradient is exactly 0', () => {
  test('an inactive relu hands nothing down, and its operands read gradient 0', () => {
    const w = new Value(-2);
    const off = w.mul(3).relu(); // relu(-6) = 0: no gradient below it
    const loss = off.add(w.mul(w)); // ∂/∂w = 0 + 2w = -4
    loss.backward();
    expect([w.grad, off.grad]).toEqual([-4, 1]);
  });

  test('one the root reaches still hands down NaN where a partial is infinite, as IEEE arithmetic says', () => {
    const a = new Value(0);
    const root = a.sqrt().mul(0); // ∂root/∂sqrt = 0, ∂sqrt/∂a = Infinity: 0 · Infinity
    root.backward();
    expect(a.grad).toBeNaN();
  });

  test('one the root does not reach hands down nothing, even with an infinite partial', () => {
    const a = new Value(0);
    const unrelated = a.sqrt().log(); // made before the root, never reached from it
    const root = a.mul(2);
    root.backward();
    expect([a.grad, unrelated.grad]).toEqual([2, 0]);
  });
});

describe('checkFinite', () => {
  test('without it, a non-finite gradient passes silently', () => {
    const a = new Value(0);
    a.sqrt().backward(); // 1 / (2 √0)
    expect(a.grad).toBe(Infinity);
  });

  test('stops at the first node whose gradient is not finite and names its op', () => {
    // ∂/∂b of log(b) is 1 / b = Infinity at b = 0; the log node itself has gradient 2
    const b = new Value(0).add(0);
    const loss = b.log().mul(2);
    expect(() => loss.backward({ checkFinite: true })).toThrow(
      new RangeError("backward: the gradient at a 'add' node must be finite, got Infinity (its data is 0)"),
    );
  });

  test('names the op that sent a non-finite gradient to a leaf', () => {
    const a = new Value(0);
    expect(() => a.sqrt().backward({ checkFinite: true })).toThrow(
      new RangeError(
        "backward: the gradient at a 'leaf' node must be finite, got Infinity (its data is 0, reached from a 'sqrt' node whose data is 0)",
      ),
    );
  });

  test('checks the root when it is a leaf', () => {
    const a = new Value(1);
    a.grad = Number.NaN;
    expect(() => a.backward({ checkFinite: true })).toThrow(
      new RangeError("backward: the gradient at a 'leaf' node must be finite, got NaN (its data is 1)"),
    );
  });

  test('a graph can be walked again after a pass stopped', () => {
    const a = new Value(0);
    const loss = a.sqrt().add(a);
    expect(() => loss.backward({ checkFinite: true })).toThrow(RangeError);
    a.grad = 0;
    const b = new Value(4);
    loss.add(b.mul(b)).backward(); // ∂/∂b b² = 8
    expect(b.grad).toBe(8);
  });

  test('finite gradients pass', () => {
    const a = new Value(4);
    a.sqrt().backward({ checkFinite: true }); // 1 / (2 · 2)
    expect(a.grad).toBe(0.25);
  });
});

describe('bad options', () => {
  test('checkFinite must be a boolean', () => {
    expect(() => new Value(1).backward({ checkFinite: 1 as unknown as boolean })).toThrow(
      new TypeError('backward: checkFinite must be a boolean, got 1'),
    );
  });

  test('options must be an object', () => {
    expect(() => new Value(1).backward(null as unknown as object)).toThrow(
      new TypeError('backward: options must be an object, got null'),
    );
  });
});

describe('graphs partly made before the last pass (off the tape)', () => {
  // backward walks the nodes made since the last pass in reverse creation order; older nodes are
  // listed depth-first. Both give the same gradients.
  const f = (a: Value, b: Value, shared: Value): Value => shared.mul(a).add(shared.tanh().mul(b)).sub(dot([a, b], [shared, 2]));

  test('a subgraph made before an unrelated backward still gets its gradients', () => {
    const fresh = () => {
      const a = new Value(0.3);
      const b = new Value(-1.2);
      const shared = a.mul(b).add(1);
      f(a, b, shared).backward();
      return [a.grad, b.grad, shared.grad];
    };
    const a = new Value(0.3);
    const b = new Value(-1.2);
    const shared = a.mul(b).add(1); // made, then the tape is emptied by another pass
    new Value(5).mul(2).backward();
    f(a, b, shared).backward();
    const expected = fresh();
    expect(a.grad).toBeCloseTo(expected[0] as number, 14);
    expect(b.grad).toBeCloseTo(expected[1] as number, 14);
    expect(shared.grad).toBeCloseTo(expected[2] as number, 14);
  });

  test('backward from a node off the tape, twice, resets intermediate gradients each time', () => {
    const a = new Value(2);
    const mid = a.mul(a);
    const out = mid.add(mid);
    out.backward();
    expect([a.grad, mid.grad]).toEqual([8, 2]);
    out.backward();
    expect([a.grad, mid.grad]).toEqual([16, 2]);
  });
});

describe('the memory a graph never backpropagated keeps', () => {
  test('the tape holds at most TAPE_CAPACITY nodes, and a graph across its restart still backpropagates', () => {
    const a = new Value(1.5);
    let x = a.mul(1);
    for (let i = 0; i < TAPE_CAPACITY + 10; i++) x = x.add(1); // never backpropagated
    expect(tapeSize()).toBeLessThanOrEqual(TAPE_CAPACITY);
    const out = x.mul(a);
    out.backward();
    expect(a.grad).toBe(x.data + a.data); // ∂(x·a)/∂a with x = a + n
    expect(tapeSize()).toBe(0);
  });
});

test('every tag is below 2^30: a small integer in every V8 (browsers compress pointers: 31-bit Smis)', () => {
  expect(LEAF_TAG).toBeLessThan(2 ** 30);
  expect(((POSITIONS - 1) << OP_BITS) | OP_MASK).toBeLessThan(2 ** 30);
});
