import { describe, expect, test, vi } from 'vitest';
import { isValue, sum, Value } from '@etagrad/autograd';

describe('isValue', () => {
  test('is true for a Value and false for everything else', () => {
    expect(isValue(new Value(1))).toBe(true);
    expect(isValue(new Value(1).mul(2))).toBe(true);
    for (const x of [1, '1', null, undefined, {}, { data: 1, grad: 0 }, [new Value(1)]]) expect(isValue(x)).toBe(false);
  });

  test('recognises a Value made by another copy of the package, which ops then accept', async () => {
    vi.resetModules();
    const other = await import('@etagrad/autograd');
    const foreign = new other.Value(3);
    expect(other.Value).not.toBe(Value);
    expect(foreign instanceof Value).toBe(false);
    expect(isValue(foreign)).toBe(true);
    const out = new Value(2).mul(foreign as unknown as Value).add(sum([foreign as unknown as Value]));
    out.backward();
    expect([out.data, foreign.grad]).toEqual([9, 3]);
  });
});
