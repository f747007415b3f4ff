import { describe, expect, test } from 'vitest';
import { blobs } from '@etagrad/nn';

describe('blobs', () => {
  test('given centers and std 0, every point is its center; counts split evenly', () => {
    // 7 samples over 3 centers: floor(7 / 3) = 2 each, the first 7 mod 3 = 1 center gets one more
    const centers = [[0, 0], [5, 5], [-3, 2]];
    const { x, y } = blobs({ n: 7, centers, std: 0 });
    expect([0, 1, 2].map((c) => y.filter((l) => l === c).length)).toEqual([3, 2, 2]);
    x.forEach((row, i) => expect(row).toEqual(centers[y[i]!]));
  });

  test('points scatter around their center with the given std', () => {
    const { x, y } = blobs({ n: 3000, centers: [[10, -10]], std: 2, seed: 3 });
    expect(new Set(y)).toEqual(new Set([0]));
    const xs = x.map((r) => r[0]!);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 10)).toBeLessThan(0.2); // standard error 2 / sqrt(3000) ~ 0.04
    expect(Math.abs(std - 2)).toBeLessThan(0.1);
  });

  test('random centers are drawn in the box, with the requested features', () => {
    const { x, y } = blobs({ n: 40, centers: 4, features: 3, std: 0, box: [0, 1], seed: 8 });
    expect(new Set(y).size).toBe(4);
    for (const row of x) {
      expect(row).toHaveLength(3);
      for (const v of row) expect(v >= 0 && v < 1).toBe(true);
    }
    expect(blobs({ seed: 8 })).toEqual(blobs({ seed: 8 }));
  });

  test('bad options are refused', () => {
    expect(() => blobs({ centers: 0 })).toThrow(new RangeError('blobs: centers must be a positive integer, got 0'));
    expect(() => blobs({ centers: [] })).toThrow(
      new TypeError('blobs: centers must be a positive integer or a non-empty array of points, got an array of length 0'),
    );
    expect(() => blobs({ centers: [[0, 0], [1]] })).toThrow(
      new TypeError('blobs: centers[1] must be an array of 2+ numbers like centers[0], got an array of length 1'),
    );
    expect(() => blobs({ centers: [[0, Number.NaN]] })).toThrow(new RangeError('blobs: centers[0][1] must be a finite number, got NaN'));
    expect(() => blobs({ std: -1 })).toThrow(new RangeError('blobs: std must be a finite number >= 0, got -1'));
    expect(() => blobs({ box: [1, 1] })).toThrow(new RangeError('blobs: box[1] must be finite and > box[0] (1), got 1'));
    expect(() => blobs({ box: [1] as never })).toThrow(new TypeError('blobs: box must be [low, high], got an array of length 1'));
    expect(() => blobs({ features: 0 })).toThrow(new RangeError('blobs: features must be a positive integer, got 0'));
  });
});
