import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { constant, cosine, format, fromSpec, join, linear, parse, warmup, warmupShapes } from '@etagrad/sched';
import { anySchedule, cycles, decay, length, positiveRate, rate, steps } from './arbitraries.js';

/** |a - b| within a few ulps of the larger magnitude: room for the last rounding of a formula. */
const near = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(scale));

describe('laws', () => {
  test('fromSpec(JSON of the spec) equals the schedule bit for bit', () => {
    fc.assert(
      fc.property(anySchedule, steps, (s, ts) => {
        const back = fromSpec(JSON.parse(JSON.stringify(s.spec)));
        expect(JSON.stringify(back.spec)).toBe(JSON.stringify(s.spec));
        for (const t of ts) expect(Object.is(back(t), s(t))).toBe(true);
      }),
    );
  });

  test('parse(format(s)) equals s bit for bit, and formats the same', () => {
    fc.assert(
      fc.property(anySchedule, steps, (s, ts) => {
        const text = format(s);
        const back = parse(text);
        expect(format(back)).toBe(text);
        expect(back.spec).toEqual(s.spec);
        for (const t of ts) expect(Object.is(back(t), s(t))).toBe(true);
      }),
    );
  });

  test('schedules are pure: the same step gives the same value, in any order', () => {
    fc.assert(
      fc.property(anySchedule, steps, (s, ts) => {
        const first = ts.map((t) => s(t));
        const again = [...ts].reverse().map((t) => s(t)).reverse();
        expect(again).toEqual(first);
      }),
    );
  });

  test('decays never rise and stay within [final, initial]', () => {
    fc.assert(
      fc.property(decay, fc.nat(3000), fc.double({ min: 0, max: 10, noNaN: true }), ({ schedule, initial, final }, t, dt) => {
        expect(schedule(t + dt)).toBeLessThanOrEqual(schedule(t));
        const value = schedule(t);
        expect(value <= initial || near(value, initial, initial)).toBe(true);
        expect(value >= final || near(value, final, initial)).toBe(true);
      }),
    );
  });

  test('cyclic schedules stay within [min, max] and repeat every cycle', () => {
    fc.assert(
      fc.property(cycles, fc.nat(3000), ({ schedule, min, max, period }, t) => {
        const value = schedule(t);
        expect(value >= min || near(value, min, max)).toBe(true);
        expect(value <= max || near(value, max, max)).toBe(true);
        if (period !== null) expect(schedule(t + period)).toBe(value);
      }),
    );
  });

  test('warmup is continuous where the ramp meets inner', () => {
    fc.assert(
      fc.property(positiveRate, positiveRate, length, fc.constantFrom(...warmupShapes), (from, target, steps, shape) => {
        const lr = warmup(cosine({ initial: target, steps: 100 }), { steps, from, shape });
        expect(lr(steps)).toBe(target);
        // The ramp's limit from the left is inner(0): a billionth of a step before, all but equal.
        expect(Math.abs(lr(steps * (1 - 1e-9)) - target)).toBeLessThanOrEqual(1e-6 * Math.max(from, target));
      }),
    );
  });

  test('join is continuous where parts meet that agree there', () => {
    fc.assert(
      fc.property(rate, rate, length, length, (a, b, boundary, rest) => {
        const lr = join([linear({ from: a, to: b, steps: boundary }), cosine({ initial: b, steps: rest })], [boundary]);
        expect(lr(boundary)).toBe(b);
        expect(Math.abs(lr(boundary * (1 - 1e-9)) - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, a, b));
      }),
    );
  });

  test('join runs each part from its own step 0', () => {
    fc.assert(
      fc.property(length, fc.nat(1000), (boundary, t) => {
        const second = cosine({ initial: 0.1, steps: 500 });
        expect(join([constant(1), second], [boundary])(boundary + t)).toBe(second(t));
      }),
    );
  });
});
