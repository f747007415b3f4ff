import { describe, expect, test } from 'vitest';
import { spirals } from '@etagrad/nn';

describe('spirals', () => {
  test('defaults: 3 arms of 100 points, labels 0, 1, 2', () => {
    const { x, y } = spirals();
    expect(x).toHaveLength(300);
    for (const label of [0, 1, 2]) expect(y.filter((l) => l === label)).toHaveLength(100);
  });

  test('without noise, arm j runs from the origin to angle 4(j + 1) at radius 1', () => {
    // n = 6, 3 arms of 2 points: r in [0, 1], t in [4j, 4j + 4] -> (0, 0) and (sin(4j+4), cos(4j+4))
    const { x, y } = spirals({ n: 6, noise: 0 });
    for (const j of [0, 1, 2]) {
      const arm = x.filter((_, i) => y[i] === j).sort((p, q) => Math.hypot(...p) - Math.hypot(...q));
      expect(Math.hypot(...arm[0]!)).toBe(0); // r = 0 (the sign of zero follows sin t)
      expect(arm[1]![0]).toBeCloseTo(Math.sin(4 * j + 4), 12);
      expect(arm[1]![1]).toBeCloseTo(Math.cos(4 * j + 4), 12);
    }
  });

  test('noise moves the angle, not the radius', () => {
    const clean = spirals({ n: 30, noise: 0, seed: 2 });
    const noisy = spirals({ n: 30, noise: 0.2, seed: 2 });
    const radii = (d: typeof clean) => d.x.map((p) => Math.hypot(...p)).sort();
    radii(noisy).forEach((r, i) => expect(r).toBeCloseTo(radii(clean)[i]!, 12));
    expect(noisy.x).not.toEqual(clean.x);
  });

  test('classes and an uneven n', () => {
    const { y } = spirals({ classes: 4, n: 10 });
    expect([0, 1, 2, 3].map((c) => y.filter((l) => l === c).length)).toEqual([3, 3, 2, 2]);
  });

  test('bad options are refused', () => {
    expect(() => spirals({ classes: 1 })).toThrow(new RangeError('spirals: classes must be an integer >= 2, got 1'));
    expect(() => spirals({ classes: 3, n: 2 })).toThrow(new RangeError('spirals: n must be an integer >= 3, got 2'));
    expect(() => spirals({ noise: -1 })).toThrow(new RangeError('spirals: noise must be a finite number >= 0, got -1'));
  });
});
