import { describe, expect, test } from 'vitest';
import { xor } from '@etagrad/nn';

describe('xor', () => {
  test('label 1 exactly where the coordinates have opposite signs', () => {
    const { x, y } = xor({ n: 200, seed: 5 });
    x.forEach(([a = 0, b = 0], i) => {
      expect(a).toBeGreaterThanOrEqual(-1);
      expect(a).toBeLessThan(1);
      expect(y[i]).toBe(a > 0 !== b > 0 ? 1 : 0);
    });
    expect(new Set(y)).toEqual(new Set([0, 1]));
  });

  test('seeded; noise is added after labelling', () => {
    expect(xor({ seed: 1 })).toEqual(xor({ seed: 1 }));
    const clean = xor({ seed: 1 });
    const noisy = xor({ seed: 1, noise: 0.3 });
    expect(noisy.y).toEqual(clean.y);
    expect(noisy.x).not.toEqual(clean.x);
  });

  test('bad options are refused', () => {
    expect(() => xor({ n: 0 })).toThrow(new RangeError('xor: n must be a positive integer, got 0'));
  });
});
