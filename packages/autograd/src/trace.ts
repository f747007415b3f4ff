import { skipsZeroIfFinite } from './kernels.js';
import { Op, type Operand } from './op.js';
import { rules } from './rules.js';
import { OP_BITS } from './tape.js';
import { isValue, type Value } from './value.js';

/**
 * A graph flattened into arrays, for replay (replay.ts). Every number the graph reads or makes
 * has a slot: the inputs first (0 … inputs - 1), then the other leaves and the constants in the
 * order the nodes first use them, then one slot per op node in creation order (node `i` writes
 * slot `firstNode + i`). Two traces of the same program give the same arrays, leaf for leaf.
 */
export interface Trace {
  /** The op nodes, in creation order (the order eager `backward` visits them in reverse). */
  readonly nodes: readonly Value[];
  /** Leaves other than the inputs, by slot: a model's parameters (`data` read, `grad` kept). */
  readonly leaves: readonly Value[];
  readonly leafSlots: Int32Array;
  /** The number held by every constant slot (NaN elsewhere). */
  readonly constants: Float64Array;
  readonly slots: number;
  readonly firstNode: number;
  /** Per node: op code; `a`, `b` slots (scalar ops), or offset into `args` and element count (n-ary). */
  readonly code: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** The operand slots of n-ary nodes, one after the other (`dot`: w, x, w, x, …). */
  readonly args: Int32Array;
  /** Per slot: 1 when a gradient must reach it (a parameter, or a node over one). */
  readonly needsGrad: Uint8Array;
  /** Per node: 1 when the first output (the loss) reaches it and it is over a parameter, so backward visits it. */
  readonly underLoss: Uint8Array;
  /** Per node: 1 when an output reaches it and it is over a parameter (backward from given output gradients visits it). */
  readonly underOutputs: Uint8Array;
  /** Per dot node: {@link ALL_W} when every w needs a gradient and no x does, {@link ALL} when all do, else 0. */
  readonly dotGrads: Uint8Array;
  /**
   * Per dot node: 1 when its w slots and its x slots each step by a constant (a layer's weights
   * sit side by side, its inputs every few slots), which `dotSteps` then holds at `4i` as first
   * w, w step, first x, x step: the replay reads no `args` for it.
   */
  readonly strided: Uint8Array;
  readonly dotSteps: Int32Array;
  /**
   * Per strided dot node: how many of the nodes right after it make a neuron with it, which the
   * forward replay computes in one go: 1 for `dot(...).add(b)`, 2 for `dot(...).add(b).relu()`.
   */
  readonly neuron: Uint8Array;
  /**
   * Per node `i`: the first node of the run of nodes just below it that only nodes up to `i` use
   * (and that are not outputs), when every op in that run skips a zero gradient given finite
   * numbers; `i` itself when there is no such run. Once backward skips node `i` for a zero
   * gradient, no node of the run can receive anything but zeros, so, the numbers being finite,
   * it goes on below the run at once (a sample whose hinge is inactive, skipped in one step).
   */
  readonly skipTo: Int32Array;
  /** Slots of the outputs. */
  readonly outputs: Int32Array;
}

export const ALL_W = 1;
export const ALL = 2;

/** Why a graph cannot be traced, for the caller to put in its error. */
export class TraceError extends Error {}

/**
 * Flattens the graph under `outputs` whose input leaves are `inputs`. Every op node must have
 * been made after `since` (a tape id: made by this build); a node older than that is refused.
 */
