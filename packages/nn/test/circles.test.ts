import { describe, expect, test } from 'vitest';
import { circles } from '@etagrad/nn';

describe('circles', () => {
  test('without noise the points lie on two circles of radius 1 and factor', () => {
    const { x, y } = circles({ n: 9, factor: 0.5 });
    expect(y.filter((l) => l === 0)).toHaveLength(4); // floor(9 / 2) on the outer circle
    x.forEach(([a = 0, b = 0], i) => expect(Math.hypot(a, b)).toBeCloseTo(y[i] === 0 ? 1 : 0.5, 12));
  });

  test('angles are evenly spaced over [0, 2 pi) without the endpoint', () => {
    // outer circle, 4 points: angles 0, pi/2, pi, 3pi/2 -> (1, 0), (0, 1), (-1, 0), (0, -1)
    const { x, y } = circles({ n: 8 });
    const outer = x.filter((_, i) => y[i] === 0).map((r) => r.map((v) => Math.round(v * 1e12) / 1e12 + 0));
    expect(outer.sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!)).toEqual([[-1, 0], [0, -1], [0, 1], [1, 0]]);
  });

  test('seeded and noisy', () => {
    expect(circles({ noise: 0.05, seed: 1 })).toEqual(circles({ noise: 0.05, seed: 1 }));
    const radii = circles({ n: 400, noise: 0.05, seed: 1 }).x.map(([a = 0, b = 0]) => Math.hypot(a, b));
    expect(radii.some((r) => Math.abs(r - 1) > 1e-3 && Math.abs(r - 0.8) > 1e-3)).toBe(true);
  });

  test('bad options are refused', () => {
    expect(() => circles({ factor: 1 })).toThrow(new RangeError('circles: factor must be in (0, 1), got 1'));
    expect(() => circles({ n: 2.5 })).toThrow(new RangeError('circles: n must be an integer >= 2, got 2.5'));
    expect(() => circles({ noise: Number.NaN })).toThrow(new RangeError('circles: noise must be a finite number >= 0, got NaN'));
  });
});
