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

describe('clipGradNorm computes the norm scaled, so huge and tiny gradients are clipped right', () => {
  test('gradients of 1e200 give their true norm and are clipped', () => {
    // Σg² = 2.5e401 overflows; scaled by the largest: 4e200·√(0.75² + 1) = 5e200.
    const params = grads(3e200, 4e200);
    expect(clipGradNorm(params, 1)).toBeCloseTo(5e200, -186);
    expect(params[0]?.grad).toBeCloseTo(0.6, 12);
    expect(params[1]?.grad).toBeCloseTo(0.8, 12);
  });

  test('a norm beyond the largest double is Infinity, and the finite gradients are still clipped', () => {
    const params = grads(1.5e308, -1.5e308); // norm 1.5e308·√2 > 1.8e308
    expect(clipGradNorm(params, 2)).toBe(Infinity);
    expect(params[0]?.grad).toBeCloseTo(Math.SQRT2, 12);
    expect(params[1]?.grad).toBeCloseTo(-Math.SQRT2, 12);
  });

  test('gradients of 1e-200 do not underflow to a zero norm', () => {
    // Σg² = 2.5e-399 underflows to 0; the scaled norm is 5e-200.
    expect(clipGradNorm(grads(3e-200, 4e-200), 1)).toBeCloseTo(5e-200, 212);
    expect(clipGradNorm(grads(3e-200, 4e-200), 1, { normType: 3 })).toBeCloseTo(91 ** (1 / 3) * 1e-200, 212);
  });

  test('zero gradients have norm 0 and stay 0', () => {
    const params = grads(0, -0);
    expect(clipGradNorm(params, 1)).toBe(0);
    expect(params.map((p) => p.grad)).toEqual([0, -0]);
  });

  test('after clipping any finite gradients, the norm is at most maxNorm and every gradient finite', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 8 }), (values) => {
        const params = grads(...values);
        clipGradNorm(params, 1);
        const largest = Math.max(...params.map((p) => Math.abs(p.grad)));
        expect(params.every((p) => Number.isFinite(p.grad))).toBe(true);
        if (largest > 0) expect(largest * Math.hypot(...params.map((p) => p.grad / largest))).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('clipping refuses what is not a list of parameters', () => {
  test('clipGradNorm(null, 1) and clipGradValue(null, 1)', () => {
    const rule = 'params must be an iterable of parameters { data, grad } or [name, parameter] pairs, got null';
    expect(() => clipGradNorm(null as never, 1)).toThrow(new TypeError(`clipGradNorm: ${rule}`));
    expect(() => clipGradValue(null as never, 1)).toThrow(new TypeError(`clipGradValue: ${rule}`));
  });

  test('an entry that is not a parameter is named', () => {
    expect(() => clipGradNorm([{ data: 1, grad: 0 }, 5] as never, 1)).toThrow(
      new TypeError('clipGradNorm: params[1] must be a parameter { data: number, grad: number } or a [name, parameter] pair, got 5'),
    );
    expect(() => clipGradValue([['w', 5]] as never, 1)).toThrow(
      new TypeError('clipGradValue: params[0] must be a parameter { data: number, grad: number } or a [name, parameter] pair, got an array of length 2'),
    );
  });

  test('clipGradNorm refuses options that are not an object', () => {
    expect(() => clipGradNorm(grads(1), 1, 2 as never)).toThrow(new TypeError('clipGradNorm: options must be an object, got 2'));
  });
});
