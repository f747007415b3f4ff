import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { batches, defaultSeed, moons, rng, rngFromState } from '@etagrad/nn';

const TWO_POW_32 = 2 ** 32;
const zeroState = { version: 1, algorithm: 'sfc32', words: [0, 0, 0, 0] } as const;

describe('sfc32 core', () => {
  test('steps from the all-zero state as worked by hand', () => {
    // step 1: t = a + b = 0; a = b ^ b>>>9 = 0; b = c + (c << 3) = 0; c = rotl(c, 21) = 0;
    //         d = 1; t = t + d = 1; c = c + t = 1                       -> output 1, state [0, 0, 1, 1]
    // step 2: t = 0; a = 0; b = 1 + 8 = 9; c = rotl(1, 21) = 2^21; d = 2; t = 2; c = 2^21 + 2
    //                                                                   -> output 2
    // step 3: t = 0 + 9 = 9; a = 9 ^ (9 >>> 9) = 9; b = 9 * (2^21 + 2) = 18874386;
    //         c = rotl(2^21 + 2, 21) = 2^10 + 2^22 = 4195328; d = 3; t = 12; c = 4195340 -> output 12
    const r = rngFromState(zeroState);
    expect(r.uniform()).toBe(1 / TWO_POW_32);
    expect(r.uniform()).toBe(2 / TWO_POW_32);
    expect(r.uniform()).toBe(12 / TWO_POW_32);
    expect(r.state()).toEqual({ version: 1, algorithm: 'sfc32', words: [9, 18874386, 4195340, 3] });
  });

  test('int maps the raw output without bias: first output 1 gives lo + 1', () => {
    // limit = 2^32 - (2^32 mod 10) = 2^32 - 6 > 1, so the draw is accepted: 1 mod 10 = 1
    expect(rngFromState(zeroState).int(5, 15)).toBe(6);
  });

  test('normal uses Box-Muller on two uniforms', () => {
    // u1 = 1 - 1/2^32, u2 = 2/2^32: z = sqrt(-2 ln u1) cos(2 pi u2) ~ sqrt(2 / 2^32) = 2^-15.5
    const z = rngFromState(zeroState).normal();
    expect(z).toBeCloseTo(Math.sqrt(-2 * Math.log(1 - 1 / TWO_POW_32)) * Math.cos((4 * Math.PI) / TWO_POW_32), 15);
    expect(z).toBeCloseTo(2 ** -15.5, 9);
  });
});

describe('seeding', () => {
  test('the same seed gives the same stream; nearby seeds differ', () => {
    const draw = (seed: number) => {
      const r = rng(seed);
      return Array.from({ length: 5 }, () => r.uniform());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(0)).not.toEqual(draw(2 ** 32)); // the high bits of a seed count
    expect(draw(-1)).not.toEqual(draw(1));
  });

  test('rng() without a seed uses defaultSeed', () => {
    expect(rng().uniform()).toBe(rng(defaultSeed).uniform());
  });

  test('state() round-trips through JSON and continues the exact stream', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(50), (seed, skip) => {
        const r = rng(seed);
        for (let i = 0; i < skip; i++) r.uniform();
        const copy = rngFromState(JSON.parse(JSON.stringify(r.state())));
        expect([copy.uniform(), copy.normal(), copy.int(0, 1000)]).toEqual([r.uniform(), r.normal(), r.int(0, 1000)]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('distributions', () => {
  test('uniform stays in [low, high)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-9, max: 1e6, noNaN: true }), (seed, low, width) => {
        const r = rng(seed);
        const high = low + width;
        fc.pre(high > low);
        for (let i = 0; i < 20; i++) {
          const x = r.uniform(low, high);
          expect(x).toBeGreaterThanOrEqual(low);
          expect(x).toBeLessThan(high);
        }
      }),
      { numRuns: 100 },
    );
  });

  test('uniform draws from ends further apart than the largest double', () => {
    // high - low = 2e308 overflows to Infinity; the draws must still be uniform in [low, high).
    const r = rng(5);
    const xs = Array.from({ length: 2000 }, () => r.uniform(-1e308, 1e308));
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(-1e308);
      expect(x).toBeLessThan(1e308);
    }
    // uniform: half of the draws below the midpoint 0 (standard error 0.011), a quarter below -5e307
    expect(Math.abs(xs.filter((x) => x < 0).length / xs.length - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(xs.filter((x) => x < -5e307).length / xs.length - 0.25)).toBeLessThan(0.05);
  });

  test('uniform has mean 1/2 and variance 1/12', () => {
    const r = rng(3);
    const xs = Array.from({ length: 20000 }, () => r.uniform());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    // standard error of the mean: sqrt(1/12 / 20000) ~ 0.002
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.005);
  });

  test('normal(mean, std) has that mean and std', () => {
    const r = rng(4);
    const xs = Array.from({ length: 20000 }, () => r.normal(3, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    // standard error of the mean: 2 / sqrt(20000) ~ 0.014
    expect(Math.abs(mean - 3)).toBeLessThan(0.06);
    expect(Math.abs(std - 2)).toBeLessThan(0.05);
  });

  test('int(lo, hi) stays in [lo, hi) and hits every value about equally', () => {
    const r = rng(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) {
      const k = r.int(-2, 4);
      expect(k).toBeGreaterThanOrEqual(-2);
      expect(k).toBeLessThan(4);
      counts[k + 2] = (counts[k + 2] ?? 0) + 1;
    }
    // expected 1000 each, sd ~ 29: a generous 150 band
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });

  test('shuffle permutes in place and returns the same array', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, xs) => {
        const copy = [...xs];
        const out = rng(seed).shuffle(copy);
        expect(out).toBe(copy);
        expect([...out].sort((a, b) => a - b)).toEqual([...xs].sort((a, b) => a - b));
      }),
      { numRuns: 100 },
    );
  });

  test('shuffle reaches every permutation of 3 items', () => {
    const r = rng(6);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(r.shuffle([1, 2, 3]).join(''));
    expect(seen.size).toBe(6);
  });
});

