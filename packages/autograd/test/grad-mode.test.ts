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

  test('refuses an async fn, whose code after an await would record a graph with recording back on', async () => {
    const w = new Value(2);
    let after: Value | null = null;
    const fn = async (): Promise<void> => {
      await null;
      after = w.mul(3); // runs once noGrad has returned
    };
    expect(() => noGrad(fn)).toThrow(
      new TypeError(
        'noGrad: fn must be synchronous (recording is back on once it returns, so code after an await would record a graph), got a function that returned a Promise',
      ),
    );
    expect(isGradEnabled()).toBe(true);
    await null;
    expect((after as Value | null)?.op).toBe(Op.Mul); // what a silent noGrad would have let through
    expect(noGrad(() => ({ then: 1 })).then).toBe(1); // a result merely holding a `then` field passes
  });
});
