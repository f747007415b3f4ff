import { describe, expect, test } from 'vitest';
import { format, parse } from '@etagrad/sched';

describe('parse', () => {
  test('reads the call syntax: strings in either quotes, trailing commas, negative and exponent numbers', () => {
    const lr = parse(`cyclic({ min: 0, "max": 1e-1, stepSize: 5, shape: "sine", })`);
    expect(lr.spec).toEqual({ kind: 'cyclic', min: 0, max: 0.1, stepSize: 5, stepSizeDown: null, shape: 'sine', gamma: 1 });
    expect(parse('join([constant(0.1), cosine({ initial: 0.1, steps: 100 })], [50])')(100)).toBeCloseTo(0.05, 14);
    expect(parse('  scale( constant( 1 ) , 2.5e-1 )  ')(0)).toBe(0.25);
    expect(parse('exponential({ initial: 0.1, rate: 0.5, final: null })').spec['final']).toBe(null);
    expect(parse('timeDecay({ initial: 0.1, rate: 1, staircase: true })').spec['staircase']).toBe(true);
  });

  const kinds = 'constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, inverseSqrt, warmup, join, scale, clamp, shift, repeat, perEpoch';
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
    ['warmup(cosin({ initial: 1, steps: 9 }), { steps: 1 })', RangeError, `parse: unknown kind 'cosin' (did you mean 'cosine'?); kinds are ${kinds} at column 8`],
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

  test('reads an expression over several lines, and points at the line of an error', () => {
    const text = 'warmup(\n  cosine({ initial: 0.1, steps: 900 }),\n  { steps: 100 },\n)';
    expect(format(parse(text))).toBe('warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })');
    expect(() => parse('warmup(\n  cosine({ initial: 0.1 steps: 900 }),\n  { steps: 100 })')).toThrow(
      new SyntaxError(`parse: expected ',' or '}', got 'steps' at line 2, column 25\n    cosine({ initial: 0.1 steps: 900 }),\n  ${' '.repeat(24)}^`),
    );
  });

  test('refuses bad options with the path in the expression', () => {
    expect(() => parse('warmup(cosine({ initial: 0.1, steps: 0 }), { steps: 100 })')).toThrow(
      new RangeError('parse: expression.inner: cosine: steps must be a positive integer, got 0'),
    );
    expect(() => parse("cosine({ initial: 0.1, steps: '9' })")).toThrow(
      new TypeError("parse: expression: cosine: steps must be a number, got '9'"),
    );
    expect(() => parse('cosine({ initial: 0.1, step: 9 })')).toThrow(
      new TypeError("parse: expression: cosine: unknown option 'step' (did you mean 'steps'?); options are initial, steps, final"),
    );
    expect(() => parse('warmup(constant(1))')).toThrow(
      new TypeError('parse: expression.steps: missing, warmup requires it'),
    );
    expect(() => parse(3 as unknown as string)).toThrow(new TypeError('parse: text must be a string, got 3'));
  });
});
