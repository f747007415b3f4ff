import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { huber, mae, mse } from '@etagrad/nn';
import { checkGradient, leaves } from './helpers.js';

const value = fc.double({ min: -10, max: 10, noNaN: true });
const batch = fc.array(fc.tuple(value, value), { minLength: 1, maxLength: 6 });
/** Output and target at least 1e-2 apart, on either side: pairs away from |o - t|'s kink at 0. */
const gap = fc.tuple(fc.double({ min: 1e-2, max: 10, noNaN: true }), fc.boolean()).map(([d, below]) => (below ? -d : d));
const awayFromKink = fc.array(fc.tuple(value, gap).map(([o, d]) => [o, o + d] as const), { minLength: 1, maxLength: 6 });

describe('mse', () => {
  test('values: mean of squared errors over all outputs', () => {
    expect(mse(leaves([[3]]), [1]).data).toBe(4); // (3 - 1)^2
    expect(mse(leaves([[1], [2]]), [0, 0]).data).toBe(2.5); // (1 + 4) / 2
    expect(mse(leaves([[1], [2]]), [0, 0], { reduction: 'sum' }).data).toBe(5);
    expect(mse(leaves([[1, 2], [0, 0]]), [[0, 0], [0, 1]]).data).toBe(1.5); // (1 + 4 + 0 + 1) / 4 elements
  });

  test('gradient matches finite differences', () => {
    fc.assert(fc.property(batch, (pairs) => checkGradient(mse, pairs.map(([o]) => [o]), pairs.map(([, t]) => t))), { numRuns: 30 });
  });

  test('finite for large errors', () => {
    const out = leaves([[1e150]]);
    const loss = mse(out, [-1e150]);
    loss.backward();
    expect(loss.data / 4e300).toBeCloseTo(1, 12); // (2e150)^2
    expect(out[0]![0]!.grad / 4e150).toBeCloseTo(1, 12); // 2 (o - t)
  });

  test('targets must be finite', () => {
    expect(() => mse(leaves([[1]]), [Number.NaN])).toThrow(new RangeError('mse: targets[0] must be a finite number, got NaN'));
  });
});

describe('mae', () => {
  test('values: mean absolute error', () => {
    expect(mae(leaves([[3], [-1]]), [1, 1]).data).toBe(2); // (2 + 2) / 2
    expect(mae(leaves([[3], [-1]]), [1, 1], { reduction: 'sum' }).data).toBe(4);
  });

  test('gradient matches finite differences away from the kink', () => {
    fc.assert(
      fc.property(awayFromKink, (pairs) => {
        checkGradient(mae, pairs.map(([o]) => [o]), pairs.map(([, t]) => t));
      }),
      { numRuns: 30 },
    );
  });

  test('targets must be finite', () => {
    expect(() => mae(leaves([[1]]), [Infinity])).toThrow(new RangeError('mae: targets[0] must be a finite number, got Infinity'));
  });
});

describe('huber', () => {
  test('quadratic inside delta, linear outside', () => {
    expect(huber(leaves([[0.5]]), [0]).data).toBe(0.125); // 0.5 * 0.5^2
    expect(huber(leaves([[3]]), [0]).data).toBe(2.5); // 1 * (3 - 0.5)
    expect(huber(leaves([[3]]), [0], { delta: 2 }).data).toBe(4); // 2 * (3 - 1)
    expect(huber(leaves([[0.5], [3]]), [0, 0]).data).toBe(1.3125); // (0.125 + 2.5) / 2
    expect(huber(leaves([[0.5], [3]]), [0, 0], { reduction: 'sum', delta: 1 }).data).toBe(2.625);
  });

  test('gradient matches finite differences away from the seams', () => {
    fc.assert(
      fc.property(batch, fc.double({ min: 0.1, max: 5, noNaN: true }), (pairs, delta) => {
        fc.pre(pairs.every(([o, t]) => Math.abs(Math.abs(o - t) - delta) > 1e-3));
        checkGradient((o, t, opts) => huber(o, t, { ...opts, delta }), pairs.map(([o]) => [o]), pairs.map(([, t]) => t));
      }),
      { numRuns: 30 },
    );
  });

  test('delta must be positive', () => {
    expect(() => huber(leaves([[1]]), [0], { delta: 0 })).toThrow(new RangeError('huber: delta must be a finite number > 0, got 0'));
    expect(() => huber(leaves([[1]]), [0], 3 as never)).toThrow(new TypeError('huber: options must be an object, got 3'));
  });
});
