import { describe, expect, test } from 'vitest';
import { Op, Value, value } from '@etagrad/autograd';

describe('micrograd README example', () => {
  test('gives g = 24.7041, dg/da = 138.8338, dg/db = 645.5773', () => {
    // micrograd's README, in Python:
    //   a = Value(-4.0); b = Value(2.0)
    //   c = a + b; d = a * b + b**3
    //   c += c + 1; c += 1 + c + (-a)
    //   d += d * 2 + (b + a).relu(); d += 3 * d + (b - a).relu()
    //   e = c - d; f = e**2; g = f / 2.0; g += 10.0 / f
    const a = new Value(-4);
    const b = new Value(2);
    let c = a.add(b); // -2
    let d = a.mul(b).add(b.pow(3)); // -8 + 8 = 0
    c = c.add(c.add(1)); // -2 + -1 = -3
    c = c.add(c.add(1).add(a.neg())); // -3 + (-2 + 4) = -1
    d = d.add(d.mul(2).add(b.add(a).relu())); // 0 + 0 + relu(-2) = 0
    d = d.add(d.mul(3).add(b.sub(a).relu())); // 0 + 0 + relu(6) = 6
    const e = c.sub(d); // -7
    const f = e.pow(2); // 49
    let g = f.div(2); // 24.5
    g = g.add(f.pow(-1).mul(10)); // 24.5 + 10/49 = 24.7040816...
    g.backward();
    expect(g.data).toBeCloseTo(24.7041, 4);
    expect(a.grad).toBeCloseTo(138.8338, 4);
    expect(b.grad).toBeCloseTo(645.5773, 4);
  });
});

describe('construction', () => {
  test('a new Value is a leaf with grad 0', () => {
    const v = new Value(2.5);
    expect([v.data, v.grad, v.op]).toEqual([2.5, 0, Op.Leaf]);
    expect(value(-1).data).toBe(-1);
  });

  test('infinities are numbers and are accepted', () => {
    expect(new Value(-Infinity).data).toBe(-Infinity);
  });

  test.each([
    ['a string', '1', "Value: data must be a number, got '1'"],
    ['undefined', undefined, 'Value: data must be a number, got undefined'],
    ['null', null, 'Value: data must be a number, got null'],
    ['an object', {}, 'Value: data must be a number, got an object'],
    ['NaN', Number.NaN, 'Value: data must be a number, not NaN, got NaN'],
  ])('refuses %s with a TypeError naming it', (_name, x, message) => {
    expect(() => new Value(x as number)).toThrow(new TypeError(message));
    expect(() => value(x as number)).toThrow(TypeError);
  });

  test('data and grad are plain writable numbers', () => {
    const p = new Value(1);
    p.grad = 0.5;
    p.data -= 0.1 * p.grad;
    expect(p.data).toBeCloseTo(0.95, 15);
  });
});

describe('ops accept numbers wherever a Value goes', () => {
  test('binary ops with a number operand', () => {
    const a = new Value(3);
    // 3 + 2 = 5, 3 - 2 = 1, 3 * 2 = 6, 3 / 2 = 1.5, 3^2 = 9, min = 2, max = 3
    expect([a.add(2), a.sub(2), a.mul(2), a.div(2), a.pow(2), a.min(2), a.max(2)].map((v) => v.data)).toEqual([
      5, 1, 6, 1.5, 9, 2, 3,
    ]);
  });

  test('a number operand gets no gradient, the Value gets the right one', () => {
    const a = new Value(3);
    a.mul(2).sub(1).div(4).backward(); // d/da ((2a - 1) / 4) = 1/2
    expect(a.grad).toBe(0.5);
  });
});

