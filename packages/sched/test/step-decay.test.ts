import { describe, expect, test } from 'vitest';
import { stepDecay } from '@etagrad/sched';
import { close } from './close.js';

describe('stepDecay', () => {
  test('halves every `every` steps by default', () => {
    const lr = stepDecay({ initial: 0.1, every: 10 });
    expect(lr(9)).toBe(0.1); // 0.5^0
    expect(lr(10)).toBe(0.05); // 0.5^1: halving is exact in binary
    expect(lr(19)).toBe(0.05);
    expect(lr(20)).toBe(0.025); // 0.5^2
  });
  test('cuts by the given factor', () => {
    close(stepDecay({ initial: 0.1, every: 10, factor: 0.1 })(25), 0.001); // 0.1 * 0.1^2
  });
  test('refuses bad options', () => {
    expect(() => stepDecay({ initial: 0.1, every: 10, factor: 0 })).toThrow(
      new RangeError('stepDecay: factor must be in (0, 1], got 0'),
    );
    expect(() => stepDecay({ initial: 0.1, every: 10, factor: 1.5 })).toThrow(
      new RangeError('stepDecay: factor must be in (0, 1], got 1.5'),
    );
    expect(() => stepDecay({ initial: 0.1, every: -3 })).toThrow(
      new RangeError('stepDecay: every must be a positive integer, got -3'),
    );
  });
});
