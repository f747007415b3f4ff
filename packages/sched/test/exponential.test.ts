import { describe, expect, test } from 'vitest';
import { exponential } from '@etagrad/sched';
import { close } from './close.js';

describe('exponential', () => {
  test('multiplies by rate every `every` steps, smoothly', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10 });
    expect(lr(0)).toBe(0.1);
    close(lr(5), 0.1 * Math.SQRT1_2); // 0.5^(5/10) = sqrt(1/2)
    expect(lr(10)).toBe(0.05);
    expect(lr(20)).toBe(0.025);
  });
  test('with staircase, in whole units', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10, staircase: true });
    expect([lr(9), lr(10), lr(19), lr(20)]).toEqual([0.1, 0.05, 0.05, 0.025]);
  });
  test('holds at final: a floor when decaying', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10, final: 0.02 });
    expect(lr(20)).toBe(0.025); // above the floor
    expect(lr(30)).toBe(0.02); // 0.0125 < 0.02
  });
  test('holds at final: a ceiling when growing', () => {
    const lr = exponential({ initial: 0.01, rate: 2, final: 0.05 });
    expect(lr(2)).toBe(0.04); // 0.01 * 2^2
    expect(lr(3)).toBe(0.05); // 0.08 > 0.05
  });
  test('with rate 1, stays at initial whatever final is', () => {
    // initial * 1^p = 0.1 at every step: final is neither reached nor a bound.
    const lr = exponential({ initial: 0.1, rate: 1, final: 0.01 });
    expect([lr(0), lr(1), lr(1000)]).toEqual([0.1, 0.1, 0.1]);
    expect(exponential({ initial: 0.1, rate: 1, final: 0.5 })(7)).toBe(0.1);
  });
  test('refuses a final on the wrong side of initial', () => {
    expect(() => exponential({ initial: 0.1, rate: 0.5, final: 0.2 })).toThrow(
      new RangeError('exponential: final must be <= initial (0.1) when rate < 1, got 0.2'),
    );
    expect(() => exponential({ initial: 0.1, rate: 2, final: 0.05 })).toThrow(
      new RangeError('exponential: final must be >= initial (0.1) when rate > 1, got 0.05'),
    );
    expect(() => exponential({ initial: 0.1, rate: 0 })).toThrow(
      new RangeError('exponential: rate must be a finite number > 0, got 0'),
    );
  });
  test('writes final as null when there is none', () => {
    expect(exponential({ initial: 0.1, rate: 0.9 }).spec).toEqual({
      kind: 'exponential',
      initial: 0.1,
      rate: 0.9,
      every: 1,
      staircase: false,
      final: null,
    });
  });
});
