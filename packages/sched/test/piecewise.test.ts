import { describe, expect, test } from 'vitest';
import { piecewise } from '@etagrad/sched';

describe('piecewise', () => {
  const lr = piecewise({ boundaries: [100, 200], values: [0.1, 0.05, 0.01] });
  test('is values[i] from boundaries[i-1] to just before boundaries[i]', () => {
    expect([lr(0), lr(99), lr(100), lr(199), lr(200), lr(1e6)]).toEqual([0.1, 0.1, 0.05, 0.05, 0.01, 0.01]);
  });
  test('refuses values that do not fit the boundaries', () => {
    expect(() => piecewise({ boundaries: [100], values: [0.1] })).toThrow(
      new RangeError('piecewise: values must have boundaries.length + 1 = 2 entries, got 1'),
    );
    expect(() => piecewise({ boundaries: [100], values: [0.1, -1] })).toThrow(
      new RangeError('piecewise: values[1] must be a finite number >= 0, got -1'),
    );
    expect(() => piecewise({ boundaries: [100], values: 'a' as unknown as number[] })).toThrow(
      new TypeError("piecewise: values must be an array, got 'a'"),
    );
  });
});
