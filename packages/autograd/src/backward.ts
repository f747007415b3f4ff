import { backwardScalar } from './kernels.js';
import { Op, rules, type Operand, type Partials } from './op.js';
import { base, clearTape, tape, TAPE_CAPACITY } from './tape.js';
import type { Value } from './value.js';

// States of a node off the tape, kept in its `id` during a depth-first pass (any other id is New;
// every node is New again when a pass ends). A leaf's id is always -1.
const NEW = -5;
const OPEN = -2;
const DONE = -3;
/** Reached from the tape: its gradient so far is kept when the depth-first pass lists it. */
const FRONTIER = -4;

// Buffers shared by every pass (JavaScript runs one at a time), emptied at its end so that
// they keep no graph alive.
const reached = new Uint8Array(TAPE_CAPACITY);
const frontier: Value[] = [];
const order: Value[] = [];
const stack: Value[] = [];
const partials: Partials = { a: 0, b: 0 };
let pending = 0;

/**
 * The reverse pass from `root` (see `Value#backward`). Nodes on the tape are visited in reverse
 * creation order, a topological order, skipping those `root` does not reach (a flag per tape
 * position, and a count of reached nodes still to visit, which ends the walk at the lowest one);
 * each node's `grad` is reset when it is first reached. Nodes already off the tape (made before
 * the tape was last emptied) are listed by an iterative depth-first walk, children before
 * parents, and visited after. Each node hands its gradient to its operands by its op's rule.
 */
export function backward(root: Value, checkFinite: boolean): void {
  try {
    if (root.op === Op.Leaf) {
      root.grad += 1;
      if (checkFinite) checkLeaf(root, root);
      return;
    }
    reach(root);
    root.grad += 1;
    walkTape(root, checkFinite);
    if (frontier.length > 0) walkOffTape(checkFinite);
  } finally {
    // a finished walk has cleared every flag it set; one stopped by checkFinite may not have
    if (pending > 0) reached.fill(0);
    pending = 0;
    for (const node of frontier) node.id = NEW;
    for (const node of order) node.id = NEW;
    for (const node of stack) node.id = NEW;
    frontier.length = 0;
    order.length = 0;
    stack.length = 0;
    clearTape();
  }
}

/**
 * Marks a node reached by this pass, resetting its gradient the first time: on the tape, a flag
 * at its position; off it, the FRONTIER state and a place in `frontier`. A leaf (id -1) is left
 * alone. Inlined into the accumulation loops below, where the node is being read anyway.
 */
function reach(x: Value): void {
  const id = x.id;
  const i = id - base();
  if (i >= 0) {
    if (reached[i] === 0) {
      reached[i] = 1;
      pending++;
      x.grad = 0;
    }
  } else if (id !== -1 && id !== FRONTIER) {
    x.id = FRONTIER;
    x.grad = 0;
    frontier.push(x);
  }
}

function walkTape(root: Value, checkFinite: boolean): void {
  for (let i = root.id - base(); i >= 0 && pending > 0; i--) {
    if (reached[i] === 0) continue;
    reached[i] = 0;
    pending--;
    const node = tape[i] as Value; // i < tape.length: root is on the tape
    if (checkFinite) checkNode(node);
    propagate(node, true);
    if (checkFinite) checkOperands(node);
  }
}

function walkOffTape(checkFinite: boolean): void {
  for (const node of frontier) collect(node);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as Value; // i < order.length
    if (checkFinite) checkNode(node);
    propagate(node, false);
    if (checkFinite) checkOperands(node);
  }
}

const isNew = (node: Value): boolean => node.id !== OPEN && node.id !== DONE;

/** Appends to `order` the nodes under `root` (off the tape), each after all of its operands. */
function collect(root: Value): void {
  if (!isNew(root)) return;
  stack.push(root);
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as Value; // the stack is not empty
    if (isNew(node)) {
      if (node.id !== FRONTIER) node.grad = 0;
      node.id = OPEN;
      // b before a: the stack is last in, first out, so `a`'s subgraph is listed first
      push(node.b);
      push(node.a);
    } else {
      stack.pop();
      // a node pushed twice is Done when its second entry comes up
      if (node.id === OPEN) {
        node.id = DONE;
        order.push(node);
      }
    }
  }
}

