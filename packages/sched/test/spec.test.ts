import { describe, expect, test } from 'vitest';
import {
  clamp,
  constant,
  cosine,
  cyclic,
  exponential,
  format,
  fromSpec,
  join,
  multiStep,
  parse,
  scale,
  warmup,
  type Schedule,
} from '@etagrad/sched';

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
    [[1], TypeError, 'spec: must be a schedule spec (an object with a kind), got array'],
    [{ value: 1 }, TypeError, 'spec.kind: must be a string, got undefined'],
    [
      { kind: 'warmup', inner: { kind: 'cosin', initial: 0.1, steps: 9 }, steps: 1 },
      RangeError,
      "spec.inner.kind: unknown kind 'cosin' (kinds: constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, warmup, join, scale, clamp, shift, repeat, perEpoch)",
    ],
    [{ kind: 'cosine', initial: 0.1 }, TypeError, 'spec.steps: missing, cosine requires it'],
    [
      { kind: 'cosine', initial: 0.1, steps: 10, step: 3 },
      TypeError,
      'spec.step: unknown field of cosine (fields: initial, steps, final)',
    ],
    [{ kind: 'cosine', initial: 0.1, steps: '10' }, TypeError, 'spec.steps: must be a number, got string'],
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
    [{ kind: 'multiStep', initial: 1, milestones: [1, 'x'] }, TypeError, 'spec.milestones[1]: must be a number, got string'],
    [{ kind: 'timeDecay', initial: 1, rate: 1, staircase: 'yes' }, TypeError, 'spec.staircase: must be a boolean, got string'],
    [{ kind: 'cyclic', min: 0, max: 1, stepSize: 1, shape: 2 }, TypeError, 'spec.shape: must be a string, got number'],
    [
      { kind: 'cyclic', min: 0, max: 1, stepSize: 1, shape: 'square' },
      RangeError,
      "spec: cyclic: shape must be one of 'triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic', got 'square'",
    ],
    [{ kind: 'scale', inner: 3, factor: 1 }, TypeError, 'spec.inner: must be a schedule spec (an object with a kind), got number'],
    [{ kind: 'join', schedules: {}, boundaries: [] }, TypeError, 'spec.schedules: must be an array, got object'],
    [{ kind: 'toString' }, RangeError, "spec.kind: unknown kind 'toString' (kinds: constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, warmup, join, scale, clamp, shift, repeat, perEpoch)"],
  ])('refuses %j, naming the path', (spec, kind, message) => {
    expect(() => fromSpec(spec)).toThrow(new kind(message));
  });
});

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
    expect(() => format(0.1 as unknown as Schedule)).toThrow(new TypeError('format: schedule must be a schedule, got number'));
    const foreign = Object.assign(() => 1, { spec: { kind: 'mine' } });
    expect(() => format(foreign)).toThrow(new RangeError("format: unknown kind 'mine'"));
  });
});

describe('parse', () => {
  test('reads the call syntax: strings in either quotes, trailing commas, negative and exponent numbers', () => {
    const lr = parse(`cyclic({ min: 0, "max": 1e-1, stepSize: 5, shape: "sine", })`);
    expect(lr.spec).toEqual({ kind: 'cyclic', min: 0, max: 0.1, stepSize: 5, shape: 'sine', gamma: 1 });
    expect(parse('join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50])')(100)).toBeCloseTo(0.05, 14);
    expect(parse('  scale( constant( 1 ) , 2.5e-1 )  ')(0)).toBe(0.25);
    expect(parse('exponential({ initial: 0.1, rate: 0.5, final: null })').spec['final']).toBe(null);
    expect(parse('timeDecay({ initial: 0.1, rate: 1, staircase: true })').spec['staircase']).toBe(true);
  });

  const caret = (text: string, column: number) => `\n  ${text}\n  ${' '.repeat(column - 1)}^`;
  test.each([
    ['cosine({ initial: 0.1, steps: 10', SyntaxError, "parse: expected ',' or '}', got the end at column 33"],
    ['cosine({ initial: 0.1, steps: 10 }) x', SyntaxError, "parse: expected the end, got 'x' at column 37"],
    ['cosine({ initial: 0.1; steps: 10 })', SyntaxError, "parse: unexpected character ';' at column 22"],
    ["cyclic({ shape: 'sine })", SyntaxError, 'parse: unterminated string at column 17'],
    ['0.1', SyntaxError, "parse: expected a schedule such as cosine({ initial: 0.1, steps: 100 }), got '0.1' at column 1"],
    ['cosine({ initial: 0.1, initial: 0.2 })', SyntaxError, "parse: option 'initial' given twice at column 33"],
    ['cosine({ 1: 2 })', SyntaxError, "parse: expected an option name, got '1' at column 10"],
    ['constant(- x)', SyntaxError, "parse: expected a number after -, got 'x' at column 12"],
    ['warmup(cosin({ initial: 1, steps: 9 }), { steps: 1 })', RangeError, "parse: unknown kind 'cosin' at column 8"],
    ['constant(1, 2)', TypeError, 'parse: constant takes 1 argument, got 2 at column 1'],
    ['warmup(constant(1), { steps: 1 }, 3)', TypeError, 'parse: warmup takes 1 or 2 arguments, got 3 at column 1'],
    ['warmup(constant(1), 5)', TypeError, "parse: warmup's options must be an object literal at column 21"],
    [
      'warmup(constant(1), { inner: constant(1), steps: 2 })',
      TypeError,
      "parse: warmup's inner is given as an argument, not an option at column 21",
    ],
  ])('refuses %s, pointing at the column', (text, kind, message) => {
    const column = Number(/column (\d+)$/.exec(message)?.[1]);
    expect(() => parse(text)).toThrow(new kind(message + caret(text, column)));
  });

  test('refuses bad options with the path in the expression', () => {
    expect(() => parse('warmup(cosine({ initial: 0.1, steps: 0 }), { steps: 100 })')).toThrow(
      new RangeError('parse: expression.inner: cosine: steps must be a positive integer, got 0'),
    );
    expect(() => parse("cosine({ initial: 0.1, steps: '9' })")).toThrow(
      new TypeError('parse: expression.steps: must be a number, got string'),
    );
    expect(() => parse('cosine({ initial: 0.1, step: 9 })')).toThrow(
      new TypeError('parse: expression.step: unknown field of cosine (fields: initial, steps, final)'),
    );
    expect(() => parse('warmup(constant(1))')).toThrow(
      new TypeError('parse: expression.steps: missing, warmup requires it'),
    );
    expect(() => parse(3 as unknown as string)).toThrow(new TypeError('parse: text must be a string, got number'));
  });
});
