import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { minimumIndex, steepestIndex, suggestLrs, valleyIndex } from '../src/lr-suggestions.js';

describe('valleyIndex (fastai valley)', () => {
  test('two-thirds down the longest strictly falling run', () => {
    // Longest decreasing subsequence 3 > 1 > 0.5 ends at 3 with length 3: the valley is (0, 3],
    // sections = 3 / 3 = 1, index = 0 + 1 + floor(1 / 2) = 1.
    expect(valleyIndex([3, 1, 2, 0.5, 4])).toBe(1);
  });

  test('a run falling from the first point starts at -1, as in fastai', () => {
    // 10 falling points: end 9, start 9 - 10 = -1, sections = 10 / 3, index = -1 + 3 + 1 = 3.
    expect(valleyIndex([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(3);
  });

  test('two falling points: fastai would index -1 (the last point); clamped to the first', () => {
    expect(valleyIndex([2, 1])).toBe(0);
  });

  test('always an index of the losses', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }), (losses) => {
        const i = valleyIndex(losses);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(i).toBeLessThan(losses.length);
      }),
    );
  });
});

test('steepestIndex: the most negative slope per unit of ln(lr)', () => {
  // ln lr = 0, 1, 2, 4: slopes (0.5 - 1) / 1 = -0.5, (-1 - 0.5) / 1 = -1.5, (-3 + 1) / 2 = -1.
  expect(steepestIndex([1, Math.E, Math.E ** 2, Math.E ** 4], [1, 0.5, -1, -3])).toBe(1);
});

test('minimumIndex: the first lowest loss', () => {
  expect(minimumIndex([3, 1, 2, 1])).toBe(1);
});

describe('suggestLrs', () => {
  test('drops the first tenth of the planned steps and the last 5 points, as fastai', () => {
    // 20 planned steps: keep indices 2 .. 14. The lowest loss overall (index 0) and the blow-up
    // (the last 5) are ignored; among the kept points the minimum is at index 10.
    const lrs = Array.from({ length: 20 }, (_, k) => 10 ** (k / 4 - 5));
    const losses = lrs.map((_, k) => (k === 0 ? -100 : k >= 15 ? -50 : (k - 10) ** 2));
    const found = suggestLrs(lrs, losses, 20);
    expect(found?.minimumDiv10).toBeCloseTo((lrs[10] ?? 0) / 10, 15);
    // Steepest: the largest drop per ln unit is the first kept pair (64 -> 49).
    expect(found?.steepest).toBe(lrs[2]);
    // Valley: the kept losses fall 64, 49, ..., 0 over kept indices 0..8: start -1, end 8,
    // sections 3, index -1 + 3 + 1 = 3 -> lrs[2 + 3].
    expect(found?.valley).toBe(lrs[5]);
  });

  test('null when fewer than 2 points are left after trimming', () => {
    expect(suggestLrs([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], 10)).toBeNull();
  });
});