/** Pushes the unvisited non-leaf nodes among one operand slot (a Value, an array, a number, null). */
function push(slot: Value | Operand | readonly Operand[] | null): void {
  if (slot === null || typeof slot === 'number') return;
  if (Array.isArray(slot)) {
    const xs = slot as readonly Operand[];
    for (let i = xs.length - 1; i >= 0; i--) {
      const x = xs[i] as Operand; // i < xs.length
      if (typeof x !== 'number' && x.op !== Op.Leaf && isNew(x)) stack.push(x);
    }
  } else if ((slot as Value).op !== Op.Leaf && isNew(slot as Value)) {
    stack.push(slot as Value);
  }
}

/**
 * Hands `node.grad` to its operands by its op's rule, first marking each operand reached when
 * `onTape`. The scalar rules come from the switch of kernels.ts; the n-ary rules are those of
 * `rules` with the marking folded into their loops (test/kernels.test.ts proves them equal).
 */
function propagate(node: Value, onTape: boolean): void {
  const grad = node.grad;
  const op = node.op;
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
        if (onTape) reach(x);
        x.grad += grad * Math.exp(x.data - node.data);
      }
      return;
    }
    default: {
      // a scalar op's `a` is a Value and its `b` a Value or a number (operand or parameter)
      const a = node.a as Value;
      const b = node.b as Operand;
      backwardScalar(partials, op, node.data, a.data, typeof b === 'number' ? b : b.data);
      if (onTape) reach(a);
      a.grad += grad * partials.a;
      if (typeof b !== 'number') {
        if (onTape) reach(b);
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
    if (onTape) reach(x);
    x.grad += grad;
  }
}

/** Dot's rule: `∂w_i = x_i`, `∂x_i = w_i`. */
function dotBackward(grad: number, ws: readonly Operand[], xs: readonly Operand[], onTape: boolean): void {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as Operand; // i < ws.length = xs.length
    const x = xs[i] as Operand;
    if (typeof x === 'number') {
      if (typeof w !== 'number') {
        if (onTape) reach(w);
        w.grad += grad * x;
      }
    } else if (typeof w === 'number') {
      if (onTape) reach(x);
      x.grad += grad * w;
    } else {
      if (onTape) {
        reach(w);
        reach(x);
      }
      w.grad += grad * x.data;
      x.grad += grad * w.data;
    }
  }
}

/** Refuses a non-finite gradient at `node`, naming its op. */
function checkNode(node: Value): void {
  if (!Number.isFinite(node.grad)) {
    throw new RangeError(
      `backward: the gradient at a '${rules[node.op].name}' node must be finite, got ${node.grad} (its data is ${node.data})`,
    );
  }
}

/** Refuses a non-finite gradient at a leaf that `node` feeds. */
function checkOperands(node: Value): void {
  checkSlot(node.a, node);
  checkSlot(node.b, node);
}

function checkSlot(slot: Value | Operand | readonly Operand[] | null, from: Value): void {
  if (slot === null || typeof slot === 'number') return;
  if (Array.isArray(slot)) {
    for (const x of slot as readonly Operand[]) if (typeof x !== 'number' && x.op === Op.Leaf) checkLeaf(x, from);
  } else if ((slot as Value).op === Op.Leaf) {
    checkLeaf(slot as Value, from);
  }
}

function checkLeaf(leaf: Value, from: Value): void {
  if (Number.isFinite(leaf.grad)) return;
  const source = from === leaf ? '' : `, reached from a '${rules[from.op].name}' node whose data is ${from.data}`;
  throw new RangeError(
    `backward: the gradient at a 'leaf' node must be finite, got ${leaf.grad} (its data is ${leaf.data}${source})`,
  );
}