export function flatten(inputs: readonly Value[], outputs: readonly Value[], since: number): Trace {
  const nodes = listNodes(outputs, since);
  const slot = new Map<Value, number>();
  inputs.forEach((x, i) => slot.set(x, i));
  const leaves: Value[] = [];
  const leafSlotList: number[] = [];
  const constantList: [number, number][] = [];
  let slots = inputs.length;
  const operandSlot = (x: Operand): number => {
    if (typeof x === 'number') {
      constantList.push([slots, x]);
      return slots++;
    }
    let s = slot.get(x);
    if (s === undefined) {
      s = slots++;
      slot.set(x, s);
      // every node is listed before its users, so an unknown Value here is a leaf
      leaves.push(x);
      leafSlotList.push(s);
    }
    return s;
  };
  const code = new Uint8Array(nodes.length);
  const a = new Int32Array(nodes.length);
  const b = new Int32Array(nodes.length);
  const args: number[] = [];
  // the leaves and constants get their slots in the order the nodes use them
  nodes.forEach((node, i) => {
    code[i] = node.op;
    const rule = rules[node.op];
    if (rule.kind === 'scalar') {
      a[i] = operandSlot(node.a as Value);
      b[i] = operandSlot(node.b as Operand);
    } else {
      const xs = node.a as readonly Operand[];
      const ys = node.b as readonly Operand[];
      a[i] = args.length;
      b[i] = xs.length;
      for (let k = 0; k < xs.length; k++) {
        args.push(operandSlot(xs[k] as Operand));
        if (node.op === Op.Dot) args.push(operandSlot(ys[k] as Operand));
      }
    }
    slot.set(node, -1 - i); // a node's slot is known only once the leaves are counted
  });
  // an output may be a leaf that no node uses (a parameter returned as it is)
  for (const v of outputs) if (v.op === Op.Leaf) operandSlot(v);
  const firstNode = slots;
  const resolve = (s: number): number => (s < 0 ? firstNode + (-1 - s) : s);
  for (let i = 0; i < nodes.length; i++) {
    if (rules[code[i] as Op].kind === 'scalar') {
      a[i] = resolve(a[i] as number);
      b[i] = resolve(b[i] as number);
    }
  }
  const argArray = Int32Array.from(args, resolve);
  const total = firstNode + nodes.length;
  const constants = new Float64Array(total).fill(Number.NaN);
  for (const [s, x] of constantList) constants[s] = x;
  const trace = {
    nodes,
    leaves,
    leafSlots: Int32Array.from(leafSlotList),
    constants,
    slots: total,
    firstNode,
    code,
    a,
    b,
    args: argArray,
    needsGrad: new Uint8Array(total),
    underLoss: new Uint8Array(nodes.length),
    underOutputs: new Uint8Array(nodes.length),
    dotGrads: new Uint8Array(nodes.length),
    strided: new Uint8Array(nodes.length),
    dotSteps: new Int32Array(4 * nodes.length),
    neuron: new Uint8Array(nodes.length),
    skipTo: new Int32Array(nodes.length),
    outputs: Int32Array.from(outputs, (v) => resolve(slot.get(v) as number)),
  };
  markGradients(trace);
  markStrides(trace);
  markRuns(trace);
  return trace;
}

/** A node's position on the tape, or a number below 0 when it is off it (see tape.ts). */
const position = (v: Value): number => v.tag >> OP_BITS;

/** The op nodes under `outputs`, sorted by creation (tape position); refuses one made before `since`. */
function listNodes(outputs: readonly Value[], since: number): Value[] {
  const seen = new Set<Value>();
  const nodes: Value[] = [];
  const stack: Value[] = [...outputs];
  while (stack.length > 0) {
    const v = stack.pop() as Value;
    if (seen.has(v) || v.op === Op.Leaf) continue;
    seen.add(v);
    if (position(v) < since) {
      throw new TraceError(
        `it reaches a '${rules[v.op].name}' node made before build was called (make every op inside build, or detach the value)`,
      );
    }
    nodes.push(v);
    for (const slot of [v.a, v.b]) {
      if (Array.isArray(slot)) for (const x of slot as readonly Operand[]) if (isValue(x)) stack.push(x);
      if (isValue(slot)) stack.push(slot);
    }
  }
  return nodes.sort((x, y) => position(x) - position(y));
}

/** Calls `visit` with each operand slot of node `i`. */
function operands(t: Trace, i: number, visit: (s: number) => void): void {
  if (rules[t.code[i] as Op].kind === 'scalar') {
    visit(t.a[i] as number);
    visit(t.b[i] as number);
  } else {
    const count = (t.b[i] as number) * (t.code[i] === Op.Dot ? 2 : 1);
    for (let k = 0; k < count; k++) visit(t.args[(t.a[i] as number) + k] as number);
  }
}

