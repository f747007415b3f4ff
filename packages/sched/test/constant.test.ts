import { describe, expect, test } from 'vitest';
import { constant } from '@etagrad/sched';

describe('constant', () => {
  test('is the same value at every step', () => {
    const lr = constant(0.1);
    expect([lr(0), lr(1), lr(0.5), lr(1e9)]).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(lr.spec).toEqual({ kind: 'constant', value: 0.1 });
  });

  test('refuses a value that is not a finite number >= 0', () => {
    expect(() => constant(-1)).toThrow(new RangeError('constant: value must be a finite number >= 0, got -1'));
    expect(() => constant(Number.NaN)).toThrow(new RangeError('constant: value must be a finite number >= 0, got NaN'));
    expect(() => constant(Infinity)).toThrow(
      new RangeError('constant: value must be a finite number >= 0, got Infinity'),
    );
    expect(() => constant('0.1' as unknown as number)).toThrow(
      new TypeError("constant: value must be a number, got '0.1'"),
    );
  });

  test('reads -0 as 0, so its spec survives JSON', () => {
    expect(Object.is(constant(-0)(3), 0)).toBe(true);
  });
});
