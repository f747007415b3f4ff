import { describe, expect, test } from 'vitest';
import { constant, cosine, fromSpec, join, warmup } from '@etagrad/sched';

describe('spec', () => {
  test('a combinator nests its operands under their option names, defaults included', () => {
    expect(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }).spec).toEqual({
      kind: 'warmup',
      inner: { kind: 'cosine', initial: 0.1, steps: 900, final: 0 },
      steps: 100,
      from: 0,
      shape: 'linear',
    });
    expect(join([constant(0.1), constant(0.01)], [50]).spec).toEqual({
      kind: 'join',
      schedules: [
        { kind: 'constant', value: 0.1 },
        { kind: 'constant', value: 0.01 },
      ],
      boundaries: [50],
    });
  });
});

describe('fromSpec', () => {
  test('rebuilds the same schedule from JSON', () => {
    const lr = warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 });
    const back = fromSpec(JSON.parse(JSON.stringify(lr.spec)));
    expect(JSON.stringify(back.spec)).toBe(JSON.stringify(lr.spec));
    for (const t of [0, 50, 100, 550, 1000]) expect(back(t)).toBe(lr(t));
  });

  test('fills in defaults that a hand-written spec leaves out (or sets to undefined)', () => {
    expect(fromSpec({ kind: 'cosine', initial: 0.1, steps: 10, final: undefined }).spec).toEqual({
      kind: 'cosine',
      initial: 0.1,
      steps: 10,
      final: 0,
    });
  });

  test.each([
    [null, TypeError, 'spec: must be a schedule spec (an object with a kind), got null'],
    [[1], TypeError, 'spec: must be a schedule spec (an object with a kind), got an array of length 1'],
    [{ value: 1 }, TypeError, 'spec.kind: must be a string, got undefined'],
    [
      { kind: 'warmup', inner: { kind: 'cosin', initial: 0.1, steps: 9 }, steps: 1 },
      RangeError,
      "spec.inner.kind: unknown kind 'cosin' (did you mean 'cosine'?); kinds are constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, inverseSqrt, warmup, join, scale, clamp, shift, repeat, perEpoch",
    ],
    [{ kind: 'cosine', initial: 0.1 }, TypeError, 'spec.steps: missing, cosine requires it'],
    [
      { kind: 'cosine', initial: 0.1, steps: 10, step: 3 },
      TypeError,
      "spec: cosine: unknown option 'step' (did you mean 'steps'?); options are initial, steps, final",
    ],
    [{ kind: 'cosine', initial: 0.1, steps: '10' }, TypeError, "spec: cosine: steps must be a number, got '10'"],
    [
      { kind: 'warmup', inner: { kind: 'cosine', initial: 0.1, steps: 0 }, steps: 1 },
      RangeError,
      'spec.inner: cosine: steps must be a positive integer, got 0',
    ],
    [
      { kind: 'join', schedules: [{ kind: 'constant', value: 1 }, { kind: 'constant' }], boundaries: [1] },
      TypeError,
      'spec.schedules[1].value: missing, constant requires it',
    ],
    [{ kind: 'multiStep', initial: 1, milestones: [1, 'x'] }, TypeError, "spec: multiStep: milestones[1] must be a number, got 'x'"],
    [{ kind: 'timeDecay', initial: 1, rate: 1, staircase: 'yes' }, TypeError, "spec: timeDecay: staircase must be a boolean, got 'yes'"],
    [
      { kind: 'cyclic', min: 0, max: 1, stepSize: 1, shape: 2 },
      TypeError,
      "spec: cyclic: shape must be one of 'triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic', got 2",
    ],
    [
      { kind: 'cyclic', min: 0, max: 1, stepSize: 1, shape: 'square' },
      RangeError,
      "spec: cyclic: shape must be one of 'triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic', got 'square'",
    ],
    [{ kind: 'scale', inner: 3, factor: 1 }, TypeError, 'spec.inner: must be a schedule spec (an object with a kind), got 3'],
    [{ kind: 'join', schedules: {}, boundaries: [] }, TypeError, 'spec: join: schedules must be an array, got an object'],
    [{ kind: 'toString' }, RangeError, "spec.kind: unknown kind 'toString'; kinds are constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, inverseSqrt, warmup, join, scale, clamp, shift, repeat, perEpoch"],
  ])('refuses %j, naming the path', (spec, kind, message) => {
    expect(() => fromSpec(spec)).toThrow(new kind(message));
  });
});
