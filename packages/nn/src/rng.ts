import { checkGaussian, checkInterval, checkNumber, checkObject, checkSafeInteger, mustBe, show } from './check.js';

/**
 * A seeded pseudo-random generator. Every random choice in `@etagrad/nn` (initial weights,
 * dropout masks, datasets, batch order) draws from one, so a run repeats exactly.
 */
export interface Rng {
  /**
   * A float in [low, high), default [0, 1): 32 random bits scaled, `low + (high - low) * u`.
   *
   * @param low - the lower end, included (default 0)
   * @param high - the upper end, excluded, > low (default 1)
   */
  uniform(low?: number, high?: number): number;
  /**
   * A Gaussian draw (Box-Muller from two uniforms; no cached spare, so `state()` is the whole state).
   *
   * @param mean - the mean (default 0)
   * @param std - the standard deviation, >= 0 (default 1)
   */
  normal(mean?: number, std?: number): number;
  /**
   * An integer in [lo, hi) (hi excluded, like Python's `randrange`), without modulo bias.
   *
   * @param lo - the smallest result, a safe integer
   * @param hi - one past the largest result, in (lo, lo + 2^32]
   */
  int(lo: number, hi: number): number;
  /**
   * Shuffles `array` in place (Fisher-Yates, from the end) and returns it.
   *
   * @param array - the array to shuffle
   */
  shuffle<T>(array: T[]): T[];
  /** The generator's whole state as plain JSON; `rngFromState(state)` continues the same stream. */
  state(): RngState;
}

/**
 * The state of an {@link Rng}: the four 32-bit words of sfc32, as unsigned integers. Plain JSON, so
 * a training loop can checkpoint the generator and resume the exact same stream.
 */
export interface RngState {
  readonly version: 1;
  readonly algorithm: 'sfc32';
  readonly words: readonly [number, number, number, number];
}

/**
 * The seed used wherever a seed or generator is omitted (layers, models, datasets, batches), so
 * two runs of the same script agree. 1337 is the seed of micrograd's demo; with it, the demo
 * (MLP 2-16-16-1 on `moons({ n: 100, noise: 0.1 })`) reaches 100% training accuracy.
 */
export const defaultSeed = 1337;

const TWO_POW_32 = 4294967296;

/**
 * splitmix32: a 32-bit variant of Steele, Lea and Flood's SplitMix, a Weyl sequence
 * (step 0x9e3779b9, the golden ratio) through a 32-bit integer hash found with Chris Wellons'
 * hash prospector (`x ^= x >>> 16; x *= 0x21f0aaad; x ^= x >>> 15; x *= 0x735a2d97; x ^= x >>> 15`).
 * It only expands a seed into sfc32's four words: nearby seeds give unrelated streams.
 */
function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let x = state ^ (state >>> 16);
    x = Math.imul(x, 0x21f0aaad);
    x ^= x >>> 15;
    x = Math.imul(x, 0x735a2d97);
    x ^= x >>> 15;
    return x >>> 0;
  };
}

/**
 * Chris Doty-Humphrey's sfc32 (Small Fast Counting, from PractRand) from its four words, `skip`
 * outputs drawn and dropped first: 128 bits of state, a 32-bit output, period at least 2^32 thanks
 * to the counter `d`, passes PractRand and BigCrush. Only 32-bit integer arithmetic, so it is fast
 * in JavaScript.
 */
