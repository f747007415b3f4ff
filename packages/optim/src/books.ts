// Each optimizer's books, where the functions that save and restore its state (`stateDict`,
// `loadStateDict`) find them. Those are functions, not methods, so that a bundle importing only
// an optimizer carries no save or restore code; this registry is their one way in, private to
// the package (a WeakMap: it keeps no optimizer alive).

import { mustBe, show } from './check.js';
import type { Buffers, OptimizerDefinition } from './definition.js';
import type { CommonHyper } from './hyper.js';
import type { Group } from './optimizer.js';
import type { OptimizerState } from './types.js';

/** The counts an optimizer keeps besides its groups, named (and in the order) as its state lists them. */
export type Counts = { -readonly [K in 'stepCount' | 'skippedSteps' | 'lrScale' | 'accumulated']: OptimizerState[K] } &
  Pick<OptimizerState, 'accumulate'>;

/** What an optimizer's state is made of: its definition, its groups (with their slots) and its counts. */
export interface Books<H extends CommonHyper = CommonHyper, S extends Buffers = Buffers, C = unknown> {
  readonly definition: OptimizerDefinition<H, S, C>;
  readonly groups: readonly Group<H, S, C>[];
  /** Whether the parameters were given named (then the state keys buffers by name). */
  readonly named: boolean;
  /** Mutable: the optimizer reads and writes these, and so does `loadStateDict`. */
  readonly counts: Counts;
}

/** Every optimizer's books, registered by `OptimizerBase`'s constructor. */
export const registry = new WeakMap<object, Books>();

/**
 * The books of `optimizer`, or a `TypeError` `<owner>: optimizer must be an optimizer made by
 * @etagrad/optim ...` for anything else (an optimizer of one's own that implements `Optimizer`).
 */
export function booksOf(owner: string, optimizer: unknown): Books {
  const books = typeof optimizer === 'object' && optimizer !== null ? registry.get(optimizer) : undefined;
  if (books === undefined) {
    throw mustBe(owner, 'optimizer', 'an optimizer made by @etagrad/optim (SGD, Adam, ... or a subclass of OptimizerBase)', show(optimizer));
  }
  return books;
}
