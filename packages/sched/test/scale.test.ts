import { describe, expect, test } from 'vitest';
import { constant, scale } from '@etagrad/sched';

describe('scale', () => {
  test('scale multiplies', () => {
    expect(scale(constant(0.1), 0.5)(0)).toBe(0.05);
    expect(() => scale(constant(0.1), -1)).toThrow(new RangeError('scale: factor must be a finite number >= 0, got -1'));
  });
});
