import { describe, expect, test } from 'vitest';
import { polynomial } from '@etagrad/sched';
import { close } from './close.js';

describe('polynomial', () => {
  test('falls as (1 - t / steps)^power, then holds final', () => {
    const lr = polynomial({ initial: 0.1, steps: 100, power: 2 });
    close(lr(50), 0.025); // 0.1 * (1 - 0.5)^2
    close(lr(90), 0.001); // 0.1 * 0.1^2
    expect(lr(100)).toBe(0);
    expect(lr(150)).toBe(0);
  });
  test('power 1 is a straight line to final', () => {
    close(polynomial({ initial: 0.1, final: 0.01, steps: 100 })(50), 0.055); // 0.09 * 0.5 + 0.01
  });
  test('with cycle, restarts with a horizon of the next multiple of steps', () => {
    const lr = polynomial({ initial: 0.1, steps: 100, cycle: true });
    expect(lr(0)).toBe(0.1); // horizon 100 at t = 0
    expect(lr(100)).toBe(0); // horizon 100 * ceil(1) = 100
    close(lr(101), 0.0495); // horizon 200: 0.1 * (1 - 101 / 200)
    close(lr(150), 0.025); // 0.1 * (1 - 150 / 200)
    expect(lr(200)).toBe(0);
    close(lr(201), 0.1 * (1 - 201 / 300)); // horizon 300
  });
  test('refuses a power <= 0', () => {
    expect(() => polynomial({ initial: 0.1, steps: 10, power: 0 })).toThrow(
      new RangeError('polynomial: power must be a finite number > 0, got 0'),
    );
  });
});
