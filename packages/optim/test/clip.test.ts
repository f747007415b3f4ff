import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clipGradNorm, clipGradValue } from '@etagrad/optim';

const grads = (...values: number[]) => values.map((grad) => ({ data: 0, grad }));

describe('clipGradNorm', () => {
  test('scales by maxNorm / (norm + 1e-6) when the norm is larger, and returns the norm before', () => {
    const params = grads(3, 4); // norm √(9 + 16) = 5
    expect(clipGradNorm(params, 1)).toBe(5);
    const scale = 1 / (5 + 1e-6);
    expect(params.map((p) => p.grad)).toEqual([3 * scale, 4 * scale]);
  });

  test('leaves gradients alone when the norm is within maxNorm', () => {
    const params = grads(3, 4);
    expect(clipGradNorm(params, 10)).toBe(5);
    expect(params.map((p) => p.grad)).toEqual([3, 4]);
  });

  test('takes named parameters and other norms', () => {
    const named = grads(1, -2, 2).map((p, i) => [`p${i}`, p] as const);
    expect(clipGradNorm(named, 100, { normType: 1 })).toBe(5); // |1| + |−2| + |2|
    expect(clipGradNorm(named, 100, { normType: Infinity })).toBe(2); // max |g|
    expect(clipGradNorm(named, 100, { normType: 3 })).toBeCloseTo(17 ** (1 / 3), 14); // (1 + 8 + 8)^(1/3)
  });

  test('leaves non-finite gradients for the optimizer to refuse', () => {
    const params = grads(3, NaN);
    expect(clipGradNorm(params, 1)).toBeNaN();
    expect(params[0]?.grad).toBe(3);
    expect(clipGradNorm(grads(1, Infinity), 1, { normType: Infinity })).toBe(Infinity);
  });

  test('refuses a bad maxNorm or normType', () => {
    expect(() => clipGradNorm(grads(1), 0)).toThrow(new RangeError('clipGradNorm: maxNorm must be a finite number > 0, got 0'));
    expect(() => clipGradNorm(grads(1), 1, { normType: -2 })).toThrow(
      new RangeError('clipGradNorm: normType must be a number > 0 or Infinity, got -2'),
    );
  });

  test('after clipping the norm is at most maxNorm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.double({ min: 0.01, max: 10, noNaN: true }), (values, maxNorm) => {
        const params = grads(...values);
        clipGradNorm(params, maxNorm);
        expect(Math.hypot(...params.map((p) => p.grad))).toBeLessThanOrEqual(maxNorm * (1 + 1e-12));
      }),
      { numRuns: 200 },
    );
  });
});

describe('clipGradValue', () => {
  test('clamps each gradient into [−clip, clip]', () => {
    const params = grads(-3, 0.2, 5, NaN);
    clipGradValue(params, 1);
    expect(params.map((p) => p.grad)).toEqual([-1, 0.2, 1, NaN]);
  });

  test('refuses a bad clip', () => {
    expect(() => clipGradValue(grads(1), -1)).toThrow(new RangeError('clipGradValue: clip must be a finite number > 0, got -1'));
  });
});