/** Fills `needsGrad` (parameters, and nodes over one), `dotGrads`, `underLoss` and `underOutputs`. */
function markGradients(t: Trace): void {
  for (const s of t.leafSlots) t.needsGrad[s] = 1;
  for (let i = 0; i < t.nodes.length; i++) {
    operands(t, i, (s) => {
      if (t.needsGrad[s] === 1) t.needsGrad[t.firstNode + i] = 1;
    });
  }
  for (let i = 0; i < t.nodes.length; i++) {
    if (t.code[i] !== Op.Dot) continue;
    let ws = 0;
    let xs = 0;
    for (let k = t.a[i] as number; k < (t.a[i] as number) + 2 * (t.b[i] as number); k += 2) {
      ws += t.needsGrad[t.args[k] as number] as number;
      xs += t.needsGrad[t.args[k + 1] as number] as number;
    }
    const n = t.b[i] as number;
    t.dotGrads[i] = ws === n && xs === 0 ? ALL_W : ws === n && xs === n ? ALL : 0;
  }
  const under = (mask: Uint8Array, roots: ArrayLike<number>): void => {
    for (let k = 0; k < roots.length; k++) if ((roots[k] as number) >= t.firstNode) mask[(roots[k] as number) - t.firstNode] = 1;
    for (let i = t.nodes.length - 1; i >= 0; i--) {
      if (mask[i] === 0) continue;
      operands(t, i, (s) => {
        if (s >= t.firstNode) mask[s - t.firstNode] = 1;
      });
    }
  };
  under(t.underLoss, t.outputs.subarray(0, 1));
  under(t.underOutputs, t.outputs);
  // backward visits only the nodes over a parameter among those
  for (let i = 0; i < t.nodes.length; i++) {
    t.underLoss[i] = (t.underLoss[i] as number) & (t.needsGrad[t.firstNode + i] as number);
    t.underOutputs[i] = (t.underOutputs[i] as number) & (t.needsGrad[t.firstNode + i] as number);
  }
}

/** Fills `strided`, `dotSteps` and `neuron` for the dot nodes whose operand slots step by a constant. */
function markStrides(t: Trace): void {
  for (let i = 0; i < t.nodes.length; i++) {
    if (t.code[i] !== Op.Dot) continue;
    const first = t.a[i] as number;
    const n = t.b[i] as number;
    const w0 = t.args[first] as number;
    const x0 = t.args[first + 1] as number;
    const dw = n > 1 ? (t.args[first + 2] as number) - w0 : 0;
    const dx = n > 1 ? (t.args[first + 3] as number) - x0 : 0;
    let regular = true;
    for (let k = 0; k < n && regular; k++) {
      regular = t.args[first + 2 * k] === w0 + k * dw && t.args[first + 2 * k + 1] === x0 + k * dx;
    }
    if (!regular) continue;
    t.strided[i] = 1;
    t.dotSteps.set([w0, dw, x0, dx], 4 * i);
    // the bias added to this dot's number, then maybe a relu of that sum
    if (t.code[i + 1] !== Op.Add || t.a[i + 1] !== t.firstNode + i) continue;
    t.neuron[i] = t.code[i + 2] === Op.Relu && t.a[i + 2] === t.firstNode + i + 1 ? 2 : 1;
  }
}

/** Fills `skipTo`: each node's run (see {@link Trace.skipTo}), from the last node that uses each node. */
function markRuns(t: Trace): void {
  const n = t.nodes.length;
  const lastUse = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    operands(t, i, (s) => {
      if (s >= t.firstNode) lastUse[s - t.firstNode] = i;
    });
  }
  for (const s of t.outputs) if (s >= t.firstNode) lastUse[s - t.firstNode] = n; // an output's gradient may be seeded
  for (let i = 0; i < n; i++) {
    let start = i;
    // node start - 1 joins with its own run, all of whose nodes only it (so nothing above i) uses
    while (start > 0 && (lastUse[start - 1] as number) <= i && skipsZeroIfFinite(t.code[start - 1] as number)) {
      start = t.skipTo[start - 1] as number;
    }
    t.skipTo[i] = start;
  }
}
