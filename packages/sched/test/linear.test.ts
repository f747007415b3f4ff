import { describe, expect, test } from 'vitest';
import { linear } from '@etagrad/sched';
import { close } from './close.js';

describe('linear', () => {
  const lr = linear({ from: 0.1, to: 0.01, steps: 90 });
  test('moves in a straight line, then holds', () => {
    expect(lr(0)).toBe(0.1);
    close(lr(45), 0.055); // 0.1 + (0.01 - 0.1) * 45 / 90 = 0.1 - 0.045
    close(lr(89), 0.011); // 0.1 - 0.09 * 89 / 90 = 0.1 - 0.089
    expect(lr(90)).toBe(0.01);
    expect(lr(91)).toBe(0.01);
  });
  test('can rise', () => {
    close(linear({ from: 0, to: 1, steps: 4 })(1), 0.25); // 0 + 1 * 1 / 4
  });
  test('refuses bad options', () => {
    expect(() => linear({ from: 0.1, to: 0, steps: 0 })).toThrow(
      new RangeError('linear: steps must be a positive integer, got 0'),
    );
    expect(() => linear({ from: 0.1, to: 0, steps: 1.5 })).toThrow(
      new RangeError('linear: steps must be a positive integer, got 1.5'),
    );
    expect(() => linear({ from: -0.1, to: 0, steps: 1 })).toThrow(
      new RangeError('linear: from must be a finite number >= 0, got -0.1'),
    );
    expect(() => linear({ from: 0.1, to: Number.NaN, steps: 1 })).toThrow(
      new RangeError('linear: to must be a finite number >= 0, got NaN'),
    );
    expect(() => linear(null as unknown as { from: number; to: number; steps: number })).toThrow(
      new TypeError('linear: options must be an object, got null'),
    );
  });
});
