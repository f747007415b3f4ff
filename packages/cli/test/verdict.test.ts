import { describe, expect, test } from 'vitest';
import { formatLoss, formatPercent, judge, Regime } from '../src/verdict.js';

const run = (losses: number[], finalLoss: number, accuracy: number, nonFiniteAt: number | null = null) => ({
  losses,
  finalLoss,
  accuracy,
  nonFiniteAt,
});

describe('judge', () => {
  test('a non-finite loss is too high, at the step where it happened', () => {
    const verdict = judge(run([0.7, 0.9, 5], 0.7, 0.5, 3));
    expect(verdict.regime).toBe(Regime.TooHigh);
    expect(verdict.detail).toBe('diverged at step 3 (the loss became non-finite); ends at loss 0.7, 50% accuracy');
  });

  test('a loss past 10x its start is diverged at the first such step', () => {
    // 10 * 1.1 = 11: step 2 (50) is the first above; step 1 (2.8) is not
    const verdict = judge(run([1.1, 2.8, 50, 0.7], 0.69, 0.46));
    expect(verdict).toEqual({
      regime: Regime.TooHigh,
      detail: 'diverged at step 2 (loss 50, from 1.1); ends at loss 0.69, 46% accuracy',
    });
  });

  test('a NaN in the losses counts as diverged there', () => {
    expect(judge(run([1, 2, Number.NaN], 1, 0.5)).detail).toMatch(/^diverged at step 2 \(loss NaN, from 1\)/);
  });

  test('the earlier of a blow-up and a non-finite loss is reported', () => {
    expect(judge(run([1, 20, 30], 1, 0.5, 2)).detail).toMatch(/^diverged at step 1 \(loss 20/);
  });

  test('a loss that climbs above 1.5x its start is too high, overshooting', () => {
    // start 0.8, peak 1.3 > 1.5 * 0.8 = 1.2, below 10 * 0.8
    const verdict = judge(run([0.8, 1.3, 0.9, 0.85], 0.85, 0.6));
    expect(verdict.regime).toBe(Regime.TooHigh);
    expect(verdict.detail).toBe('overshooting: the loss climbed to 1.3 (from 0.8); ends at loss 0.85, 60% accuracy');
  });

  test('a peak of exactly 1.5x the start is not called a climb', () => {
    // 1.2 = 1.5 * 0.8 is not > 1.2; final 0.79 >= 0.5 * 0.8 = 0.4: too low
    expect(judge(run([0.8, 1.2, 0.79], 0.79, 0.6)).regime).toBe(Regime.TooLow);
  });

  test('at most 20% of the starting loss left and 95% accuracy is well chosen', () => {
    // 0.02 <= 0.2 * 0.7 = 0.14 and 1 >= 0.95
    const verdict = judge(run([0.7, 0.3, 0.05], 0.02, 1));
    expect(verdict).toEqual({ regime: Regime.WellChosen, detail: '100% accuracy, loss 0.02 after 3 steps' });
  });

  test('a low loss with poor accuracy is not called well chosen', () => {
    // 0.1 <= 0.14 but 0.9 < 0.95; 0.1 < 0.35: in between
    expect(judge(run([0.7, 0.1], 0.1, 0.9)).regime).toBe(Regime.InBetween);
  });

  test('half of the starting loss or more left is too low', () => {
    // 0.61 >= 0.5 * 0.69 = 0.345
    const verdict = judge(run([0.69, 0.65, 0.62], 0.61, 0.84));
    expect(verdict).toEqual({
      regime: Regime.TooLow,
      detail: 'still at loss 0.61 after 3 steps (from 0.69), 84% accuracy',
    });
  });

  test('between the two is in between', () => {
    // 0.2 < 0.345 and 0.2 > 0.2 * 0.69 = 0.138
    expect(judge(run([0.69, 0.4, 0.2], 0.2, 0.97))).toEqual({
      regime: Regime.InBetween,
      detail: 'loss 0.2, 97% accuracy after 3 steps',
    });
  });
});

describe('formatting', () => {
  test('losses have two significant digits, scientific when tiny or huge', () => {
    expect(formatLoss(0.6149)).toBe('0.61');
    expect(formatLoss(0.0213)).toBe('0.021');
    expect(formatLoss(3)).toBe('3');
    expect(formatLoss(0.00042)).toBe('4.2e-4');
    expect(formatLoss(123456)).toBe('1.2e+5');
    expect(formatLoss(Number.NaN)).toBe('NaN');
  });

  test('accuracy is never rounded up to 100%', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.9999)).toBe('99.9%');
    expect(formatPercent(0.84)).toBe('84%');
    expect(formatPercent(0.875)).toBe('87.5%');
  });
});
