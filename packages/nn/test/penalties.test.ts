import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { l1, l2, Linear } from '@etagrad/nn';

describe('l1 and l2', () => {
  test('l1 = sum |p| with gradient sign(p); l2 = sum p^2 with gradient 2p', () => {
    const ps = [new Value(1), new Value(-2), new Value(3)];
    const a = l1(ps);
    expect(a.data).toBe(6);
    a.backward();
    expect(ps.map((p) => p.grad)).toEqual([1, -1, 1]);
    ps.forEach((p) => (p.grad = 0));
    const b = l2(ps);
    expect(b.data).toBe(14); // 1 + 4 + 9
    b.backward();
    expect(ps.map((p) => p.grad)).toEqual([2, -4, 6]);
  });

  test('take any iterable of parameters; empty gives 0', () => {
    expect(l2(new Linear(2, 1, { bias: false, init: () => 2 }).parameters()).data).toBe(8);
    expect(l1(new Set([new Value(-1)])).data).toBe(1);
    expect(l2([]).data).toBe(0);
  });

  test('only Values are accepted', () => {
    expect(() => l2([new Value(1), 2] as never)).toThrow(new TypeError('l2: params[1] must be a Value, got 2'));
    expect(() => l1(5 as never)).toThrow(new TypeError('l1: params must be an iterable of Values, got 5'));
  });
});
