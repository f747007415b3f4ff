import { checkOptions, inRange, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How cosineRestarts is read from a spec, written and rebuilt. */
export const cosineRestartsKind = addKind<CosineRestartsOptions>({
  kind: 'cosineRestarts',
  options: ['initial', 'period', 'periodMult', 'decay', 'final'],
  defaults: { periodMult: 1, decay: 1, final: 0 },
  build: cosineRestarts,
});

/** Options of {@link cosineRestarts}. */
export interface CosineRestartsOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** Length of the first run, in steps (a positive integer). */
  readonly period: number;
  /** Each run is this many times longer than the one before (a positive integer). Default 1. */
  readonly periodMult?: number;
  /** Each run starts this many times lower than the one before, in (0, 1]. Default 1. */
  readonly decay?: number;
  /** The floor every run falls towards (finite, >= 0; not decayed). Default 0. */
  readonly final?: number;
}

/**
 * Cosine annealing with warm restarts (SGDR; PyTorch's CosineAnnealingWarmRestarts, with
 * `period` as its `T_0`, `periodMult` as `T_mult` and `final` as `eta_min`, plus the per-restart
 * `decay` of optax's sgdr_schedule). Run i lasts `T_i = period * periodMult^i` steps:
 *
 *     lr(t) = final + (initial * decay^i - final) * (1 + cos(pi * t_i / T_i)) / 2
 *
 * where `t_i` counts steps since run i began; at each restart the rate jumps back up.
 *
 * @param options - `initial` and `period`, and optionally `periodMult`, `decay`, `final`
 * @example
 * const lr = cosineRestarts({ initial: 0.1, period: 10, periodMult: 2 });
 * lr(5); lr(10); lr(20); // 0.05, 0.1, 0.05  (runs: [0, 10), [10, 30), [30, 70), ...)
 */
export function cosineRestarts(options: CosineRestartsOptions): Schedule {
  checkOptions('cosineRestarts', options, cosineRestartsKind.options);
  const initial = nonNegative('cosineRestarts', 'initial', options.initial);
  const period = positiveInteger('cosineRestarts', 'period', options.period);
  const periodMult = positiveInteger('cosineRestarts', 'periodMult', options.periodMult ?? 1);
  const decay = inRange('cosineRestarts', 'decay', options.decay ?? 1, 'in (0, 1]', (d) => d > 0 && d <= 1);
  const final = nonNegative('cosineRestarts', 'final', options.final ?? 0);
  return makeSchedule({ kind: 'cosineRestarts', initial, period, periodMult, decay, final }, (t) => {
    let run = 0;
    let start = 0;
    let length = period;
    if (periodMult === 1) {
      run = Math.floor(t / period);
      start = run * period;
    } else {
      // Run lengths grow geometrically, so this loop runs about log(t / period) times.
      while (t >= start + length) {
        start += length;
        length *= periodMult;
        run += 1;
      }
    }
    const peak = initial * decay ** run;
    return final + ((peak - final) * (1 + Math.cos((Math.PI * (t - start)) / length))) / 2;
  });
}
