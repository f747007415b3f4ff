import { describe, expect, test } from 'vitest';
import { linear } from '@etagrad/nn';

describe('linear', () => {
  test('without noise every target is weights . x + bias', () => {
    const { x, y } = linear({ n: 50, weights: [3, -1], bias: 0.5, seed: 2 });
    x.forEach(([a = 0, b = 0], i) => {
      expect(a >= -1 && a < 1 && b >= -1 && b < 1).toBe(true);
      expect(y[i]).toBeCloseTo(3 * a - b + 0.5, 12);
    });
  });

  test('defaults: one feature, y = 2x + 1', () => {
    const { x, y } = linear();
    expect(x).toHaveLength(100);
    x.forEach(([a = 0], i) => expect(y[i]).toBeCloseTo(2 * a + 1, 12));
  });

  test('noise has the given std', () => {
    const { x, y } = linear({ n: 4000, noise: 0.5, seed: 1 });
    const residuals = y.map((t, i) => t - (2 * x[i]![0]! + 1));
    const std = Math.sqrt(residuals.reduce((a, r) => a + r * r, 0) / residuals.length);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.03);
  });

  test('bad options are refused', () => {
    expect(() => linear({ weights: [] })).toThrow(new TypeError('linear: weights must be a non-empty array of numbers, got an array of length 0'));
    expect(() => linear({ weights: [1, Infinity] })).toThrow(new RangeError('linear: weights[1] must be a finite number, got Infinity'));
    expect(() => linear({ bias: Number.NaN })).toThrow(new RangeError('linear: bias must be a finite number, got NaN'));
  });
});
