// Reference values of the decaying schedules, worked from their formulas (see each comment),
// at the boundaries: the step before, at and after each milestone or end.
import { describe, expect, test } from 'vitest';
import {
  exponential,
  linear,
  multiStep,
  piecewise,
  polynomial,
  stepDecay,
  timeDecay,
} from '@etagrad/sched';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 14);

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

describe('timeDecay', () => {
  test('falls as 1 / (1 + rate * t / every)', () => {
    const lr = timeDecay({ initial: 0.1, rate: 1, every: 10 });
    expect(lr(0)).toBe(0.1);
    close(lr(5), 0.1 / 1.5); // 1 + 1 * 5 / 10 = 1.5
    close(lr(10), 0.05); // 0.1 / 2
    close(lr(30), 0.025); // 0.1 / 4
  });
  test('with staircase, falls only at multiples of every', () => {
    const lr = timeDecay({ initial: 0.1, rate: 1, every: 10, staircase: true });
    expect(lr(9)).toBe(0.1); // floor(0.9) = 0
    close(lr(10), 0.05); // floor(1) = 1: 0.1 / 2
    close(lr(19), 0.05);
    close(lr(20), 0.1 / 3);
  });
  test('every defaults to 1', () => {
    close(timeDecay({ initial: 1, rate: 0.5 })(2), 0.5); // 1 / (1 + 0.5 * 2)
  });
  test('refuses bad options', () => {
    expect(() => timeDecay({ initial: 0.1, rate: -1 })).toThrow(
      new RangeError('timeDecay: rate must be a finite number >= 0, got -1'),
    );
    expect(() => timeDecay({ initial: 0.1, rate: 1, every: 0 })).toThrow(
      new RangeError('timeDecay: every must be a positive integer, got 0'),
    );
    expect(() => timeDecay({ initial: 0.1, rate: 1, staircase: 1 as unknown as boolean })).toThrow(
      new TypeError('timeDecay: staircase must be a boolean, got number'),
    );
  });
});

describe('stepDecay', () => {
  test('halves every `every` steps by default', () => {
    const lr = stepDecay({ initial: 0.1, every: 10 });
    expect(lr(9)).toBe(0.1); // 0.5^0
    expect(lr(10)).toBe(0.05); // 0.5^1: halving is exact in binary
    expect(lr(19)).toBe(0.05);
    expect(lr(20)).toBe(0.025); // 0.5^2
  });
  test('cuts by the given factor', () => {
    close(stepDecay({ initial: 0.1, every: 10, factor: 0.1 })(25), 0.001); // 0.1 * 0.1^2
  });
  test('refuses bad options', () => {
    expect(() => stepDecay({ initial: 0.1, every: 10, factor: 0 })).toThrow(
      new RangeError('stepDecay: factor must be in (0, 1], got 0'),
    );
    expect(() => stepDecay({ initial: 0.1, every: 10, factor: 1.5 })).toThrow(
      new RangeError('stepDecay: factor must be in (0, 1], got 1.5'),
    );
    expect(() => stepDecay({ initial: 0.1, every: -3 })).toThrow(
      new RangeError('stepDecay: every must be a positive integer, got -3'),
    );
  });
});

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
      new TypeError('multiStep: milestones must be an array, got number'),
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

describe('piecewise', () => {
  const lr = piecewise({ boundaries: [100, 200], values: [0.1, 0.05, 0.01] });
  test('is values[i] from boundaries[i-1] to just before boundaries[i]', () => {
    expect([lr(0), lr(99), lr(100), lr(199), lr(200), lr(1e6)]).toEqual([0.1, 0.1, 0.05, 0.05, 0.01, 0.01]);
  });
  test('refuses values that do not fit the boundaries', () => {
    expect(() => piecewise({ boundaries: [100], values: [0.1] })).toThrow(
      new RangeError('piecewise: values must have boundaries.length + 1 = 2 entries, got 1'),
    );
    expect(() => piecewise({ boundaries: [100], values: [0.1, -1] })).toThrow(
      new RangeError('piecewise: values[1] must be a finite number >= 0, got -1'),
    );
    expect(() => piecewise({ boundaries: [100], values: 'a' as unknown as number[] })).toThrow(
      new TypeError('piecewise: values must be an array, got string'),
    );
  });
});

