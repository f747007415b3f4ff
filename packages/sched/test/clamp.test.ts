import { describe, expect, test } from 'vitest';
import { clamp, constant, exponential, linear } from '@etagrad/sched';

describe('clamp', () => {
  test('clamp keeps within [min, max], either bound optional', () => {
    const lr = clamp(linear({ from: 1, to: 0, steps: 10 }), { min: 0.2, max: 0.8 });
    expect([lr(0), lr(5), lr(10)]).toEqual([0.8, 0.5, 0.2]);
    expect(clamp(exponential({ initial: 0.1, rate: 0.5 }), { min: 0.01 })(10)).toBe(0.01);
    expect(clamp(constant(1), { max: 0.5 }).spec).toEqual({
      kind: 'clamp',
      inner: { kind: 'constant', value: 1 },
      min: null,
      max: 0.5,
    });
    expect(() => clamp(constant(1), {})).toThrow(new TypeError('clamp: options must have min or max, got neither'));
    expect(() => clamp(constant(1), { min: 0.5, max: 0.1 })).toThrow(
      new RangeError('clamp: max must be >= min (0.5), got 0.1'),
    );
  });
});
