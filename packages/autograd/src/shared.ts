import type { Value } from './value.js';

/**
 * The state that every loaded copy of this package shares: the tape and the recording switch.
 * Two copies in one program (an app and a library resolving different installs) make Values that
 * meet in one graph; with a tape per copy, one copy's `backward` would read another copy's tape
 * ids as positions on its own tape and leave those nodes with a gradient of 0. Keeping one tape
 * for all copies, under a registered symbol on `globalThis`, gives every node one id and one
 * creation order, so a mixed graph backpropagates exactly as a single-copy one, and one `noGrad`
 * stops every copy recording.
 *
 * The key names the {@link LAYOUT} of a node, so that copies that could not read each other's
 * nodes never share a tape (their ops refuse each other's Values instead: see check.ts).
 */
export interface Shared {
  /** Nodes made while recording, in creation order, in `nodes[0]` to `nodes[size - 1]` (see tape.ts). */
  readonly nodes: (Value | undefined)[];
  /** How many nodes the tape holds now: the array keeps its storage from pass to pass. */
  size: number;
  /** Traces in progress (see compile.ts): while one runs, the tape is not emptied at its capacity. */
  tracing: number;
  /** Whether ops record the graph (false inside `noGrad`). */
  recording: boolean;
}

/**
 * The layout of a node (its fields, the op codes, the tape positions and walk states kept in
 * `tag`): bump it whenever that layout changes. Every Value carries it as the value of its brand
 * (see value.ts).
 */
export const LAYOUT = 3;

const key = Symbol.for(`etagrad.autograd.shared.v${LAYOUT}`);
const registry = globalThis as { [key]?: Shared };

/** This program's shared state, made by the first copy loaded. */
export const shared: Shared = (registry[key] ??= { nodes: [], size: 0, tracing: 0, recording: true });
