import { checkOptions, nonNegative, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How linear is read from a spec, written and rebuilt. */
export const linearKind = addKind<LinearOptions>({
  kind: 'linear',
  options: ['from', 'to', 'steps'],
  build: linear,
});

/** Options of {@link linear}. */
export interface LinearOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly from: number;
  /** The learning rate at and after `steps` (finite, >= 0). */
  readonly to: number;
  /** Steps to go from `from` to `to` (a positive integer). */
  readonly steps: number;
}

/**
 * A straight line from `from` to `to` over `steps` steps, then constant (PyTorch's LinearLR
 * written with learning rates rather than factors; optax's linear_schedule):
 *
 *     lr(t) = from + (to - from) * t / steps,   t < steps
 *     lr(t) = to,                                t >= steps
 *
 * @param options - `from`, `to` and `steps`
 * @example
 * const lr = linear({ from: 0.1, to: 0.01, steps: 90 });
 * lr(45); // 0.055
 */
export function linear(options: LinearOptions): Schedule {
  checkOptions('linear', options, linearKind.options);
  const from = nonNegative('linear', 'from', options.from);
  const to = nonNegative('linear', 'to', options.to);
  const steps = positiveInteger('linear', 'steps', options.steps);
  return makeSchedule({ kind: 'linear', from, to, steps }, (t) =>
    t >= steps ? to : from + ((to - from) * t) / steps,
  );
}
