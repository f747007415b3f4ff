import { describe, expect, test } from 'vitest';
import {
  clamp,
  constant,
  cosine,
  cyclic,
  exponential,
  format,
  join,
  multiStep,
  scale,
  warmup,
  type Schedule,
} from '@etagrad/sched';

describe('format', () => {
  test.each([
    [warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }), 'warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })'],
    [
      join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50]),
      'join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50])',
    ],
    [scale(constant(1), 0.5), 'scale(constant(1), 0.5)'],
    [clamp(constant(1), { max: 0.5 }), 'clamp(constant(1), { max: 0.5 })'],
    [exponential({ initial: 0.1, rate: 0.5, final: 1e-7 }), 'exponential({ initial: 0.1, rate: 0.5, final: 1e-7 })'],
    [multiStep({ initial: 0.1, milestones: [30, 80] }), 'multiStep({ initial: 0.1, milestones: [30, 80] })'],
    [
      cyclic({ min: 0, max: 0.1, stepSize: 5, shape: 'expRange', gamma: 0.99 }),
      "cyclic({ min: 0, max: 0.1, stepSize: 5, shape: 'expRange', gamma: 0.99 })",
    ],
    [constant(0.1 + 0.2), 'constant(0.30000000000000004)'],
  ])('writes %s', (schedule, text) => {
    expect(format(schedule)).toBe(text);
  });

  test('refuses what is not a schedule', () => {
    expect(() => format(0.1 as unknown as Schedule)).toThrow(new TypeError('format: schedule must be a schedule, got 0.1'));
    const foreign = Object.assign(() => 1, { spec: { kind: 'mine' } });
    expect(() => format(foreign)).toThrow(new RangeError("format: unknown kind 'mine'"));
  });
});
