import { checkOptions, inRange, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How stepDecay is read from a spec, written and rebuilt. */
export const stepDecayKind = addKind<StepDecayOptions>({
  kind: 'stepDecay',
  options: ['initial', 'every', 'factor'],
  defaults: { factor: 0.5 },
  build: stepDecay,
});

/** Options of {@link stepDecay}. */
export interface StepDecayOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** Steps between two cuts (a positive integer). */
  readonly every: number;
  /** What each cut multiplies the rate by, in (0, 1]. Default 0.5 (halved). */
  readonly factor?: number;
}

/**
 * Step decay: the rate is cut by `factor` every `every` steps (PyTorch's StepLR, with `every`
 * as its `step_size` and `factor` as its `gamma`):
 *
 *     lr(t) = initial * factor^floor(t / every)
 *
 * @param options - `initial` and `every`, and optionally `factor`
 * @example
 * const lr = stepDecay({ initial: 0.1, every: 10 });
 * lr(9); lr(10); lr(20); // 0.1, 0.05, 0.025
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  checkOptions('stepDecay', options, stepDecayKind.options);
  const initial = nonNegative('stepDecay', 'initial', options.initial);
  const every = positiveInteger('stepDecay', 'every', options.every);
  const factor = inRange('stepDecay', 'factor', options.factor ?? 0.5, 'in (0, 1]', (f) => f > 0 && f <= 1);
  return makeSchedule({ kind: 'stepDecay', initial, every, factor }, (t) =>
    initial * factor ** Math.floor(t / every),
  );
}
