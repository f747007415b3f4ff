import { describe, expect, test } from 'vitest';
import {
  clamp,
  constant,
  cosine,
  exponential,
  join,
  linear,
  perEpoch,
  repeat,
  scale,
  shift,
  stepDecay,
  warmup,
  type Schedule,
} from '@etagrad/sched';

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 14);
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

describe('scale, clamp, shift, repeat, perEpoch', () => {
  test('scale multiplies', () => {
    expect(scale(constant(0.1), 0.5)(0)).toBe(0.05);
    expect(() => scale(constant(0.1), -1)).toThrow(new RangeError('scale: factor must be a finite number >= 0, got -1'));
  });
  test('clamp keeps within [min, max], either bound optional', () => {
    const lr = clamp(linear({ from: 1, to: 0, steps: 10 }), { min: 0.2, max: 0.8 });
    expect([lr(0), lr(5), lr(10)]).toEqual([0.8, 0.5, 0.2]);
    expect(clamp(exponential({ initial: 0.1, rate: 0.5 }), { min: 0.01 })(10)).toBe(0.01);
    expect(clamp(constant(1), { max: 0.5 }).spec).toEqual({
      kind: 'clamp',
      inner: { kind: 'constant', value: 1 },
      min: null,
      max: 0.5,
    });
    expect(() => clamp(constant(1), {})).toThrow(new TypeError('clamp: options must have min or max, got neither'));
    expect(() => clamp(constant(1), { min: 0.5, max: 0.1 })).toThrow(
      new RangeError('clamp: max must be >= min (0.5), got 0.1'),
    );
  });
  test('shift starts later, holding the first value', () => {
    const lr = shift(cosine({ initial: 0.1, steps: 100 }), 50);
    expect([lr(0), lr(49), lr(50)]).toEqual([0.1, 0.1, 0.1]);
    close(lr(100), 0.05); // cosine(50)
    expect(shift(constant(0.1), 0)(0)).toBe(0.1);
    expect(() => shift(constant(0.1), -1)).toThrow(new RangeError('shift: steps must be an integer >= 0, got -1'));
  });
  test('repeat restarts every period', () => {
    const lr = repeat(linear({ from: 0.1, to: 0, steps: 100 }), 100);
    close(lr(50), 0.05);
    expect(lr(99)).toBeCloseTo(0.001, 14);
    expect(lr(100)).toBe(0.1);
    close(lr(150), 0.05);
    expect(() => repeat(constant(1), 0)).toThrow(new RangeError('repeat: period must be a positive integer, got 0'));
  });
  test('perEpoch reads a schedule written in epochs', () => {
    const lr = perEpoch(stepDecay({ initial: 0.1, every: 30 }), 50);
    expect(lr(1499)).toBe(0.1); // epoch 29
    expect(lr(1500)).toBe(0.05); // epoch 30
    expect(() => perEpoch(constant(1), 2.5)).toThrow(
      new RangeError('perEpoch: stepsPerEpoch must be a positive integer, got 2.5'),
    );
  });
});
