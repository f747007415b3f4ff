import { describe, expect, test } from 'vitest';
import { moons } from '@etagrad/nn';

const sortRows = (rows: number[][]) => [...rows].map((r) => r.map((v) => Math.round(v * 1e12) / 1e12)).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);

describe('moons', () => {
  test('without noise the points are scikit-learn make_moons points', () => {
    // n = 5: outer moon floor(5 / 2) = 2 angles linspace(0, pi, 2) = [0, pi] -> (1, 0), (-1, 0)
    // inner moon 3 angles [0, pi/2, pi] -> (1 - cos t, 1 - sin t - 0.5) = (0, 0.5), (1, -0.5), (2, 0.5)
    const { x, y } = moons({ n: 5 });
    const outer = x.filter((_, i) => y[i] === 0);
    const inner = x.filter((_, i) => y[i] === 1);
    expect(sortRows(outer)).toEqual([[-1, 0], [1, 0]]);
    expect(sortRows(inner)).toEqual([[0, 0.5], [1, -0.5], [2, 0.5]]);
  });

  test('each noise-free point lies on its half circle', () => {
    const { x, y } = moons({ n: 101 });
    expect(y.filter((l) => l === 0)).toHaveLength(50);
    expect(y.filter((l) => l === 1)).toHaveLength(51);
    x.forEach(([a = 0, b = 0], i) => {
      if (y[i] === 0) expect(a * a + b * b).toBeCloseTo(1, 12);
      else expect((a - 1) ** 2 + (b - 0.5) ** 2).toBeCloseTo(1, 12);
    });
  });

  test('samples are shuffled, then noise of the given std is added (scikit-learn order)', () => {
    // same seed: the shuffle draws come first, so the noisy set is the clean set plus noise
    const clean = moons({ n: 2000, seed: 9 });
    const noisy = moons({ n: 2000, seed: 9, noise: 0.1 });
    expect(noisy.y).toEqual(clean.y);
    expect(clean.y.slice(0, 20)).not.toEqual([...clean.y.slice(0, 20)].sort());
    const diffs = noisy.x.flatMap((row, i) => row.map((v, j) => v - clean.x[i]![j]!));
    const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const std = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / diffs.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.1)).toBeLessThan(0.005);
  });

  test('the same seed gives the same data set, another seed another', () => {
    expect(moons({ noise: 0.1, seed: 3 })).toEqual(moons({ noise: 0.1, seed: 3 }));
    expect(moons({ noise: 0.1, seed: 3 })).not.toEqual(moons({ noise: 0.1, seed: 4 }));
    expect(moons({ noise: 0.1 })).toEqual(moons({ noise: 0.1 })); // default seed
  });

  test('bad options are refused', () => {
    expect(() => moons({ n: 1 })).toThrow(new RangeError('moons: n must be an integer >= 2, got 1'));
    expect(() => moons({ noise: -0.1 })).toThrow(new RangeError('moons: noise must be a finite number >= 0, got -0.1'));
    expect(() => moons({ seed: 0.5 })).toThrow(new RangeError('moons: seed must be a safe integer, got 0.5'));
    expect(() => moons({ rng: {} as never })).toThrow(new TypeError('moons: rng must be a generator from rng(seed), got an object'));
  });
});