describe('errors', () => {
  test('bad seeds and arguments are refused', () => {
    expect(() => rng(1.5)).toThrow(new RangeError('rng: seed must be a safe integer, got 1.5'));
    expect(() => rng('1' as unknown as number)).toThrow(new TypeError("rng: seed must be a number, got '1'"));
    const r = rng(1);
    expect(() => r.uniform(1, 1)).toThrow(new RangeError('rng.uniform: high must be finite and > low (1), got 1'));
    expect(() => r.uniform(Number.NaN, 1)).toThrow(new RangeError('rng.uniform: low must be a finite number, got NaN'));
    expect(() => r.normal(0, -1)).toThrow(new RangeError('rng.normal: std must be a finite number >= 0, got -1'));
    expect(() => r.normal(Infinity, 1)).toThrow(new RangeError('rng.normal: mean must be a finite number, got Infinity'));
    expect(() => r.int(0.5, 3)).toThrow(new RangeError('rng.int: lo must be a safe integer, got 0.5'));
    expect(() => r.int(3, 3)).toThrow(new RangeError('rng.int: hi must be an integer in (lo, lo + 2^32] (lo = 3), got 3'));
    expect(() => r.shuffle('abc' as unknown as string[])).toThrow(new TypeError("rng.shuffle: array must be an array, got 'abc'"));
  });

  test('a generator passed in must have every method, not only uniform', () => {
    // Without normal or shuffle, the first draw that needs one failed inside with a raw
    // `... is not a function`; the boundary refuses it in the one format instead.
    const half = { uniform: () => 0.5 } as never;
    expect(() => batches({ x: [[1], [2]], y: [0, 1] }, { batchSize: 1, rng: half })).toThrow(
      new TypeError('batches: rng must be a generator from rng(seed), got an object'),
    );
    expect(() => moons({ noise: 0.1, rng: { ...rng(1), normal: undefined } as never })).toThrow(
      new TypeError('moons: rng must be a generator from rng(seed), got an object'),
    );
    expect(moons({ n: 4, rng: rng(2) })).toEqual(moons({ n: 4, seed: 2 })); // a real one still works
  });

  test('a malformed state is refused', () => {
    expect(() => rngFromState(null)).toThrow(new TypeError('rngFromState: state must be an object, got null'));
    expect(() => rngFromState({ ...zeroState, version: 2 })).toThrow(new RangeError('rngFromState: state.version must be 1, got 2'));
    expect(() => rngFromState({ ...zeroState, algorithm: 'mt' })).toThrow(
      new RangeError("rngFromState: state.algorithm must be 'sfc32', got 'mt'"),
    );
    expect(() => rngFromState({ ...zeroState, words: [1, 2, 3] })).toThrow(
      new TypeError('rngFromState: state.words must be an array of 4 numbers, got an array of length 3'),
    );
    expect(() => rngFromState({ ...zeroState, words: [1, 2, 3, -4] })).toThrow(
      new RangeError('rngFromState: state.words[3] must be an integer in [0, 2^32), got -4'),
    );
  });
});
