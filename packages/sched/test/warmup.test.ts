import { describe, expect, test } from 'vitest';
import { constant, cosine, warmup, type Schedule } from '@etagrad/sched';
import { close } from './close.js';

const notASchedule = 0.1 as unknown as Schedule;

describe('warmup', () => {
  test('ramps linearly to inner(0), then runs inner shifted by steps', () => {
    const lr = warmup(cosine({ initial: 1, steps: 900 }), { steps: 100 });
    expect(lr(0)).toBe(0);
    expect(lr(50)).toBe(0.5); // 0 + (1 - 0) * 50 / 100
    expect(lr(99)).toBe(0.99);
    expect(lr(100)).toBe(1); // inner(0)
    close(lr(550), 0.5); // inner(450) = (1 + cos(pi / 2)) / 2
    expect(lr(1000)).toBe(0); // inner(900)
  });
  test('starts from `from`', () => {
    close(warmup(constant(0.1), { steps: 10, from: 0.02 })(5), 0.06); // 0.02 + 0.08 * 0.5
  });
  test('cosine shape', () => {
    const lr = warmup(constant(0.1), { steps: 100, shape: 'cosine' });
    close(lr(25), (0.1 * (1 - Math.SQRT1_2)) / 2); // (1 - cos(pi / 4)) / 2
    close(lr(50), 0.05); // (1 - cos(pi / 2)) / 2
    expect(lr(100)).toBe(0.1);
  });
  test('exponential shape: geometric from `from` to inner(0)', () => {
    const lr = warmup(constant(0.1), { steps: 100, from: 0.001, shape: 'exponential' });
    expect(lr(0)).toBe(0.001);
    close(lr(50), 0.01); // 0.001 * (0.1 / 0.001)^0.5 = 0.001 * 10
    expect(lr(100)).toBe(0.1);
  });
  test('refuses bad options', () => {
    expect(() => warmup(notASchedule, { steps: 10 })).toThrow(
      new TypeError('warmup: inner must be a schedule, got 0.1'),
    );
    expect(() => warmup(constant(0.1), { steps: 0 })).toThrow(
      new RangeError('warmup: steps must be a positive integer, got 0'),
    );
    expect(() => warmup(constant(0.1), { steps: 10, shape: 'exponential' })).toThrow(
      new RangeError("warmup: from must be > 0 for shape 'exponential', got 0"),
    );
    expect(() => warmup(constant(0), { steps: 10, from: 0.1, shape: 'exponential' })).toThrow(
      new RangeError("warmup: inner(0) must be > 0 for shape 'exponential', got 0"),
    );
    expect(() => warmup(constant(0.1), { steps: 10, shape: 'step' as 'linear' })).toThrow(
      new RangeError("warmup: shape must be one of 'linear', 'cosine', 'exponential', got 'step'"),
    );
  });
});
