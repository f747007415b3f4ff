import { describe, expect, test } from 'vitest';
import { constant, cosine, cosineRestarts, cyclic, exponential, join, scale, warmup } from '@etagrad/sched';
import { scheduleLength } from '../src/schedule-length.js';

describe('scheduleLength', () => {
  test("a cosine's length is its steps", () => {
    expect(scheduleLength(cosine({ initial: 0.1, steps: 250 }))).toBe(250);
  });

  test("a warmup adds its steps to its inner schedule's", () => {
    // 100 warmup steps + 900 cosine steps
    expect(scheduleLength(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }))).toBe(1000);
  });

  test("a join ends where its last part ends", () => {
    // the cosine starts at the boundary 50 and lasts 100 steps
    expect(scheduleLength(join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50]))).toBe(150);
  });

  test('cyclic schedules show two cycles, restarts three periods', () => {
    // a cycle is 2 * stepSize = 50 steps
    expect(scheduleLength(cyclic({ min: 0.001, max: 0.1, stepSize: 25 }))).toBe(100);
    expect(scheduleLength(cyclic({ min: 0.001, max: 0.1, stepSize: 10, stepSizeDown: 30 }))).toBe(80);
    expect(scheduleLength(cosineRestarts({ initial: 0.1, period: 40 }))).toBe(120);
  });

  test("a combinator's operand gives the length", () => {
    expect(scheduleLength(scale(cosine({ initial: 0.1, steps: 80 }), 0.5))).toBe(80);
  });

  test('schedules without an end have no length', () => {
    expect(scheduleLength(constant(0.1))).toBeUndefined();
    expect(scheduleLength(exponential({ initial: 0.1, rate: 0.97 }))).toBeUndefined();
  });
});
