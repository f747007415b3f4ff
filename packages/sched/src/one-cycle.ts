import { checkChoice, checkOptions, inRange, positive, positiveInteger } from './check.js';
import { defineSchedule } from './define-schedule.js';
import type { Schedule } from './types.js';

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
  /** The curve of both phases. Default `'cos'`. */
  readonly anneal?: OneCycleAnneal;
}

// p in [0, 1]: the fraction of the phase done (PyTorch's _annealing_cos and _annealing_linear).
const anneals = {
  cos: (start, end, p) => end + ((start - end) / 2) * (1 + Math.cos(Math.PI * p)),
  linear: (start, end, p) => (end - start) * p + start,
} satisfies Record<OneCycleAnneal, (start: number, end: number, p: number) => number>;

/**
 * The 1cycle policy (Smith; PyTorch's OneCycleLR with two phases, `anneal` as its
 * `anneal_strategy`): up from `low = max / divFactor` to `max` at step `u = pctStart * steps`,
 * then down to `end = low / finalDivFactor` at `steps`, held after:
 *
 *     lr(t) = anneal(low, max, t / u),                  t <= u
 *     lr(t) = anneal(max, end, (t - u) / (steps - u)),  u < t < steps
 *     anneal(a, b, p) = b + (a - b) (1 + cos(pi p)) / 2   ('cos')   or   a + (b - a) p   ('linear')
 *
 * PyTorch counts its `total_steps` so that its peak falls at step `u - 1` and its end at
 * `steps - 1`; here, as for every schedule in this package, the end value comes at `t = steps`.
 *
 * @param options - the peak rate, the length and the shape of the cycle (see {@link OneCycleOptions})
 * @example
 * const lr = oneCycle({ max: 0.1, steps: 1000 });
 * lr(0); lr(300); lr(1000); // 0.004, 0.1, 4e-7
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  checkOptions('oneCycle', options);
  const max = positive('oneCycle', 'max', options.max);
  const steps = positiveInteger('oneCycle', 'steps', options.steps);
  const pctStart = inRange('oneCycle', 'pctStart', options.pctStart ?? 0.3, 'in (0, 1)', (p) => p > 0 && p < 1);
  const divFactor = positive('oneCycle', 'divFactor', options.divFactor ?? 25);
  const finalDivFactor = positive('oneCycle', 'finalDivFactor', options.finalDivFactor ?? 1e4);
  const anneal = checkChoice('oneCycle', 'anneal', options.anneal ?? 'cos', oneCycleAnneals);
  const low = max / divFactor;
  const end = low / finalDivFactor;
  const up = pctStart * steps;
  const curve = anneals[anneal];
  return defineSchedule({ kind: 'oneCycle', max, steps, pctStart, divFactor, finalDivFactor, anneal }, (t) => {
    if (t >= steps) return end;
    return t <= up ? curve(low, max, t / up) : curve(max, end, (t - up) / (steps - up));
  });
}
