import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reduceOnPlateau, reduceOnPlateauFromState, type PlateauOptions } from '@etagrad/sched';

/** The multiplier after each metric. */
const run = (options: PlateauOptions, metrics: readonly number[]) => {
  const plateau = reduceOnPlateau(options);
  return metrics.map((m) => plateau.observe(m));
};

describe('reduceOnPlateau', () => {
  test('starts at 1 with no best', () => {
    const plateau = reduceOnPlateau();
    expect(plateau.multiplier).toBe(1);
    expect(plateau.best).toBe(null);
    expect(plateau.state()).toEqual({
      version: 1,
      options: { factor: 0.1, patience: 10, threshold: 1e-4, thresholdMode: 'rel', mode: 'min', cooldown: 0, minScale: 0, eps: 1e-8 },
      multiplier: 1,
      best: null,
      badObservations: 0,
      cooldownLeft: 0,
      observations: 0,
    });
  });

  test('reduces after patience + 1 observations without improvement', () => {
    // 1 sets the best; then bad counts 1, 2, 3 > patience 2: reduce to 0.5, count from 0 again.
    expect(run({ patience: 2, factor: 0.5 }, [1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25]);
  });

  test('an improvement resets the count', () => {
    // bad 1, 2, then 0.5 improves (count 0), then bad 1, 2, 3 > 2.
    expect(run({ patience: 2, factor: 0.5 }, [1, 1, 1, 0.5, 0.9, 0.9, 0.9])).toEqual([1, 1, 1, 1, 1, 1, 0.5]);
  });

  test("'rel' threshold: better than best * (1 - threshold)", () => {
    // best 1: 0.99995 is not below 1 * (1 - 1e-4) = 0.9999, so it is bad (patience 0: reduce).
    expect(run({ patience: 0 }, [1, 0.99995])).toEqual([1, 0.1]);
    expect(run({ patience: 0 }, [1, 0.9998])).toEqual([1, 1]);
  });

  test("'abs' threshold: better than best - threshold", () => {
    // best 1, threshold 0.1: 0.95 is bad (not < 0.9), 0.85 improves.
    const plateau = reduceOnPlateau({ patience: 0, thresholdMode: 'abs', threshold: 0.1, factor: 0.5 });
    expect(plateau.observe(1)).toBe(1);
    expect(plateau.observe(0.85)).toBe(1);
    expect(plateau.best).toBe(0.85);
    expect(plateau.observe(0.8)).toBe(0.5); // not < 0.85 - 0.1 = 0.75
  });

  test("'max' mode: higher is better, by best * (1 + threshold) or best + threshold", () => {
    expect(run({ mode: 'max', patience: 0, factor: 0.5 }, [0.5, 0.6, 0.6, 0.7])).toEqual([1, 1, 0.5, 0.5]);
    // abs: 0.66 improves on 0.6 + 0.05 = 0.65; 0.7 does not beat 0.66 + 0.05 = 0.71.
    expect(run({ mode: 'max', thresholdMode: 'abs', threshold: 0.05, patience: 0, factor: 0.5 }, [0.6, 0.66, 0.7])).toEqual([
      1, 1, 0.5,
    ]);
  });

  test('cooldown: bad observations right after a reduction do not count', () => {
    // patience 0, cooldown 2: reduce at 2; at 3 and 4 the cooldown runs out (count reset);
    // at 5 a bad one counts again: reduce.
    expect(run({ patience: 0, cooldown: 2, factor: 0.5 }, [1, 1, 1, 1, 1, 1])).toEqual([1, 0.5, 0.5, 0.5, 0.25, 0.25]);
  });

  test('never below minScale', () => {
    expect(run({ patience: 0, minScale: 0.05 }, [1, 1, 1, 1])).toEqual([1, 0.1, 0.05, 0.05]);
  });

  test('refuses bad options and metrics', () => {
    expect(() => reduceOnPlateau({ factor: 1 })).toThrow(new RangeError('reduceOnPlateau: factor must be in (0, 1), got 1'));
    expect(() => reduceOnPlateau({ patience: -1 })).toThrow(
      new RangeError('reduceOnPlateau: patience must be an integer >= 0, got -1'),
    );
    expect(() => reduceOnPlateau({ threshold: -1 })).toThrow(
      new RangeError('reduceOnPlateau: threshold must be a finite number >= 0, got -1'),
    );
    expect(() => reduceOnPlateau({ mode: 'lowest' as 'min' })).toThrow(
      new RangeError("reduceOnPlateau: mode must be one of 'min', 'max', got 'lowest'"),
    );
    expect(() => reduceOnPlateau({ thresholdMode: 'relative' as 'rel' })).toThrow(
      new RangeError("reduceOnPlateau: thresholdMode must be one of 'rel', 'abs', got 'relative'"),
    );
    expect(() => reduceOnPlateau({ cooldown: 0.5 })).toThrow(
      new RangeError('reduceOnPlateau: cooldown must be an integer >= 0, got 0.5'),
    );
    expect(() => reduceOnPlateau({ minScale: 2 })).toThrow(new RangeError('reduceOnPlateau: minScale must be in [0, 1], got 2'));
    expect(() => reduceOnPlateau(3 as unknown as PlateauOptions)).toThrow(
      new TypeError('reduceOnPlateau: options must be an object, got 3'),
    );
    expect(() => reduceOnPlateau().observe(Number.NaN)).toThrow(
      new RangeError('reduceOnPlateau: metric must be a finite number, got NaN'),
    );
  });
});

describe('reduceOnPlateauFromState', () => {
  const options = fc.record({
    factor: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    patience: fc.nat(4),
    threshold: fc.double({ min: 0, max: 0.5, noNaN: true }),
    thresholdMode: fc.constantFrom('rel' as const, 'abs' as const),
    mode: fc.constantFrom('min' as const, 'max' as const),
    cooldown: fc.nat(3),
    minScale: fc.double({ min: 0, max: 0.5, noNaN: true }),
  });
  const metrics = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 40 });

  test('resumes exactly where the original was, after a JSON round trip', () => {
    fc.assert(
      fc.property(options, metrics, metrics, (o, before, after) => {
        const original = reduceOnPlateau(o);
        for (const m of before) original.observe(m);
        const resumed = reduceOnPlateauFromState(JSON.parse(JSON.stringify(original.state())));
        expect(resumed.state()).toEqual(original.state());
        for (const m of after) expect(resumed.observe(m)).toBe(original.observe(m));
        expect(resumed.state()).toEqual(original.state());
      }),
    );
  });

  const good = () => reduceOnPlateau({ cooldown: 2 }).state();
  test.each([
    [null, TypeError, 'reduceOnPlateauFromState: state must be an object, got null'],
    [{ ...good(), version: 2 }, RangeError, 'reduceOnPlateauFromState: state.version must be 1, got 2'],
    [{ ...good(), multiplier: 2 }, RangeError, 'reduceOnPlateauFromState: state.multiplier must be in [minScale (0), 1], got 2'],
    [{ ...good(), best: 'x' }, TypeError, "reduceOnPlateauFromState: state.best must be a number, got 'x'"],
    [{ ...good(), best: Infinity }, RangeError, 'reduceOnPlateauFromState: state.best must be a finite number or null, got Infinity'],
    [{ ...good(), cooldownLeft: 3 }, RangeError, 'reduceOnPlateauFromState: state.cooldownLeft must be an integer in [0, cooldown (2)], got 3'],
    [{ ...good(), badObservations: -1 }, RangeError, 'reduceOnPlateauFromState: state.badObservations must be an integer >= 0, got -1'],
    [{ ...good(), observations: 1.5 }, RangeError, 'reduceOnPlateauFromState: state.observations must be an integer >= 0, got 1.5'],
    [{ ...good(), extra: 1 }, TypeError, "reduceOnPlateauFromState: unknown key 'extra' in state; keys are version, options, multiplier, best, badObservations, cooldownLeft, observations"],
    [{ ...good(), options: { ...good().options, factor: 3 } }, RangeError, 'reduceOnPlateauFromState: state.options.factor must be in (0, 1), got 3'],
    [
      { ...good(), options: { factor: 0.1 } },
      TypeError,
      'reduceOnPlateauFromState: state.options.patience is missing',
    ],
  ])('refuses a damaged state: %j', (state, kind, message) => {
    expect(() => reduceOnPlateauFromState(state)).toThrow(new kind(message));
  });

  test('a missing field is named', () => {
    const { observations: _, ...rest } = good();
    expect(() => reduceOnPlateauFromState(rest)).toThrow(
      new TypeError('reduceOnPlateauFromState: state.observations is missing'),
    );
  });
});
