import { checkValue } from './check.js';
import { Op, type Operand } from './op.js';
import { rules } from './rules.js';
import type { Value } from './value.js';

const show = (x: number): string => (Number.isFinite(x) && Math.abs(x) < 1e9 ? x.toFixed(4) : String(x));

/**
 * The graph under `root` as Graphviz DOT text (micrograd's `draw_dot`, without a Graphviz
 * dependency): a record `{ data | grad }` per value, an ellipse per op, plain text per constant.
 * Render it with `dot -Tsvg graph.dot > graph.svg`.
 * @param root the Value whose graph is drawn
 * @throws TypeError when `root` is not a Value.
 * @example
 * writeFileSync('graph.dot', toDot(loss));
 */
export function toDot(root: Value): string {
  checkValue('toDot', 'root', root);
  const ids = new Map<Value, string>();
  const lines = ['digraph {', '  rankdir=LR;', '  node [shape=record];'];
  let constants = 0;
  const idOf = (v: Value, stack: Value[]): string => {
    let id = ids.get(v);
    if (id === undefined) {
      id = `v${ids.size}`;
      ids.set(v, id);
      stack.push(v);
    }
    return id;
  };
  const stack: Value[] = [];
  idOf(root, stack);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const id = idOf(node, stack);
    lines.push(`  ${id} [label="{ data ${show(node.data)} | grad ${show(node.grad)} }"];`);
    if (node.op === Op.Leaf) continue;
    const rule = rules[node.op];
    const label = rule.kind === 'scalar' && rule.parameter !== null ? `${rule.name} ${rule.parameter}=${String(node.b)}` : rule.name;
    lines.push(`  ${id}_op [label="${label}", shape=ellipse];`, `  ${id}_op -> ${id};`);
    const operands: Operand[] = [];
    if (rule.kind === 'scalar') {
      operands.push(node.a as Value);
      if (rule.arity === 2) operands.push(node.b as Operand);
    } else {
      // a loop, not push(...array): an n-ary node may hold more elements than a call takes arguments
      for (const x of node.a as readonly Operand[]) operands.push(x);
      for (const x of node.b as readonly Operand[]) operands.push(x);
    }
    for (const x of operands) {
      if (typeof x === 'number') {
        const constant = `c${constants++}`;
        lines.push(`  ${constant} [label="${show(x)}", shape=plaintext];`, `  ${constant} -> ${id}_op;`);
      } else {
        lines.push(`  ${idOf(x, stack)} -> ${id}_op;`);
      }
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