function sfc32(words: readonly number[], skip: number): Rng {
  let [a, b, c, d] = words as [number, number, number, number];
  // One step. (a + b + d) | 0 is ((a + b) | 0 + d) | 0: int32 sums are exact in a double.
  const next = (): number => {
    d = (d + 1) | 0;
    const t = (a + b + d) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  };
  const unit = (): number => next() / TWO_POW_32;
  // An integer in [0, n), 1 <= n <= 2^32: rejection sampling removes the modulo bias.
  const below = (n: number): number => {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = next();
      if (x < limit) return x % n;
    }
  };
  for (let i = 0; i < skip; i++) next();
  return {
    uniform(low = 0, high = 1) {
      if (low !== 0 || high !== 1) checkInterval('rng.uniform', low, high);
      // Finite ends can be more than the largest double apart (-1e308, 1e308): high - low is then
      // Infinity and every draw would be too, forever. Half the width is finite: step it twice.
      const half = high - low < Infinity ? 0 : high / 2 - low / 2;
      for (;;) {
        const u = unit();
        const x = half === 0 ? low + (high - low) * u : low + half * u + half * u;
        // Rounding can land on `high` when the interval is wide in ulps; draw again (rare).
        if (x < high) return x;
      }
    },
    normal(mean = 0, std = 1) {
      if (mean !== 0 || std !== 1) checkGaussian('rng.normal', mean, std);
      // Box-Muller: u1 = 1 - unit() in (0, 1] so the log is finite, then u2 = unit().
      return mean + std * Math.sqrt(-2 * Math.log(1 - unit())) * Math.cos(2 * Math.PI * unit());
    },
    int(lo, hi) {
      checkSafeInteger('rng.int', 'lo', lo);
      checkNumber('rng.int', 'hi', hi, `an integer in (lo, lo + 2^32] (lo = ${lo})`, (h) => Number.isSafeInteger(h) && h > lo && h - lo <= TWO_POW_32);
      return lo + below(hi - lo);
    },
    shuffle<T>(array: T[]): T[] {
      if (!Array.isArray(array)) throw mustBe('rng.shuffle', 'array', 'an array', show(array));
      for (let i = array.length - 1; i > 0; i--) {
        const j = below(i + 1);
        const tmp = array[i] as T;
        array[i] = array[j] as T;
        array[j] = tmp;
      }
      return array;
    },
    state: () => ({ version: 1, algorithm: 'sfc32', words: [a >>> 0, b >>> 0, c >>> 0, d >>> 0] }),
  };
}

/**
 * A seeded generator: sfc32 (see {@link Rng}), its four words filled by splitmix32 from `seed`
 * (low and high 32 bits of the seed both count), then 12 outputs discarded to mix the state, as
 * PractRand's author recommends.
 *
 * @param seed any safe integer (default {@link defaultSeed}).
 * @example
 * const r = rng(42);
 * r.uniform(-1, 1); // same number on every run
 * const saved = JSON.stringify(r.state());
 * rngFromState(JSON.parse(saved)).uniform() === r.uniform(); // true
 */
export function rng(seed: number = defaultSeed): Rng {
  checkSafeInteger('rng', 'seed', seed);
  const high = Math.floor(seed / TWO_POW_32);
  const expand = splitmix32((seed >>> 0) ^ Math.imul(high | 0, 0x85ebca6b));
  return sfc32([expand(), expand(), expand(), expand()], 12);
}

/**
 * A generator that continues exactly where the one that produced `state` (via `state()`) was.
 * The state is validated: a malformed one is refused with a `TypeError`/`RangeError`.
 *
 * @param state - a state from `rng.state()`, also after a JSON round trip
 */
export function rngFromState(state: unknown): Rng {
  const owner = 'rngFromState';
  const s = checkObject(owner, 'state', state);
  if (s['version'] !== 1) throw mustBe(owner, 'state.version', '1', show(s['version']), RangeError);
  if (s['algorithm'] !== 'sfc32') {
    throw mustBe(owner, 'state.algorithm', "'sfc32'", show(s['algorithm']), RangeError);
  }
  const words = s['words'];
  if (!Array.isArray(words) || words.length !== 4) {
    throw mustBe(owner, 'state.words', 'an array of 4 numbers', show(words));
  }
  words.forEach((w: unknown, i) =>
    checkNumber(owner, `state.words[${i}]`, w, 'an integer in [0, 2^32)', (n) => Number.isInteger(n) && n >= 0 && n < TWO_POW_32),
  );
  return sfc32(words, 0);
}

/** The methods of an {@link Rng}: what `resolveRng` requires of a generator passed in. */
const rngMethods = ['uniform', 'normal', 'int', 'shuffle', 'state'] as const satisfies readonly (keyof Rng)[];

/** The generator to use: `rng` if given, else a fresh one from `seed` (default {@link defaultSeed}). */
export function resolveRng(owner: string, options: { readonly rng?: Rng | undefined; readonly seed?: number | undefined }): Rng {
  if (options.rng !== undefined) {
    const r = options.rng as unknown;
    // Every method, not only the one this caller draws with first: one missing would surface
    // later as a raw `shuffle is not a function` from inside (batches, a data set, Dropout).
    if (typeof r !== 'object' || r === null || rngMethods.some((m) => typeof (r as Rng)[m] !== 'function')) {
      throw mustBe(owner, 'rng', 'a generator from rng(seed)', show(r));
    }
    return options.rng;
  }
  if (options.seed !== undefined) checkSafeInteger(owner, 'seed', options.seed);
  return rng(options.seed ?? defaultSeed);
}
