import { describe, expect, test } from 'vitest';
import {
  clamp,
  constant,
  cosine,
  cyclic,
  exponential,
  join,
  linear,
  oneCycle,
  perEpoch,
  polynomial,
  scale,
  shift,
  stepDecay,
  warmup,
} from '@etagrad/sched';
import { scheduleEnd } from '../src/schedule-end.js';

describe('scheduleEnd', () => {
  test('decays that run their course end at their steps', () => {
    expect(scheduleEnd(cosine({ initial: 0.1, steps: 250 }))).toBe(250);
    expect(scheduleEnd(linear({ from: 0.1, to: 0, steps: 30 }))).toBe(30);
    expect(scheduleEnd(oneCycle({ max: 0.1, steps: 120 }))).toBe(120);
    expect(scheduleEnd(polynomial({ initial: 0.1, steps: 40 }))).toBe(40);
    expect(scheduleEnd(polynomial({ initial: 0.1, steps: 40, cycle: true }))).toBeUndefined();
  });

  test("a warmup's steps add to its inner schedule's end", () => {
    // 100 warmup steps, then 900 cosine steps
    expect(scheduleEnd(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }))).toBe(1000);
  });

  test('a warmup into a constant never ends: the constant is the plan', () => {
    expect(scheduleEnd(warmup(constant(0.1), { steps: 10 }))).toBeUndefined();
  });

  test("a join ends where its last part ends; shift, scale, clamp and perEpoch follow their operand", () => {
    expect(scheduleEnd(join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50]))).toBe(150);
    expect(scheduleEnd(shift(cosine({ initial: 0.1, steps: 100 }), 20))).toBe(120);
    expect(scheduleEnd(scale(cosine({ initial: 0.1, steps: 80 }), 0.5))).toBe(80);
    expect(scheduleEnd(clamp(cosine({ initial: 0.1, steps: 80 }), { min: 0.01 }))).toBe(80);
    // 10 epochs of 15 updates
    expect(scheduleEnd(perEpoch(cosine({ initial: 0.1, steps: 10 }), 15))).toBe(150);
  });

  test('schedules without an end have none', () => {
    expect(scheduleEnd(constant(0.1))).toBeUndefined();
    expect(scheduleEnd(exponential({ initial: 0.1, rate: 0.97 }))).toBeUndefined();
    expect(scheduleEnd(stepDecay({ initial: 0.1, every: 20 }))).toBeUndefined();
    expect(scheduleEnd(cyclic({ min: 0.001, max: 0.1, stepSize: 25 }))).toBeUndefined();
  });
});
