import { describe, expect, test } from 'vitest';
import { dot, toDot, Value } from '@etagrad/autograd';

describe('toDot', () => {
  test('emits a record per value, an ellipse per op and an edge per operand', () => {
    const a = new Value(2);
    const out = a.mul(3).leakyRelu(0.1);
    out.backward();
    expect(toDot(out)).toBe(
      [
        'digraph {',
        '  rankdir=LR;',
        '  node [shape=record];',
        '  v0 [label="{ data 6.0000 | grad 1.0000 }"];',
        '  v0_op [label="leakyRelu slope=0.1", shape=ellipse];',
        '  v0_op -> v0;',
        '  v1 -> v0_op;',
        '  v1 [label="{ data 6.0000 | grad 1.0000 }"];',
        '  v1_op [label="mul", shape=ellipse];',
        '  v1_op -> v1;',
        '  v2 -> v1_op;',
        '  c0 [label="3.0000", shape=plaintext];',
        '  c0 -> v1_op;',
        '  v2 [label="{ data 2.0000 | grad 3.0000 }"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('lists a shared value once, and every element of an n-ary op', () => {
    const a = new Value(1);
    const text = toDot(dot([a, a], [a, 2]));
    expect(text.match(/\[label="\{/g)).toHaveLength(2); // the dot node and a
    expect(text.match(/-> v0_op;/g)).toHaveLength(4); // a, a, a and the constant 2
  });
});
