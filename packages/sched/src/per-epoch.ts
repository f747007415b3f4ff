import { checkSchedule, positiveInteger } from './check.js';
import { makeSchedule } from './define-schedule.js';
import { addInnerKind } from './kinds.js';
import type { Schedule } from './types.js';

/** How perEpoch is read from a spec, written and rebuilt. */
export const perEpochKind = addInnerKind('perEpoch', 'stepsPerEpoch', perEpoch);

/**
 * A schedule written in epochs, read in steps: it moves once per epoch of `stepsPerEpoch`
 * optimizer steps (a positive integer), as when PyTorch's `scheduler.step()` is called once per
 * epoch:
 *
 *     lr(t) = inner(floor(t / stepsPerEpoch))
 *
 * @param inner - a schedule of the epoch
 * @param stepsPerEpoch - optimizer steps in one epoch (a positive integer)
 * @example
 * const lr = perEpoch(stepDecay({ initial: 0.1, every: 30 }), 50); // halve every 30 epochs
 * lr(1499); lr(1500); // 0.1, 0.05
 */
export function perEpoch(inner: Schedule, stepsPerEpoch: number): Schedule {
  checkSchedule('perEpoch', 'inner', inner);
  const n = positiveInteger('perEpoch', 'stepsPerEpoch', stepsPerEpoch);
  return makeSchedule({ kind: 'perEpoch', inner: inner.spec, stepsPerEpoch: n }, (t) => inner(Math.floor(t / n)));
}
