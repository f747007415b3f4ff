import type { Schedule } from '@etagrad/sched';
import { scheduleEnd } from './schedule-end.js';

/** The updates a run makes: epochs of `perEpoch` updates each; this call runs updates `first` to `total - 1`. */
export interface Updates {
  readonly epochs: number;
  readonly perEpoch: number;
  /** The first update this call makes (0, or the updates already in a resumed checkpoint). */
  readonly first: number;
  /** Updates in the whole run: `epochs * perEpoch`. */
  readonly total: number;
}

/** More updates than this are judged from this many evenly spread ones. */
const MAX_SAMPLES = 100_000;
/** The share of updates at a zero (or ended) rate that is worth a warning. */
const TOLERATED = 0.1;

/**
 * A warning when a schedule does not fit the run: for more than a tenth of the updates still to
 * make, the rate is 0 or the schedule has ended (see `scheduleEnd`), as when a cosine's `steps`
 * counts epochs while the run counts updates. The text says how many updates the run makes: the
 * number a `steps:` field needs. `null` when the schedule fits.
 *
 * @param lr - the schedule, read at the optimizer's step numbers (update `first` is `lr(first)`)
 * @param updates - the run's length
 * @example
 * scheduleFitWarning(cosine({ initial: 0.5, steps: 40 }), { epochs: 40, perEpoch: 10, first: 0, total: 400 });
 * // 'for 360 of the 400 updates to run (90%) the learning rate is 0 or its schedule has ended (at update 40); ...'
 */
export function scheduleFitWarning(lr: Schedule, updates: Updates): string | null {
  const { first, total } = updates;
  const count = total - first;
  if (count <= 0) return null;
  const end = scheduleEnd(lr);
  const samples = Math.min(count, MAX_SAMPLES);
  let idle = 0;
  for (let i = 0; i < samples; i++) {
    const t = first + Math.floor((i * count) / samples);
    if ((end !== undefined && t >= end) || lr(t) === 0) idle += 1;
  }
  const share = idle / samples;
  if (share <= TOLERATED) return null;
  const shown = samples === count ? String(idle) : `about ${Math.round(share * count)}`;
  const ended = end !== undefined && end < total ? ` (at update ${end})` : '';
  return (
    `for ${shown} of the ${count} updates to run (${Math.round(share * 100)}%) the learning rate is 0 or its ` +
    `schedule has ended${ended}; this run makes ${updates.epochs} epochs × ${updates.perEpoch} updates = ` +
    `${total} updates, the number a schedule's steps: needs`
  );
}
