import { backwardScalar, skipsZero } from './kernels.js';
import * as Op from './op-codes.js';
import { opName, type Operand, type Partials } from './op.js';
import { clearTape, OFF, OP_BITS, OP_MASK, tape } from './tape.js';
import type { Value } from './value.js';

// States of a node off the tape during a depth-first pass, kept in its tag above the op code
// (tape.ts); OFF, at rest, is where every pass leaves them.
const OPEN = -2;
const DONE = -3;
/** Reached from the tape: its gradient so far is kept when the depth-first pass lists it. */
const FRONTIER = -4;

/** A node's tape position (>= 0), or its state off the tape. */
const where = (node: Value): number => node.tag >> OP_BITS;

const move = (node: Value, to: number): void => {
  node.tag = (to << OP_BITS) | (node.tag & OP_MASK);
};

// Buffers shared by every pass (JavaScript runs one at a time), emptied at its end so that
// they keep no graph alive.
const frontier: Value[] = [];
const order: Value[] = [];
const stack: Value[] = [];
const partials: Partials = { a: 0, b: 0 };

/**
 * The reverse pass from `root` (see `Value#backward`). The tape is walked from `root` down, in
 * reverse creation order (a topological order): every node on it was made since the last pass,
 * so its gradient started at 0 and holds, when its turn comes, all that the nodes above it handed
 * down. A node whose gradient is exactly 0 is skipped where that changes no bit (kernels.ts's
 * `skipsZero`: an inactive relu's whole subgraph, or a node `root` does not reach); for the few
 * ops whose zero gradient may still hand down NaN, whether `root` reaches the node decides.
 * Nodes already off the tape (made before the tape was last emptied) are listed by an iterative
 * depth-first walk, children before parents, and visited after. Each node hands its gradient to
 * its operands by its op's rule.
 */
export function backward(root: Value, checkFinite: boolean): void {
  try {
    if (root.op === Op.Leaf) {
      root.grad += 1;
      if (checkFinite) checkGrad(root, root);
      return;
    }
    const top = where(root);
    if (top >= 0) {
      root.grad = 1;
      walk(tape, top, true, checkFinite);
    } else {
      toFrontier(root);
      root.grad += 1;
    }
    if (frontier.length > 0) {
      for (const node of frontier) collect(node);
      walk(order, order.length - 1, false, checkFinite);
    }
  } finally {
    // (the stack is empty: collect ends with it so, and nothing throws inside it)
    for (const nodes of [frontier, order]) {
      for (const node of nodes) move(node, OFF);
      nodes.length = 0;
    }
    clearTape();
  }
}

/**
 * Visits `nodes[top]` down to `nodes[0]`, a topological order: the tape (`onTape`), or the nodes
 * off it as `collect` listed them (all reached, gradients reset).
 */
function walk(nodes: readonly (Value | undefined)[], top: number, onTape: boolean, checkFinite: boolean): void {
  let reached: Uint8Array | null = null;
  for (let i = top; i >= 0; i--) {
    const node = nodes[i] as Value; // i <= top: on the tape, or in order
    const grad = node.grad;
    if (grad === 0 && (skipsZero(node.tag & OP_MASK, node.data) || (onTape && (reached ??= reachedFrom(top))[i] === 0))) {
      continue;
    }
    if (checkFinite) checkGrad(node, node);
    propagate(node, grad, onTape);
    if (checkFinite) {
      forOperands(node, (x) => {
        if (x.op === Op.Leaf) checkGrad(x, node);
      });
    }
  }
}

/** Calls `visit` with each Value among `node`'s operands. */
function forOperands(node: Value, visit: (x: Value) => void): void {
  for (const slot of [node.a, node.b]) {
    if (Array.isArray(slot)) {
      for (const x of slot as readonly Operand[]) if (typeof x !== 'number') visit(x);
    } else if (slot !== null && typeof slot !== 'number') {
      visit(slot as Value);
    }
  }
}

/** Which tape positions up to `top` the node there reaches (1) or not (0): listed only when a pass needs it. */
function reachedFrom(top: number): Uint8Array {
  const reached = new Uint8Array(top + 1);
  reached[top] = 1;
  for (let i = top; i >= 0; i--) {
    if (reached[i] === 1) {
      forOperands(tape[i] as Value, (x) => {
        const at = where(x);
        if (at >= 0 && at < top) reached[at] = 1; // a leaf is above every position
      });
    }
  }
  return reached;
}

