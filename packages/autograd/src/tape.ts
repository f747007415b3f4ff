import { shared } from './shared.js';
import type { Value } from './value.js';

/**
 * The tape: every node made while recording, in creation order (a topological order, since an
 * op's operands exist before it), so that `backward` walks it backwards instead of listing the
 * graph first. A node's `tag` holds its op code in the low {@link OP_BITS} bits and, above them,
 * where it is: its position on the tape (>= 0), or a state below 0 once it is off the tape.
 * `backward` empties the tape when it ends, and so does a tape reaching {@link TAPE_CAPACITY}
 * nodes (except while `compile` traces), so that it keeps at most one step's graph alive; a node
 * no longer on it is reached by a depth-first walk instead. Every copy of the package loaded in
 * the program shares this one tape (see shared.ts).
 */
export const tape: Value[] = shared.nodes;

/** Nodes the tape holds at most (about 100 MB of graph) outside a trace: past it, it starts again. */
export const TAPE_CAPACITY = 1 << 20;

/** Bits of a tag that hold the op code (24 ops fit in 5). */
export const OP_BITS = 5;
export const OP_MASK = (1 << OP_BITS) - 1;

/** Where a node off the tape is at rest (any pass leaves it so). */
export const OFF = -1;
/** Positions stay below this, even in a trace (whose graph would take gigabytes first), so that tags stay small integers. */
const POSITIONS = 1 << 25;

/** Where every leaf is: above any tape position, so that `tag < 0` alone tells an op node off the tape. */
export const LEAF_TAG = POSITIONS << OP_BITS;

/** Appends `node` (made by `op`) and returns its tag. */
export function taped(node: Value, op: number): number {
  if (tape.length >= TAPE_CAPACITY && (shared.tracing === 0 || tape.length === POSITIONS - 1)) clearTape();
  return ((tape.push(node) - 1) << OP_BITS) | op;
}

/** Drops every node from the tape, marking each off it (they stay valid: a later pass walks them depth-first). */
export function clearTape(): void {
  for (let i = 0; i < tape.length; i++) {
    const node = tape[i] as Value; // i < tape.length
    node.tag = (OFF << OP_BITS) | (node.tag & OP_MASK);
  }
  tape.length = 0;
}
