import { isSchedule, savableSpec } from '@etagrad/sched';
import { booksOf } from './books.js';
import { mapHyper } from './map-hyper.js';
import type { Optimizer, OptimizerState, SavedBuffers, SavedGroup } from './types.js';

/** A buffer as JSON will hold it: -0 as 0 (JSON cannot tell them apart), so a saved state equals its round trip. */
const plain = (x: number | null): number | null => (x === 0 ? 0 : x);

/**
 * The whole state of `optimizer` as plain JSON (see `OptimizerState`): every option (schedules
 * as their `spec`), buffer and count, so that {@link loadStateDict} resumes the run bit for bit.
 * A function, not a method, so that a bundle that never saves carries none of this. Throws a
 * `TypeError` naming a schedule made by `fromFunction` (it cannot be saved), and one for an
 * optimizer not made by this package. (A model saves its weights with its own
 * `model.stateDict()`.)
 *
 * @param optimizer - an optimizer of this package (`SGD`, `Adam`, ... or a subclass of `OptimizerBase`)
 * @example
 * import { Adam, stateDict } from '@etagrad/optim';
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * // ... train ...
 * const saved = JSON.stringify(stateDict(opt));
 */
export function stateDict(optimizer: Optimizer): OptimizerState {
  const { definition, groups, named, counts } = booksOf('stateDict', optimizer);
  const owner = `${definition.name}.stateDict`;
  const slots = groups.flatMap((group) => group.slots);
  const saved = ({ buffers, gradSum }: (typeof slots)[number]): SavedBuffers => {
    const out: Record<string, number | null> = {};
    for (const [key, x] of Object.entries(buffers)) out[key] = plain(x);
    if (counts.accumulate > 1) out['gradSum'] = plain(gradSum);
    return out;
  };
  return {
    version: 1,
    optimizer: definition.name,
    ...counts,
    groups: groups.map(
      (group): SavedGroup => ({
        params: named ? group.slots.map((slot) => slot.name ?? '') : group.slots.length,
        // A schedule made by fromFunction cannot be saved: savableSpec refuses it, naming it.
        hyper: mapHyper(group.raw, (x) => (isSchedule(x) ? savableSpec(owner, x) : x)) as SavedGroup['hyper'],
      }),
    ),
    buffers: named ? Object.fromEntries(slots.map((slot) => [slot.name ?? '', saved(slot)])) : slots.map(saved),
  };
}
