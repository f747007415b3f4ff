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
export const tape: readonly (Value | undefined)[] = shared.nodes;

/** How many nodes the tape holds: `tape[0]` to `tape[tapeSize() - 1]` (the slots after are empty). */
export const tapeSize = (): number => shared.size;

/** Nodes the tape holds at most (about 100 MB of graph) outside a trace: past it, it starts again. */
export const TAPE_CAPACITY = 1 << 20;

/** Bits of a tag that hold the op code (24 ops fit in 5). */
export const OP_BITS = 5;
export const OP_MASK = (1 << OP_BITS) - 1;

/** Where a node off the tape is at rest (any pass leaves it so). */
export const OFF = -1;
/**
 * Positions stay below this, even in a trace (whose graph would take gigabytes first), so that
 * every tag, the leaves' included, stays below 2^30: a small integer (Smi) in every V8, browsers'
 * pointer-compressed heaps too (2^30 itself would be stored as a boxed number there).
 */
export const POSITIONS = 1 << 24;

/** Where every leaf is: above any tape position, so that `tag < 0` alone tells an op node off the tape. */
export const LEAF_TAG = POSITIONS << OP_BITS;

/** Appends `node` (made by `op`) and returns its tag. */
export function taped(node: Value, op: number): number {
  if (shared.size >= (shared.tracing === 0 ? TAPE_CAPACITY : POSITIONS - 1)) clearTape();
  const at = shared.size++;
  shared.nodes[at] = node;
  return (at << OP_BITS) | op;
}

/**
 * Drops every node from the tape, marking each off it (they stay valid: a later pass walks them
 * depth-first). The array keeps its storage, so that the next step's graph does not grow it again
 * (3-6% of an eager moons100 step), unless a trace made it larger than the tape's capacity.
 */
export function clearTape(): void {
  const nodes = shared.nodes;
  for (let i = 0; i < shared.size; i++) {
    const node = nodes[i] as Value; // i < size
    node.tag = (OFF << OP_BITS) | (node.tag & OP_MASK);
    nodes[i] = undefined; // keeps no graph alive
  }
  if (nodes.length > TAPE_CAPACITY) nodes.length = 0;
  shared.size = 0;
}
