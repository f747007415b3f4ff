import { checkOptions, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How cosine is read from a spec, written and rebuilt. */
export const cosineKind = addKind<CosineOptions>({
  kind: 'cosine',
  options: ['initial', 'steps', 'final'],
  defaults: { final: 0 },
  build: cosine,
});

/** Options of {@link cosine}. */
export interface CosineOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** Steps to reach `final` (a positive integer); held after. */
  readonly steps: number;
  /** The learning rate at and after `steps` (finite, >= 0). Default 0. */
  readonly final?: number;
}

/**
 * Cosine decay from `initial` to `final` (default 0) over `steps` optimizer steps, then
 * constant; PyTorch's CosineAnnealingLR for one half-period (`final` is its `eta_min`):
 *
 *     lr(t) = final + (initial - final) * (1 + cos(pi * t / steps)) / 2,   t < steps
 *     lr(t) = final,                                                      t >= steps
 *
 * @param options - `initial` and `steps`, and optionally `final`
 * @example
 * const lr = cosine({ initial: 0.1, steps: 900 });
 * lr(0); lr(450); lr(900); // 0.1, 0.05, 0
 */
export function cosine(options: CosineOptions): Schedule {
  const kind = 'cosine';
  checkOptions(kind, options, cosineKind.options);
  const initial = nonNegative(kind, 'initial', options.initial);
  const steps = positiveInteger(kind, 'steps', options.steps);
  const final = nonNegative(kind, 'final', options.final ?? 0);
  return makeSchedule({ kind, initial, steps, final }, (t) =>
    t >= steps ? final : final + ((initial - final) * (1 + Math.cos((Math.PI * t) / steps))) / 2,
  );
}
