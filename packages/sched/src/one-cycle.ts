import { checkBoolean, checkChoice, checkOptions, inRange, positive, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How oneCycle is read from a spec, written and rebuilt. */
export const oneCycleKind = addKind<OneCycleOptions>({
  kind: 'oneCycle',
  options: ['max', 'steps', 'pctStart', 'divFactor', 'finalDivFactor', 'anneal', 'threePhase'],
  defaults: { pctStart: 0.3, divFactor: 25, finalDivFactor: 1e4, anneal: 'cos', threePhase: false },
  build: oneCycle,
});

/** How {@link oneCycle} moves between its rates: half cosines or straight lines. */
export const oneCycleAnneals = ['cos', 'linear'] as const;
/** One of {@link oneCycleAnneals}. */
export type OneCycleAnneal = (typeof oneCycleAnneals)[number];

/** Options of {@link oneCycle}. */
export interface OneCycleOptions {
  /** The peak learning rate (finite, > 0). */
  readonly max: number;
  /** Total length in steps (a positive integer); the lowest rate is held after it. */
  readonly steps: number;
  /** The fraction of `steps` spent rising, in (0, 1). Default 0.3. */
  readonly pctStart?: number;
  /** The start is `max / divFactor` (finite, > 0). Default 25. */
  readonly divFactor?: number;
  /** The end is `max / divFactor / finalDivFactor` (finite, > 0). Default 1e4. */
  readonly finalDivFactor?: number;
  /** The curve of every phase. Default `'cos'`. */
  readonly anneal?: OneCycleAnneal;
  /**
   * Smith's original three phases (PyTorch's `three_phase`): up to `max`, back down to the start
   * over as many steps, then down to the end; `pctStart` must then be below 0.5. Default false.
   */
  readonly threePhase?: boolean;
}

// p in [0, 1]: the fraction of the phase done (PyTorch's _annealing_cos and _annealing_linear).
const anneals = {
  cos: (start, end, p) => end + ((start - end) / 2) * (1 + Math.cos(Math.PI * p)),
  linear: (start, end, p) => (end - start) * p + start,
} satisfies Record<OneCycleAnneal, (start: number, end: number, p: number) => number>;

/**
 * The 1cycle policy (Smith; PyTorch's OneCycleLR, `anneal` as its `anneal_strategy`,
 * `threePhase` as its `three_phase`): up from `low = max / divFactor` to `max` at step
 * `u = pctStart * steps`, then down to `end = low / finalDivFactor` at `steps`, held after:
 *
 *     lr(t) = anneal(low, max, t / u),                  t <= u
 *     lr(t) = anneal(max, end, (t - u) / (steps - u)),  u < t < steps
 *     anneal(a, b, p) = b + (a - b) (1 + cos(pi p)) / 2   ('cos')   or   a + (b - a) p   ('linear')
 *
 * With `threePhase`, the rate comes back down to `low` at `2u` before falling to `end`:
 *
 *     lr(t) = anneal(max, low, (t - u) / u),             u < t <= 2u
 *     lr(t) = anneal(low, end, (t - 2u) / (steps - 2u)), 2u < t < steps
 *
 * Step numbering departs from PyTorch on purpose: here, as for every schedule in this package,
 * the peak comes at `t = pctStart * steps` and the end value at `t = steps`; PyTorch's phases end
 * at `pct_start * total_steps - 1` and `total_steps - 1` (and `2 * pct_start * total_steps - 2`
 * for three phases). The two agree exactly with `oneCycle({ steps: N - 1, pctStart: (pct * N - 1) /
 * (N - 1) })` for PyTorch's `total_steps = N`, `pct_start = pct`: for N = 100 and pct = 0.3,
 * `oneCycle({ max, steps: 99, pctStart: 29 / 99 })` peaks at step 29, as PyTorch does.
 *
 * @param options - `max` and `steps`, and optionally `pctStart`, `divFactor`, `finalDivFactor`,
 *   `anneal`, `threePhase`
 * @example
 * const lr = oneCycle({ max: 0.1, steps: 1000 });
 * lr(0); lr(300); lr(1000); // 0.004, 0.1, 4e-7
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  checkOptions('oneCycle', options, oneCycleKind.options);
  const max = positive('oneCycle', 'max', options.max);
  const steps = positiveInteger('oneCycle', 'steps', options.steps);
  const pctStart = inRange('oneCycle', 'pctStart', options.pctStart ?? 0.3, 'in (0, 1)', (p) => p > 0 && p < 1);
  const divFactor = positive('oneCycle', 'divFactor', options.divFactor ?? 25);
  const finalDivFactor = positive('oneCycle', 'finalDivFactor', options.finalDivFactor ?? 1e4);
  const anneal = checkChoice('oneCycle', 'anneal', options.anneal ?? 'cos', oneCycleAnneals);
  const threePhase = checkBoolean('oneCycle', 'threePhase', options.threePhase ?? false);
  if (threePhase && pctStart >= 0.5) {
    throw new RangeError(`oneCycle: pctStart must be < 0.5 when threePhase is true, got ${pctStart}`);
  }
  const low = max / divFactor;
  const end = low / finalDivFactor;
  const up = pctStart * steps;
  // Where the last phase starts: back at low after 2u with three phases, at the peak with two.
  const [start, from] = threePhase ? [2 * up, low] : [up, max];
  const curve = anneals[anneal];
  const spec = { kind: 'oneCycle', max, steps, pctStart, divFactor, finalDivFactor, anneal, threePhase } as const;
  return makeSchedule(spec, (t) => {
    if (t >= steps) return end;
    if (t <= up) return curve(low, max, t / up);
    return t <= start ? curve(max, low, (t - up) / up) : curve(from, end, (t - start) / (steps - start));
  });
}
