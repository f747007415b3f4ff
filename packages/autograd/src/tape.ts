import { shared } from './shared.js';
import type { Value } from './value.js';

/**
 * The tape: every node made while recording, in creation order (a topological order, since an
 * op's operands exist before it), so that `backward` walks it backwards instead of listing the
 * graph first. A node's `id` is its position counted from the first node ever taped; `tape[0]`
 * has id `base`. `backward` empties the tape when it ends, and so does a tape reaching
 * {@link TAPE_CAPACITY} nodes, so that it keeps at most one step's graph alive; a node no longer
 * on it (`id < base`) is reached by a depth-first walk instead. Every copy of the package loaded
 * in the program shares this one tape (see shared.ts).
 */
export const tape: Value[] = shared.nodes;

/** Nodes the tape holds at most (about 100 MB of graph): past it, it starts again. */
export const TAPE_CAPACITY = 1 << 20;

/** The id of `tape[0]`: a node with `0 <= id < base()` is off the tape. */
export const base = (): number => shared.first;

/** Appends `node` and returns its id. */
export function taped(node: Value): number {
  if (tape.length === TAPE_CAPACITY) clearTape();
  tape.push(node);
  return shared.first + tape.length - 1;
}

/** Drops every node from the tape (they stay valid: a later pass walks them depth-first). */
export function clearTape(): void {
  shared.first += tape.length;
  tape.length = 0;
}
