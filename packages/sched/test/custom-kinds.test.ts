import { checkBoolean, checkPositive, checkPositiveInteger } from '@etagrad/check';
import { describe, expect, test } from 'vitest';
import {
  format,
  fromFunction,
  fromLoadedSpec,
  fromSpec,
  inverseSqrt,
  join,
  parse,
  plot,
  registerKind,
  savableSpec,
  scale,
  warmup,
} from '@etagrad/sched';

const rsqrt = registerKind({
  name: 'rsqrt',
  options: { initial: checkPositive, every: checkPositiveInteger },
  formula: (t, { initial, every }) => initial / Math.sqrt(1 + Math.floor(t / every)),
});

describe('registerKind', () => {
  test('makes a constructor whose schedules follow the formula', () => {
    const lr = rsqrt({ initial: 0.1, every: 10 });
    expect(lr(0)).toBe(0.1);
    expect(lr(35)).toBe(0.05); // 0.1 / sqrt(1 + 3)
    expect(lr.spec).toEqual({ kind: 'rsqrt', initial: 0.1, every: 10 });
  });

  test('a registered kind is written, parsed and rebuilt like a built-in one', () => {
    const lr = warmup(rsqrt({ initial: 0.1, every: 10 }), { steps: 5 });
    const text = format(lr);
    expect(text).toBe('warmup(rsqrt({ initial: 0.1, every: 10 }), { steps: 5 })');
    const parsed = parse(text);
    const rebuilt = fromSpec(JSON.parse(JSON.stringify(lr.spec)));
    const loaded = fromLoadedSpec(JSON.parse(JSON.stringify(lr.spec)));
    for (const t of [0, 3, 5, 40, 1000]) expect([parsed(t), rebuilt(t), loaded(t)]).toEqual([lr(t), lr(t), lr(t)]);
  });

  test("checks options with the given checks, in the kind's name", () => {
    expect(() => rsqrt({ initial: 0, every: 10 })).toThrow(new RangeError('rsqrt: initial must be a finite number > 0, got 0'));
    expect(() => rsqrt({ initial: 0.1, evry: 10 } as never)).toThrow(
      new TypeError("rsqrt: unknown option 'evry' (did you mean 'every'?); options are initial, every"),
    );
    expect(() => parse('rsqrt({ initial: 0.1, every: 0 })')).toThrow(
      new RangeError('parse: expression: rsqrt: every must be a positive integer, got 0'),
    );
  });

  test('refuses a name registered twice, a built-in name and a name that is not an identifier', () => {
    const again = { name: 'rsqrt', options: {}, formula: () => 1 };
    expect(() => registerKind(again)).toThrow(new RangeError("registerKind: name must not be registered already, got 'rsqrt'"));
    expect(() => registerKind({ ...again, name: 'cosine' })).toThrow(
      new RangeError("registerKind: name must not be a built-in kind's, got 'cosine'"),
    );
    expect(() => registerKind({ ...again, name: 'my kind' })).toThrow(
      new RangeError("registerKind: name must be an identifier such as 'noam', not true, false, null or fromFunction, got 'my kind'"),
    );
    expect(() => registerKind({ ...again, name: 'fromFunction' })).toThrow(RangeError);
  });

  test('refuses bad definitions in the standard format', () => {
    expect(() => registerKind(5 as never)).toThrow(new TypeError('registerKind: options must be an object, got 5'));
    expect(() => registerKind({ name: 'a1', options: { x: 3 } as never, formula: () => 1 })).toThrow(
      new TypeError('registerKind: options.x must be a check such as checkPositive, got 3'),
    );
    expect(() => registerKind({ name: 'a2', options: { kind: checkPositive }, formula: () => 1 })).toThrow(
      new RangeError("registerKind: options' names must be identifiers other than kind, got 'kind'"),
    );
    expect(() => registerKind({ name: 'a3', options: {}, formula: 1 as never })).toThrow(
      new TypeError('registerKind: formula must be a function, got 1'),
    );
    expect(() => registerKind({ name: 'a4', options: {}, formual: () => 1 } as never)).toThrow(
      new TypeError("registerKind: unknown option 'formual' (did you mean 'formula'?); options are name, options, formula"),
    );
  });

  test('a formula that gives a non-finite rate is an error naming the step', () => {
    const broken = registerKind({ name: 'broken', options: { on: checkBoolean }, formula: (t) => (t > 2 ? Number.NaN : 1) });
    expect(() => broken({ on: true })(3)).toThrow(new RangeError('broken: the rate at step 3 must be a finite number, got NaN'));
  });
});

