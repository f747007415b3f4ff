import { Mark } from './mark.js';
import { Op, rules, type Operand, type Partials } from './op.js';
import type { Value } from './value.js';

// Buffers shared by every pass (JavaScript runs one at a time), emptied at its end so that
// they keep no graph alive.
const order: Value[] = [];
const stack: Value[] = [];
const partials: Partials = { a: 0, b: 0 };

/**
 * The reverse pass from `root` (see `Value#backward`): an iterative depth-first walk lists the
 * non-leaf nodes that `root` depends on, children before parents (a topological order, found in
 * linear time with a mark per node: no Set, no sort, no recursion), and resets their `grad`;
 * then each node, from `root` down, hands its gradient to its operands by its op's rule.
 */
export function backward(root: Value, checkFinite: boolean): void {
  try {
    collect(root);
    root.grad += 1;
    if (checkFinite) {
      if (root.op === Op.Leaf) checkLeaf(root, root);
      for (let i = order.length - 1; i >= 0; i--) propagateChecked(nodeAt(i));
    } else {
      for (let i = order.length - 1; i >= 0; i--) propagate(nodeAt(i));
    }
  } catch (error) {
    for (const node of order) node.mark = Mark.New;
    for (const node of stack) node.mark = Mark.New;
    throw error;
  } finally {
    order.length = 0;
    stack.length = 0;
  }
}

/** `order[i]` for `0 <= i < order.length`, which every caller's loop guarantees. */
const nodeAt = (i: number): Value => order[i] as Value;

/** Fills `order` with the non-leaf nodes under `root`, each after all of its operands. */
function collect(root: Value): void {
  if (root.mark === Mark.Leaf) return;
  stack.push(root);
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as Value; // the stack is not empty
    if (node.mark === Mark.New) {
      node.mark = Mark.Open;
      node.grad = 0;
      // b before a: the stack is last in, first out, so `a`'s subgraph is listed first, as a
      // recursive walk would list it
      push(node.b);
      push(node.a);
    } else {
      stack.pop();
      // a node pushed twice is Done when its second entry comes up
      if (node.mark === Mark.Open) {
        node.mark = Mark.Done;
        order.push(node);
      }
    }
  }
}

/** Pushes the unvisited nodes (leaves are never New) among one operand slot (a Value, an array, a number, null). */
function push(slot: Value | Operand | readonly Operand[] | null): void {
  if (slot === null || typeof slot === 'number') return;
  // Array.isArray itself, not an alias: the compiler inlines it only when it sees the builtin
  if (Array.isArray(slot)) {
    const xs = slot as readonly Operand[];
    for (let i = xs.length - 1; i >= 0; i--) {
      const x = xs[i] as Operand; // i < xs.length
      if (typeof x !== 'number' && x.mark === Mark.New) stack.push(x);
    }
  } else if ((slot as Value).mark === Mark.New) {
    stack.push(slot as Value);
  }
}

/** Hands `node.grad` to its operands, by its op's rule. */
function propagate(node: Value): void {
  node.mark = Mark.New;
  const rule = rules[node.op];
  const grad = node.grad;
  if (rule.kind === 'scalar') {
    // a scalar op's `a` is a Value and its `b` a Value or a number (operand or parameter)
    const a = node.a as Value;
    const b = node.b as Operand;
    rule.backward(partials, node.data, a.data, typeof b === 'number' ? b : b.data);
    a.grad += grad * partials.a;
    if (typeof b !== 'number') b.grad += grad * partials.b;
  } else {
    // an n-ary op keeps its arrays in `a` and `b`
    rule.backward(grad, node.data, node.a as readonly Operand[], node.b as readonly Operand[]);
  }
}

/** {@link propagate}, refusing a non-finite gradient at the node or at a leaf it feeds. */
function propagateChecked(node: Value): void {
  if (!Number.isFinite(node.grad)) {
    throw new RangeError(
      `backward: the gradient at a '${rules[node.op].name}' node must be finite, got ${node.grad} (its data is ${node.data})`,
    );
  }
  propagate(node);
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
