import { describe, expect, test } from 'vitest';
import { constant, cosine, defineSchedule, isSchedule, join, warmup } from '@etagrad/sched';

describe('defineSchedule', () => {
  test('makes a schedule carrying its frozen spec', () => {
    const half = defineSchedule({ kind: 'constant', value: 0.5 }, () => 0.5);
    expect(half(3)).toBe(0.5);
    expect(half.spec).toEqual({ kind: 'constant', value: 0.5 });
    expect(Object.isFrozen(half.spec)).toBe(true);
  });

  test('freezes nested specs and arrays too', () => {
    const lr = join([constant(0.1), constant(0.01)], [10]);
    expect(Object.isFrozen(lr.spec['schedules'])).toBe(true);
    expect(Object.isFrozen(lr.spec['boundaries'])).toBe(true);
  });

  test.each([
    [-1, 'got -1'],
    [Number.NaN, 'got NaN'],
    [Infinity, 'got Infinity'],
    [-Infinity, 'got -Infinity'],
  ])('refuses the step %s, naming the kind', (step, got) => {
    expect(() => cosine({ initial: 0.1, steps: 10 })(step)).toThrow(
      new RangeError(`cosine: step must be a finite number >= 0, ${got}`),
    );
  });

  test('refuses a step that is not a number', () => {
    expect(() => constant(0.1)('3' as unknown as number)).toThrow(
      new TypeError("constant: step must be a number, got '3'"),
    );
  });

  test('a combinator checks the step it is given, by its own name', () => {
    expect(() => warmup(constant(0.1), { steps: 10 })(-2)).toThrow(
      new RangeError('warmup: step must be a finite number >= 0, got -2'),
    );
  });
});

describe('isSchedule', () => {
  test('tells schedules from other things', () => {
    expect(isSchedule(constant(0.1))).toBe(true);
    expect(isSchedule(warmup(constant(0.1), { steps: 2 }))).toBe(true);
    expect(isSchedule(0.1)).toBe(false);
    expect(isSchedule(null)).toBe(false);
    expect(isSchedule(() => 0.1)).toBe(false);
    expect(isSchedule({ spec: { kind: 'constant', value: 1 } })).toBe(false);
    expect(isSchedule(Object.assign(() => 1, { spec: { kind: 3 } }))).toBe(false);
  });
});
