import { describe, expect, test } from 'vitest';
import { constant, linear, repeat } from '@etagrad/sched';
import { close } from './close.js';

describe('repeat', () => {
  test('repeat restarts every period', () => {
    const lr = repeat(linear({ from: 0.1, to: 0, steps: 100 }), 100);
    close(lr(50), 0.05);
    expect(lr(99)).toBeCloseTo(0.001, 14);
    expect(lr(100)).toBe(0.1);
    close(lr(150), 0.05);
    expect(() => repeat(constant(1), 0)).toThrow(new RangeError('repeat: period must be a positive integer, got 0'));
  });
});