describe('exponential', () => {
  test('multiplies by rate every `every` steps, smoothly', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10 });
    expect(lr(0)).toBe(0.1);
    close(lr(5), 0.1 * Math.SQRT1_2); // 0.5^(5/10) = sqrt(1/2)
    expect(lr(10)).toBe(0.05);
    expect(lr(20)).toBe(0.025);
  });
  test('with staircase, in whole units', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10, staircase: true });
    expect([lr(9), lr(10), lr(19), lr(20)]).toEqual([0.1, 0.05, 0.05, 0.025]);
  });
  test('holds at final: a floor when decaying', () => {
    const lr = exponential({ initial: 0.1, rate: 0.5, every: 10, final: 0.02 });
    expect(lr(20)).toBe(0.025); // above the floor
    expect(lr(30)).toBe(0.02); // 0.0125 < 0.02
  });
  test('holds at final: a ceiling when growing', () => {
    const lr = exponential({ initial: 0.01, rate: 2, final: 0.05 });
    expect(lr(2)).toBe(0.04); // 0.01 * 2^2
    expect(lr(3)).toBe(0.05); // 0.08 > 0.05
  });
  test('refuses a final on the wrong side of initial', () => {
    expect(() => exponential({ initial: 0.1, rate: 0.5, final: 0.2 })).toThrow(
      new RangeError('exponential: final must be <= initial (0.1) when rate < 1, got 0.2'),
    );
    expect(() => exponential({ initial: 0.1, rate: 2, final: 0.05 })).toThrow(
      new RangeError('exponential: final must be >= initial (0.1) when rate > 1, got 0.05'),
    );
    expect(() => exponential({ initial: 0.1, rate: 0 })).toThrow(
      new RangeError('exponential: rate must be a finite number > 0, got 0'),
    );
  });
  test('writes final as null when there is none', () => {
    expect(exponential({ initial: 0.1, rate: 0.9 }).spec).toEqual({
      kind: 'exponential',
      initial: 0.1,
      rate: 0.9,
      every: 1,
      staircase: false,
      final: null,
    });
  });
});

describe('polynomial', () => {
  test('falls as (1 - t / steps)^power, then holds final', () => {
    const lr = polynomial({ initial: 0.1, steps: 100, power: 2 });
    close(lr(50), 0.025); // 0.1 * (1 - 0.5)^2
    close(lr(90), 0.001); // 0.1 * 0.1^2
    expect(lr(100)).toBe(0);
    expect(lr(150)).toBe(0);
  });
  test('power 1 is a straight line to final', () => {
    close(polynomial({ initial: 0.1, final: 0.01, steps: 100 })(50), 0.055); // 0.09 * 0.5 + 0.01
  });
  test('with cycle, restarts with a horizon of the next multiple of steps', () => {
    const lr = polynomial({ initial: 0.1, steps: 100, cycle: true });
    expect(lr(0)).toBe(0.1); // horizon 100 at t = 0
    expect(lr(100)).toBe(0); // horizon 100 * ceil(1) = 100
    close(lr(101), 0.0495); // horizon 200: 0.1 * (1 - 101 / 200)
    close(lr(150), 0.025); // 0.1 * (1 - 150 / 200)
    expect(lr(200)).toBe(0);
    close(lr(201), 0.1 * (1 - 201 / 300)); // horizon 300
  });
  test('refuses a power <= 0', () => {
    expect(() => polynomial({ initial: 0.1, steps: 10, power: 0 })).toThrow(
      new RangeError('polynomial: power must be a finite number > 0, got 0'),
    );
  });
});
