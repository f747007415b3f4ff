import { checkBoolean, checkOptions, nonNegative, positive, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How polynomial is read from a spec, written and rebuilt. */
export const polynomialKind = addKind<PolynomialOptions>({
  kind: 'polynomial',
  options: ['initial', 'final', 'steps', 'power', 'cycle'],
  defaults: { final: 0, power: 1, cycle: false },
  build: polynomial,
});

/** Options of {@link polynomial}. */
export interface PolynomialOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** The learning rate at `steps` (finite, >= 0). Default 0. */
  readonly final?: number;
  /** Steps to reach `final` (a positive integer). */
  readonly steps: number;
  /** How the curve bends (finite, > 0): 1 is a straight line, 2 falls fast then flattens. Default 1. */
  readonly power?: number;
  /** Restart with a longer horizon instead of holding `final`. Default false. */
  readonly cycle?: boolean;
}

/**
 * Polynomial decay (Keras' PolynomialDecay):
 *
 *     lr(t) = (initial - final) * (1 - min(t, steps) / steps)^power + final
 *
 * With `cycle`, the horizon grows to the next multiple of `steps` instead:
 * `lr(t) = (initial - final) * (1 - t / H)^power + final` with `H = steps * ceil(t / steps)`
 * (and `H = steps` at `t = 0`), so each restart jumps up and falls to `final` again.
 *
 * @param options - `initial` and `steps`, and optionally `final`, `power`, `cycle`
 * @example
 * const lr = polynomial({ initial: 0.1, steps: 100, power: 2 });
 * lr(50); lr(100); // 0.025, 0
 */
export function polynomial(options: PolynomialOptions): Schedule {
  checkOptions('polynomial', options, polynomialKind.options);
  const initial = nonNegative('polynomial', 'initial', options.initial);
  const final = nonNegative('polynomial', 'final', options.final ?? 0);
  const steps = positiveInteger('polynomial', 'steps', options.steps);
  const power = positive('polynomial', 'power', options.power ?? 1);
  const cycle = checkBoolean('polynomial', 'cycle', options.cycle ?? false);
  return makeSchedule({ kind: 'polynomial', initial, final, steps, power, cycle }, (t) => {
    const horizon = cycle ? steps * Math.max(1, Math.ceil(t / steps)) : steps;
    const done = cycle ? t / horizon : Math.min(t, steps) / steps;
    return (initial - final) * (1 - done) ** power + final;
  });
}
