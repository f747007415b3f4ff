import { describe, expect, test } from 'vitest';
import { formatLoss, formatPercent, judge, Regime } from '../src/verdict.js';

const run = (losses: number[], finalLoss: number, accuracy: number, divergedAt: number | null = null) => ({
  losses,
  finalLoss,
  accuracy,
  divergedAt,
});

describe('judge', () => {
  test('a non-finite loss is too high, at the step where it happened', () => {
    const verdict = judge(run([0.7, 0.9, 5, 1e6], 0.7, 0.5, 4));
    expect(verdict.regime).toBe(Regime.TooHigh);
    expect(verdict.detail).toBe('diverged at step 4 (the loss became non-finite)');
  });

  test('a loss that climbs above 1.5x its start is too high even without a NaN', () => {
    // start 0.8, peak 1.3 > 1.5 * 0.8 = 1.2
    const verdict = judge(run([0.8, 1.3, 0.9, 0.85], 0.85, 0.6));
    expect(verdict.regime).toBe(Regime.TooHigh);
    expect(verdict.detail).toBe('the loss climbed to 1.3 (from 0.8): overshooting');
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
