import { checkOptions, checkSchedule, positiveInteger, nonNegativeInteger } from './check.js';
import type { Schedule } from './types.js';

/** Options of {@link sample}. */
export interface SampleOptions {
  /** The last step that may be sampled (an integer >= 0). */
  readonly steps: number;
  /** The distance between two samples (a positive integer). Default 1. */
  readonly every?: number;
}

/**
 * A schedule's values at `t = 0, every, 2 every, ...` up to and including `steps` (so
 * `floor(steps / every) + 1` values; `steps` itself is included when it is a multiple of `every`).
 *
 * @param schedule - the schedule to read
 * @param options - `steps`, and optionally `every`
 * @example
 * sample(linear({ from: 1, to: 0, steps: 4 }), { steps: 4 }); // Float64Array [1, 0.75, 0.5, 0.25, 0]
 */
export function sample(schedule: Schedule, options: SampleOptions): Float64Array {
  checkSchedule('sample', 'schedule', schedule);
  checkOptions('sample', options, ['steps', 'every']);
  const steps = nonNegativeInteger('sample', 'steps', options.steps);
  const every = positiveInteger('sample', 'every', options.every ?? 1);
  const values = new Float64Array(Math.floor(steps / every) + 1);
  for (let i = 0; i < values.length; i++) values[i] = schedule(i * every);
  return values;
}