describe('fromFunction', () => {
  const flat = fromFunction(() => 0.1, { name: 'flat' });

  test('is a schedule wherever one is taken: warmup, join, scale, plot', () => {
    expect(warmup(flat, { steps: 10 })(5)).toBeCloseTo(0.05, 15);
    expect(join([flat, scale(flat, 0.5)], [3])(4)).toBe(0.05);
    expect(plot(flat, { steps: 10, height: 3, width: 10 })).toContain('flat');
  });

  test('format and savableSpec refuse it, naming it', () => {
    const message = 'schedule "flat" was made by fromFunction from a plain function, so it cannot be written as an expression, saved or rebuilt (registerKind makes a kind that can)';
    expect(() => format(warmup(flat, { steps: 10 }))).toThrow(new TypeError(`format: ${message}`));
    expect(() => savableSpec('SGD.stateDict', join([inverseSqrt({ peak: 1, warmupSteps: 2 }), flat], [5]))).toThrow(
      new TypeError(`SGD.stateDict: ${message}`),
    );
    expect(() => fromSpec(warmup(flat, { steps: 10 }).spec)).toThrow(new TypeError(`spec.inner: ${message}`));
  });

  test('a rate that is not a finite number is an error naming the schedule and the step', () => {
    expect(() => fromFunction(() => Number.POSITIVE_INFINITY, { name: 'up' })(7)).toThrow(
      new RangeError('up: the rate at step 7 must be a finite number, got Infinity'),
    );
  });

  test('a bare function is refused, pointing at fromFunction', () => {
    expect(() => warmup((() => 0.1) as never, { steps: 1 })).toThrow(
      new TypeError('warmup: inner must be a schedule (wrap a plain function with fromFunction(fn, { name })), got a function'),
    );
    expect(() => fromFunction(() => 1, { name: '' })).toThrow(new RangeError("fromFunction: name must be a non-empty string, got ''"));
    expect(() => fromFunction(() => 1, { nmae: 'x' } as never)).toThrow(
      new TypeError("fromFunction: unknown option 'nmae' (did you mean 'name'?); options are name"),
    );
  });
});

describe('inverseSqrt', () => {
  // lr(t) = peak * min((t + 1) / w, sqrt(w / (t + 1)))
  test('rises linearly to its peak at warmupSteps - 1, then falls as 1 / sqrt(t + 1)', () => {
    const lr = inverseSqrt({ peak: 0.001, warmupSteps: 4000 });
    expect(lr(0)).toBe(0.001 / 4000);
    expect(lr(1999)).toBe(0.0005); // 2000 / 4000
    expect(lr(3999)).toBe(0.001);
    expect(lr(15_999)).toBe(0.0005); // sqrt(4000 / 16000) = 1/2
  });

  test("equals Noam's formula with peak = (d_model * warmup)^-0.5", () => {
    const lr = inverseSqrt({ peak: (512 * 4000) ** -0.5, warmupSteps: 4000 });
    for (const s of [1, 100, 4000, 10_000]) {
      expect(lr(s - 1)).toBeCloseTo(512 ** -0.5 * Math.min(s ** -0.5, s * 4000 ** -1.5), 15);
    }
  });

  test('is written and read back', () => {
    const lr = inverseSqrt({ peak: 0.1, warmupSteps: 10 });
    expect(format(lr)).toBe('inverseSqrt({ peak: 0.1, warmupSteps: 10 })');
    expect(parse(format(lr))(50)).toBe(lr(50));
  });

  test('refuses bad options', () => {
    expect(() => inverseSqrt({ peak: 0.1, warmupSteps: 0 })).toThrow(
      new RangeError('inverseSqrt: warmupSteps must be a positive integer, got 0'),
    );
    expect(() => inverseSqrt({ peak: -1, warmupSteps: 1 })).toThrow(
      new RangeError('inverseSqrt: peak must be a finite number >= 0, got -1'),
    );
  });
});
