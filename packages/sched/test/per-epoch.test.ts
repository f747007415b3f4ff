import { describe, expect, test } from 'vitest';
import { constant, perEpoch, stepDecay } from '@etagrad/sched';

describe('perEpoch', () => {
  test('perEpoch reads a schedule written in epochs', () => {
    const lr = perEpoch(stepDecay({ initial: 0.1, every: 30 }), 50);
    expect(lr(1499)).toBe(0.1); // epoch 29
    expect(lr(1500)).toBe(0.05); // epoch 30
    expect(() => perEpoch(constant(1), 2.5)).toThrow(
      new RangeError('perEpoch: stepsPerEpoch must be a positive integer, got 2.5'),
    );
  });
});
