import { describe, expect, test } from 'vitest';
import { dot, isGradEnabled, noGrad, Op, Value } from '@etagrad/autograd';

describe('noGrad', () => {
  test('values made inside are leaves, so backward does not reach through them', () => {
    const w = new Value(2);
    const frozen = noGrad(() => w.mul(3).add(dot([w], [1])));
    expect([frozen.data, frozen.op]).toEqual([8, Op.Leaf]);
    frozen.mul(w).backward(); // frozen is a constant: ∂/∂w (8 w) = 8
    expect(w.grad).toBe(8);
  });

  test('returns what fn returns, nests, and restores recording even after a throw', () => {
    expect(noGrad(() => noGrad(() => isGradEnabled()))).toBe(false);
    expect(isGradEnabled()).toBe(true);
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(new Value(1).add(1).op).toBe(Op.Add);
  });
});
