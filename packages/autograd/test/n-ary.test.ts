import { describe, expect, test } from 'vitest';
import { dot, logSumExp, mean, softmax, sum, Value } from '@etagrad/autograd';

describe('values and gradients', () => {
  test('sum and mean', () => {
    const [a, b] = [new Value(1), new Value(2)];
    expect(sum([a, b, 3]).data).toBe(6);
    expect(sum([]).data).toBe(0);
    const m = mean([a, b, 3]); // 6 / 3
    m.backward();
    expect([m.data, a.grad, b.grad]).toEqual([2, 1 / 3, 1 / 3]);
  });

  test('dot accepts plain numbers as inputs, and gives each side the other as gradient', () => {
    const w = [new Value(2), new Value(-1)];
    const out = dot(w, [0.5, 3]); // 2 · 0.5 - 1 · 3 = -2
    out.backward();
    expect([out.data, w[0]?.grad, w[1]?.grad]).toEqual([-2, 0.5, 3]);
  });

  test('logSumExp is stable for inputs of 1000 and of -1000', () => {
    // ln(e^1000 + e^1000) = 1000 + ln 2
    expect(logSumExp([1000, 1000]).data).toBeCloseTo(1000 + Math.LN2, 10);
    expect(logSumExp([-1000, -1000]).data).toBeCloseTo(-1000 + Math.LN2, 10);
    const xs = [new Value(1000), new Value(1000)];
    logSumExp(xs).backward(); // softmax: 1/2 each (to the rounding of 1000 + ln 2)
    expect(xs.map((x) => x.grad)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
  });

  test('softmax returns one Value per input, summing to 1, stable at 1000', () => {
    // e^0 / (e^0 + e^ln3) = 1/4 and 3/4
    expect(softmax([new Value(1000), 1000 + Math.log(3)]).map((p) => p.data)).toEqual([
      expect.closeTo(0.25, 12),
      expect.closeTo(0.75, 12),
    ]);
  });

  test('softmax gradient: ∂p0/∂x0 = p0 (1 - p0), ∂p0/∂x1 = -p0 p1', () => {
    const xs = [new Value(0), new Value(0)];
    (softmax(xs)[0] as Value).backward(); // p = 1/2 each: 1/4 and -1/4
    expect(xs.map((x) => x.grad)).toEqual([expect.closeTo(0.25, 15), expect.closeTo(-0.25, 15)]);
  });
});

describe('bad input', () => {
  test.each([
    ['sum', () => sum('abc' as unknown as number[]), new TypeError("sum: values must be an array, got 'abc'")],
    ['mean', () => mean([1, '2' as unknown as number]), new TypeError("mean: values[1] must be a Value or a number, got '2'")],
    ['logSumExp', () => logSumExp([Number.NaN]), new TypeError('logSumExp: values[0] must be a Value or a number, not NaN, got NaN')],
    ['softmax', () => softmax([{ data: 1 } as unknown as Value]), new TypeError('softmax: values[0] must be a Value or a number, got an object')],
    ['dot ws', () => dot(null as unknown as number[], []), new TypeError('dot: ws must be an array, got null')],
    ['dot xs', () => dot([1], [undefined as unknown as number]), new TypeError('dot: xs[0] must be a Value or a number, got undefined')],
  ])('%s refuses what is not an array of Values and numbers', (_name, call, error) => {
    expect(call).toThrow(error);
  });

  test('dot refuses arrays of different lengths', () => {
    expect(() => dot([1, 2, 3], [1, 2])).toThrow(new RangeError('dot: xs must have the length of ws (3), got 2'));
  });

  test.each([
    ['mean', () => mean([])],
    ['logSumExp', () => logSumExp([])],
    ['softmax', () => softmax([])],
  ])('%s refuses an empty array', (name, call) => {
    expect(call).toThrow(new RangeError(`${name}: values must not be empty, got an array of length 0`));
  });
});
