import { describe, expect, test } from 'vitest';
import { multiStep } from '@etagrad/sched';
import { close } from './close.js';

describe('multiStep', () => {
  const lr = multiStep({ initial: 0.1, milestones: [30, 80] });
  test('cuts by factor at each milestone, from the milestone step on', () => {
    expect(lr(29)).toBe(0.1);
    close(lr(30), 0.01); // 0.1 * 0.1
    close(lr(79), 0.01);
    close(lr(80), 0.001); // 0.1 * 0.1^2
    close(lr(1000), 0.001);
  });
  test('refuses milestones that are not increasing positive integers', () => {
    expect(() => multiStep({ initial: 0.1, milestones: [30, 30] })).toThrow(
      new RangeError('multiStep: milestones[1] must be greater than milestones[0] (30), got 30'),
    );
    expect(() => multiStep({ initial: 0.1, milestones: [0] })).toThrow(
      new RangeError('multiStep: milestones[0] must be a positive integer, got 0'),
    );
    expect(() => multiStep({ initial: 0.1, milestones: 30 as unknown as number[] })).toThrow(
      new TypeError('multiStep: milestones must be an array, got 30'),
    );
    expect(() => multiStep({ initial: 0.1, milestones: [10], factor: 2 })).toThrow(
      new RangeError('multiStep: factor must be in (0, 1], got 2'),
    );
  });
  test('copies its milestones', () => {
    const milestones = [10];
    const s = multiStep({ initial: 1, milestones, factor: 0.5 });
    milestones[0] = 1;
    expect(s(5)).toBe(1);
  });
});