describe('subgradient conventions', () => {
  const gradAt = (x: number, f: (v: Value) => Value): number => {
    const v = new Value(x);
    f(v).backward();
    return v.grad;
  };

  test("relu'(0) = 0 and abs'(0) = 0, as in PyTorch", () => {
    expect(gradAt(0, (v) => v.relu())).toBe(0);
    expect(gradAt(0, (v) => v.abs())).toBe(0);
    expect(gradAt(-0, (v) => v.abs())).toBe(0);
  });

  test('max and min give a tie to the first argument', () => {
    for (const op of ['max', 'min'] as const) {
      const a = new Value(1);
      const b = new Value(1);
      a[op](b).backward();
      expect([a.grad, b.grad]).toEqual([1, 0]);
    }
  });

  test('leakyRelu and elu take their negative-side slope at 0', () => {
    expect(gradAt(0, (v) => v.leakyRelu())).toBe(0.01);
    expect(gradAt(0, (v) => v.leakyRelu(0.2))).toBe(0.2);
    expect(gradAt(0, (v) => v.elu(0.5))).toBe(0.5); // alpha e^0
  });

  test('relu, max and min keep a NaN', () => {
    const nan = new Value(-1).log(); // ln of a negative number: NaN, allowed inside the graph
    expect(nan.relu().data).toBeNaN();
    expect(nan.max(1).data).toBeNaN();
    expect(new Value(1).min(nan).data).toBeNaN();
  });

  test("pow's exponent gradient is 0 at a base of 0 (PyTorch)", () => {
    const base = new Value(0);
    const exponent = new Value(2);
    base.pow(exponent).backward();
    expect([base.grad, exponent.grad]).toEqual([0, 0]); // 2 · 0^1 = 0; 0^2 ln 0 taken as 0
  });
});

describe('known values', () => {
  test('gelu is the tanh approximation', () => {
    // gelu(1) = 0.5 (1 + tanh(√(2/π) · 1.044715)) = 0.5 (1 + tanh(0.833554)) = 0.841192
    expect(new Value(1).gelu().data).toBeCloseTo(0.841192, 6);
  });

  test('sigmoid and softplus do not overflow at ±1000', () => {
    expect(new Value(1000).sigmoid().data).toBe(1);
    expect(new Value(-1000).sigmoid().data).toBe(0);
    expect(new Value(1000).softplus().data).toBe(1000); // 1000 + ln(1 + e^-1000)
    expect(new Value(-1000).softplus().data).toBe(0);
  });

  test('elu and leakyRelu on the negative side', () => {
    expect(new Value(-1).elu().data).toBeCloseTo(Math.exp(-1) - 1, 15); // 1 · (e^-1 - 1)
    expect(new Value(-2).leakyRelu(0.1).data).toBeCloseTo(-0.2, 15);
  });
});

describe('bad operands', () => {
  const methods = ['add', 'sub', 'mul', 'div', 'min', 'max'] as const;

  test.each(methods)('%s refuses a non-operand and NaN with a TypeError naming it', (method) => {
    const a = new Value(1);
    expect(() => a[method]('2' as unknown as number)).toThrow(
      new TypeError(`Value.${method}: other must be a Value or a number, got '2'`),
    );
    expect(() => a[method](Number.NaN)).toThrow(
      new TypeError(`Value.${method}: other must be a Value or a number, not NaN, got NaN`),
    );
  });

  test('pow names its exponent', () => {
    expect(() => new Value(1).pow(null as unknown as number)).toThrow(
      new TypeError('Value.pow: exponent must be a Value or a number, got null'),
    );
  });

  test('leakyRelu and elu refuse a parameter that is not a finite number', () => {
    expect(() => new Value(1).leakyRelu(Infinity)).toThrow(
      new RangeError('Value.leakyRelu: slope must be a finite number, got Infinity'),
    );
    expect(() => new Value(1).elu('1' as unknown as number)).toThrow(
      new TypeError("Value.elu: alpha must be a number, got '1'"),
    );
  });
});

describe('printing', () => {
  test('String(v) shows data and grad', () => {
    const a = new Value(3);
    a.mul(a).backward(); // d(a²)/da = 2a = 6
    expect(String(a)).toBe('Value(data=3, grad=6)');
  });
});

describe('detach', () => {
  test('gives a leaf with the same number, through which no gradient flows', () => {
    const a = new Value(2);
    const b = a.mul(3);
    const c = b.detach();
    expect([c.data, c.op]).toEqual([6, Op.Leaf]);
    c.mul(a).backward(); // c is a constant here: d(c · a)/da = c = 6
    expect(a.grad).toBe(6);
  });
});
