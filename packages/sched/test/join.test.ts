import { describe, expect, test } from 'vitest';
import { constant, cosine, join, type Schedule } from '@etagrad/sched';
import { close } from './close.js';

const notASchedule = 0.1 as unknown as Schedule;

describe('join', () => {
  const lr = join([constant(0.1), cosine({ initial: 0.1, steps: 100 }), constant(0.001)], [50, 150]);
  test('runs each schedule from its own step 0 at its boundary', () => {
    expect(lr(49)).toBe(0.1);
    expect(lr(50)).toBe(0.1); // cosine(0)
    close(lr(100), 0.05); // cosine(50)
    close(lr(149), (0.1 * (1 + Math.cos((Math.PI * 99) / 100))) / 2); // cosine(99)
    expect(lr(150)).toBe(0.001);
  });
  test('one schedule and no boundaries is that schedule', () => {
    expect(join([constant(0.3)], [])(7)).toBe(0.3);
  });
  test('refuses bad arguments', () => {
    expect(() => join([constant(0.1), constant(0.2)], [])).toThrow(
      new RangeError('join: boundaries must have schedules.length - 1 = 1 entries, got 0'),
    );
    expect(() => join([], [])).toThrow(new RangeError('join: schedules must not be empty, got 0 schedules'));
    expect(() => join([constant(0.1), notASchedule], [5])).toThrow(
      new TypeError('join: schedules[1] must be a schedule, got 0.1'),
    );
    expect(() => join([constant(0.1), constant(0.1), constant(0.1)], [5, 3])).toThrow(
      new RangeError('join: boundaries[1] must be greater than boundaries[0] (5), got 3'),
    );
  });
});
