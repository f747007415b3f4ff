// fast-check generators of every kind of schedule, nested up to two combinators deep.
import fc from 'fast-check';
import {
  clamp,
  constant,
  cosine,
  cosineRestarts,
  cyclic,
  cyclicShapes,
  exponential,
  join,
  linear,
  multiStep,
  oneCycle,
  perEpoch,
  piecewise,
  polynomial,
  repeat,
  scale,
  shift,
  stepDecay,
  timeDecay,
  warmup,
  warmupShapes,
  type Schedule,
} from '@etagrad/sched';

export const rate = fc.double({ min: 0, max: 10, noNaN: true });
export const positiveRate = fc.double({ min: 1e-6, max: 10, noNaN: true });
export const fraction = fc.double({ min: 0.01, max: 1, noNaN: true });
export const length = fc.integer({ min: 1, max: 1000 });

/** Strictly increasing positive integers, `count` of them. */
export const increasing = (count: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 2000 }), { minLength: count, maxLength: count }).map((a) => a.sort((x, y) => x - y));

/** Decaying schedules, each with the range it must stay within. */
export const decay: fc.Arbitrary<{ schedule: Schedule; initial: number; final: number }> = fc.oneof(
  fc.record({ initial: rate, final: rate, steps: length }).map(({ initial, final, steps }) => {
    const [low, high] = [Math.min(initial, final), Math.max(initial, final)];
    return { schedule: linear({ from: high, to: low, steps }), initial: high, final: low };
  }),
  fc.record({ initial: rate, rate, every: length, staircase: fc.boolean() }).map((o) => ({
    schedule: timeDecay(o),
    initial: o.initial,
    final: 0,
  })),
  fc.record({ initial: rate, every: length, factor: fraction }).map((o) => ({ schedule: stepDecay(o), initial: o.initial, final: 0 })),
  fc
    .record({ initial: rate, milestones: fc.integer({ min: 0, max: 4 }).chain(increasing), factor: fraction })
    .map((o) => ({ schedule: multiStep(o), initial: o.initial, final: 0 })),
  fc
    .record({ initial: rate, rate: fraction, every: length, staircase: fc.boolean(), floor: fc.option(fraction) })
    .map(({ floor, ...o }) => {
      const final = floor === null ? 0 : o.initial * floor;
      return { schedule: exponential(floor === null ? o : { ...o, final }), initial: o.initial, final };
    }),
  fc
    .record({ initial: rate, final: fraction, steps: length, power: fc.double({ min: 0.1, max: 5, noNaN: true }) })
    .map((o) => ({ schedule: polynomial({ ...o, final: o.initial * o.final }), initial: o.initial, final: o.initial * o.final })),
  fc.record({ initial: rate, final: fraction, steps: length }).map((o) => ({
    schedule: cosine({ ...o, final: o.initial * o.final }),
    initial: o.initial,
    final: o.initial * o.final,
  })),
);

/** Cyclic schedules with their bounds and whether they repeat exactly. */
export const cycles: fc.Arbitrary<{ schedule: Schedule; min: number; max: number; period: number | null }> = fc
  .record({ a: rate, b: rate, stepSize: fc.integer({ min: 1, max: 200 }), shape: fc.constantFrom(...cyclicShapes), gamma: fraction })
  .map(({ a, b, stepSize, shape, gamma }) => {
    const [min, max] = [Math.min(a, b), Math.max(a, b)];
    const schedule = cyclic({ min, max, stepSize, shape, gamma: shape === 'expRange' ? gamma : 1 });
    const period = shape === 'triangular2' || shape === 'expRange' ? null : 2 * stepSize;
    return { schedule, min, max, period };
  });

const leaf: fc.Arbitrary<Schedule> = fc.oneof(
  rate.map(constant),
  decay.map((d) => d.schedule),
  cycles.map((c) => c.schedule),
  fc.record({ boundaries: fc.integer({ min: 0, max: 3 }).chain(increasing) }).chain(({ boundaries }) =>
    fc.array(rate, { minLength: boundaries.length + 1, maxLength: boundaries.length + 1 }).map((values) => piecewise({ boundaries, values })),
  ),
  fc.record({ initial: rate, final: fraction, steps: length, power: fc.double({ min: 0.1, max: 5, noNaN: true }) }).map((o) =>
    polynomial({ ...o, final: o.initial * o.final, cycle: true }),
  ),
  fc
    .record({ initial: rate, period: length, periodMult: fc.integer({ min: 1, max: 3 }), decay: fraction, final: rate })
    .map((o) => cosineRestarts(o)),
  fc
    .record({
      max: positiveRate,
      steps: length,
      pctStart: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      divFactor: fc.double({ min: 1, max: 100, noNaN: true }),
      finalDivFactor: fc.double({ min: 1, max: 1e5, noNaN: true }),
      anneal: fc.constantFrom('cos' as const, 'linear' as const),
    })
    .map((o) => oneCycle(o)),
  fc.record({ initial: positiveRate, rate: fc.double({ min: 1, max: 1.01, noNaN: true }), grow: fc.double({ min: 1, max: 100, noNaN: true }) }).map(
    (o) => exponential({ initial: o.initial, rate: o.rate, final: o.initial * o.grow }),
  ),
);

function combinators(inner: fc.Arbitrary<Schedule>): fc.Arbitrary<Schedule> {
  return fc.oneof(
    fc
      .record({ inner, steps: length, from: positiveRate, shape: fc.constantFrom(...warmupShapes) })
      .map(({ inner: s, shape, ...o }) => warmup(s, { ...o, shape: shape === 'exponential' && !(s(0) > 0) ? 'cosine' : shape })),
    fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(fc.array(inner, { minLength: n, maxLength: n }), increasing(n - 1)))
      .map(([parts, boundaries]) => join(parts, boundaries)),
    fc.tuple(inner, fc.double({ min: 0, max: 4, noNaN: true })).map(([s, k]) => scale(s, k)),
    fc.tuple(inner, fc.option(rate), fc.option(rate)).map(([s, a, b]) => {
      if (a === null && b === null) return clamp(s, { max: 1 });
      if (a === null || b === null) return clamp(s, a === null ? { max: b ?? 1 } : { min: a });
      return clamp(s, { min: Math.min(a, b), max: Math.max(a, b) });
    }),
    fc.tuple(inner, fc.nat(500)).map(([s, k]) => shift(s, k)),
    fc.tuple(inner, length).map(([s, p]) => repeat(s, p)),
    fc.tuple(inner, fc.integer({ min: 1, max: 50 })).map(([s, n]) => perEpoch(s, n)),
  );
}

/** Any schedule: a plain one, or combinators up to two deep. */
export const anySchedule: fc.Arbitrary<Schedule> = fc.oneof(leaf, combinators(leaf), combinators(fc.oneof(leaf, combinators(leaf))));

/** Steps to look at: integers and fractions, around the usual lengths. */
export const steps = fc.array(fc.oneof(fc.nat(3000), fc.double({ min: 0, max: 3000, noNaN: true })), { minLength: 1, maxLength: 8 });
