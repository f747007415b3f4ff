import { checkOptions, increasingSteps, inRange, nonNegative } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How multiStep is read from a spec, written and rebuilt. */
export const multiStepKind = addKind<MultiStepOptions>({
  kind: 'multiStep',
  options: ['initial', 'milestones', 'factor'],
  defaults: { factor: 0.1 },
  build: multiStep,
});

/** Options of {@link multiStep}. */
export interface MultiStepOptions {
  /** The learning rate at step 0 (finite, >= 0). */
  readonly initial: number;
  /** The steps at which the rate is cut: strictly increasing positive integers. */
  readonly milestones: readonly number[];
  /** What each cut multiplies the rate by, in (0, 1]. Default 0.1. */
  readonly factor?: number;
}

/**
 * Multi-step decay: the rate is multiplied by `factor` at each milestone (PyTorch's MultiStepLR;
 * `factor` is its `gamma`). The cut applies from the milestone step itself:
 *
 *     lr(t) = initial * factor^(number of milestones m with m <= t)
 *
 * @param options - `initial` and `milestones`, and optionally `factor`
 * @example
 * const lr = multiStep({ initial: 0.1, milestones: [30, 80] });
 * lr(29); lr(30); lr(80); // 0.1, 0.01, 0.001 (up to rounding)
 */
export function multiStep(options: MultiStepOptions): Schedule {
  checkOptions('multiStep', options, multiStepKind.options);
  const initial = nonNegative('multiStep', 'initial', options.initial);
  const milestones = increasingSteps('multiStep', 'milestones', options.milestones);
  const factor = inRange('multiStep', 'factor', options.factor ?? 0.1, 'in (0, 1]', (f) => f > 0 && f <= 1);
  return makeSchedule({ kind: 'multiStep', initial, milestones, factor }, (t) => {
    let passed = 0;
    for (const m of milestones) if (m <= t) passed += 1;
    return initial * factor ** passed;
  });
}
