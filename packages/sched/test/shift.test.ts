import { describe, expect, test } from 'vitest';
import { constant, cosine, shift } from '@etagrad/sched';
import { close } from './close.js';

describe('shift', () => {
  test('shift starts later, holding the first value', () => {
    const lr = shift(cosine({ initial: 0.1, steps: 100 }), 50);
    expect([lr(0), lr(49), lr(50)]).toEqual([0.1, 0.1, 0.1]);
    close(lr(100), 0.05); // cosine(50)
    expect(shift(constant(0.1), 0)(0)).toBe(0.1);
    expect(() => shift(constant(0.1), -1)).toThrow(new RangeError('shift: steps must be an integer >= 0, got -1'));
  });
});