/** Marks `x`, an op node off the tape, reached from the tape: its gradient starts from 0 here. */
function toFrontier(x: Value): void {
  if (where(x) === FRONTIER) return;
  move(x, FRONTIER);
  x.grad = 0;
  frontier.push(x);
}

const isNew = (node: Value): boolean => where(node) !== OPEN && where(node) !== DONE;

/** Appends to `order` the nodes under `root` (off the tape), each after all of its operands. */
function collect(root: Value): void {
  if (!isNew(root)) return;
  stack.push(root);
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as Value; // the stack is not empty
    if (isNew(node)) {
      if (where(node) !== FRONTIER) node.grad = 0;
      move(node, OPEN);
      forOperands(node, pushNew);
    } else {
      stack.pop();
      // a node pushed twice is Done when its second entry comes up
      if (where(node) === OPEN) {
        move(node, DONE);
        order.push(node);
      }
    }
  }
}

const pushNew = (x: Value): void => {
  if (x.op !== Op.Leaf && isNew(x)) stack.push(x);
};

/**
 * Hands `grad`, the node's gradient, to its operands by its op's rule; `onTape`, an operand off
 * the tape joins the frontier first (`tag < 0`: a leaf's tag is above every position). The scalar
 * rules come from the switch of kernels.ts; the n-ary rules are those of `rules` (rules.ts), written
 * out here (test/kernels.test.ts proves them equal).
 */
function propagate(node: Value, grad: number, onTape: boolean): void {
  const op = node.tag & OP_MASK;
  switch (op) {
    case Op.Sum:
      spread(node.a as readonly Operand[], grad, onTape);
      return;
    case Op.Mean: {
      const xs = node.a as readonly Operand[];
      spread(xs, grad / xs.length, onTape);
      return;
    }
    case Op.Dot:
      dotBackward(grad, node.a as readonly Operand[], node.b as readonly Operand[], onTape);
      return;
    case Op.LogSumExp: {
      const xs = node.a as readonly Operand[];
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i] as Operand; // i < xs.length
        if (typeof x === 'number') continue;
        if (onTape && x.tag < 0) toFrontier(x);
        x.grad += grad * Math.exp(x.data - node.data);
      }
      return;
    }
    default: {
      // a scalar op's `a` is a Value and its `b` a Value or a number (operand or parameter)
      const a = node.a as Value;
      const b = node.b as Operand;
      // `+b`, a no-op on a number, keeps it unboxed (see dot in n-ary.ts)
      backwardScalar(partials, op, node.data, a.data, typeof b === 'number' ? +b : b.data);
      if (onTape && a.tag < 0) toFrontier(a);
      a.grad += grad * partials.a;
      if (typeof b !== 'number') {
        if (onTape && b.tag < 0) toFrontier(b);
        b.grad += grad * partials.b;
      }
    }
  }
}

/** Sum's and mean's rule: adds `grad` to every Value in `xs`. */
function spread(xs: readonly Operand[], grad: number, onTape: boolean): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as Operand; // i < xs.length
    if (typeof x === 'number') continue;
    if (onTape && x.tag < 0) toFrontier(x);
    x.grad += grad;
  }
}

/** Dot's rule: `∂w_i = x_i`, `∂x_i = w_i` (w's share first; `+x`: see dot in n-ary.ts). */
function dotBackward(grad: number, ws: readonly Operand[], xs: readonly Operand[], onTape: boolean): void {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Operand; // i < ws.length = xs.length
    const x = xs[i] as Operand;
    if (typeof w !== 'number') {
      if (onTape && w.tag < 0) toFrontier(w);
      w.grad += grad * (typeof x === 'number' ? +x : x.data);
    }
    if (typeof x !== 'number') {
      if (onTape && x.tag < 0) toFrontier(x);
      x.grad += grad * (typeof w === 'number' ? +w : w.data);
    }
  }
}

/**
 * Refuses a non-finite gradient at `node`, naming its op, and the node it was handed down from
 * when that is another (`from`: a leaf's gradient is checked by the node above it).
 */
function checkGrad(node: Value, from: Value): void {
  if (Number.isFinite(node.grad)) return;
  const source = from === node ? '' : `, reached from a '${opName(from.op)}' node whose data is ${from.data}`;
  throw new RangeError(
    `backward: the gradient at a '${opName(node.op)}' node must be finite, got ${node.grad} (its data is ${node.data}${source})`,
  );
}
