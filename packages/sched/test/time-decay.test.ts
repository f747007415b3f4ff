import { describe, expect, test } from 'vitest';
import { timeDecay } from '@etagrad/sched';
import { close } from './close.js';

describe('timeDecay', () => {
  test('falls as 1 / (1 + rate * t / every)', () => {
    const lr = timeDecay({ initial: 0.1, rate: 1, every: 10 });
    expect(lr(0)).toBe(0.1);
    close(lr(5), 0.1 / 1.5); // 1 + 1 * 5 / 10 = 1.5
    close(lr(10), 0.05); // 0.1 / 2
    close(lr(30), 0.025); // 0.1 / 4
  });
  test('with staircase, falls only at multiples of every', () => {
    const lr = timeDecay({ initial: 0.1, rate: 1, every: 10, staircase: true });
    expect(lr(9)).toBe(0.1); // floor(0.9) = 0
    close(lr(10), 0.05); // floor(1) = 1: 0.1 / 2
    close(lr(19), 0.05);
    close(lr(20), 0.1 / 3);
  });
  test('every defaults to 1', () => {
    close(timeDecay({ initial: 1, rate: 0.5 })(2), 0.5); // 1 / (1 + 0.5 * 2)
  });
  test('refuses bad options', () => {
    expect(() => timeDecay({ initial: 0.1, rate: -1 })).toThrow(
      new RangeError('timeDecay: rate must be a finite number >= 0, got -1'),
    );
    expect(() => timeDecay({ initial: 0.1, rate: 1, every: 0 })).toThrow(
      new RangeError('timeDecay: every must be a positive integer, got 0'),
    );
    expect(() => timeDecay({ initial: 0.1, rate: 1, staircase: 1 as unknown as boolean })).toThrow(
      new TypeError('timeDecay: staircase must be a boolean, got 1'),
    );
  });
});
