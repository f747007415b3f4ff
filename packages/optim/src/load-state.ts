import { booksOf } from './books.js';
import { readState } from './read-state.js';
import type { Optimizer } from './types.js';

/**
 * Restore into `optimizer` a state made by {@link stateDict} (also after a JSON round trip):
 * every option, schedule, buffer and count, so the run continues bit for bit. Refuses a state for
 * another optimizer, another group layout, other parameter names or counts, another
 * `accumulate`, with a missing or invalid value or an unknown key (at any level, the nearest known
 * key suggested), or with a buffer outside the domain its definition declares (`bufferRules`: a
 * negative second moment, ...), naming what differs and where; then nothing has changed. A schedule in the state is rebuilt from its spec by the kinds this program has loaded
 * (`fromLoadedSpec`): import the schedule's function, or register your kind, before restoring. A
 * function, not a method, so that a bundle that never restores carries none of this. (A model
 * loads its weights with its own `model.loadStateDict(state)`.)
 *
 * @param optimizer - an optimizer of this package (`SGD`, `Adam`, ... or a subclass of
 *   `OptimizerBase`), built as the one that was saved (same parameters, groups and `accumulate`)
 * @param state - a state from `stateDict(optimizer)`, also after a JSON round trip
 * @example
 * import { Adam, loadStateDict } from '@etagrad/optim';
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * loadStateDict(opt, JSON.parse(saved)); // saved = JSON.stringify(stateDict(before))
 */
export function loadStateDict(optimizer: Optimizer, state: unknown): void {
  const books = booksOf('loadStateDict', optimizer);
  const { groups, ...counts } = readState(books, state);
  // readState checked the counts: one loaded group per group, one entry per parameter.
  books.groups.forEach((group, i) => {
    const { options, buffers } = groups[i]!;
    Object.assign(group, options);
    group.slots.forEach((slot, j) => Object.assign(slot, buffers[j]));
  });
  Object.assign(books.counts, counts);
}
