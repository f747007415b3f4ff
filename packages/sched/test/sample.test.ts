import { describe, expect, test } from 'vitest';
import { constant, linear, sample, type Schedule } from '@etagrad/sched';

describe('sample', () => {
  test('values at 0, every, ... up to steps', () => {
    expect([...sample(linear({ from: 1, to: 0, steps: 4 }), { steps: 4 })]).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect([...sample(linear({ from: 1, to: 0, steps: 4 }), { steps: 5, every: 2 })]).toEqual([1, 0.5, 0]); // t = 0, 2, 4
    expect(sample(constant(1), { steps: 0 })).toEqual(new Float64Array([1]));
  });
  test('refuses bad options', () => {
    expect(() => sample(constant(1), { steps: -1 })).toThrow(new RangeError('sample: steps must be an integer >= 0, got -1'));
    expect(() => sample(constant(1), { steps: 4, every: 0 })).toThrow(
      new RangeError('sample: every must be a positive integer, got 0'),
    );
    expect(() => sample(1 as unknown as Schedule, { steps: 4 })).toThrow(
      new TypeError('sample: schedule must be a schedule, got 1'),
    );
  });
});
