import { describe, expect, test } from 'vitest';
import { cosineRestarts } from '@etagrad/sched';
import { close } from './close.js';

describe('cosineRestarts', () => {
  test('restarts every period when periodMult is 1', () => {
    const lr = cosineRestarts({ initial: 0.1, period: 10 });
    expect(lr(0)).toBe(0.1);
    close(lr(5), 0.05); // cos(pi / 2) = 0
    close(lr(9), (0.1 * (1 + Math.cos(0.9 * Math.PI))) / 2);
    expect(lr(10)).toBe(0.1); // restart
    close(lr(15), 0.05);
  });
  test('runs grow by periodMult: [0, 10), [10, 30), [30, 70)', () => {
    const lr = cosineRestarts({ initial: 0.1, period: 10, periodMult: 2 });
    close(lr(5), 0.05); // half of run 0 (length 10)
    expect(lr(10)).toBe(0.1); // run 1 starts
    close(lr(20), 0.05); // half of run 1 (length 20)
    close(lr(29), (0.1 * (1 + Math.cos((19 / 20) * Math.PI))) / 2);
    expect(lr(30)).toBe(0.1); // run 2 starts
    close(lr(50), 0.05); // half of run 2 (length 40)
    expect(lr(70)).toBe(0.1); // run 3 starts
  });
  test('each run starts decay times lower; final is not decayed', () => {
    const lr = cosineRestarts({ initial: 0.1, period: 10, decay: 0.5, final: 0.01 });
    close(lr(10), 0.05); // run 1 peak: 0.1 * 0.5
    close(lr(15), 0.03); // 0.01 + (0.05 - 0.01) / 2
    close(lr(25), 0.0175); // run 2 peak 0.025: 0.01 + 0.015 / 2
  });
  test('refuses bad options', () => {
    expect(() => cosineRestarts({ initial: 0.1, period: 10, periodMult: 1.5 })).toThrow(
      new RangeError('cosineRestarts: periodMult must be a positive integer, got 1.5'),
    );
    expect(() => cosineRestarts({ initial: 0.1, period: 10, decay: 0 })).toThrow(
      new RangeError('cosineRestarts: decay must be in (0, 1], got 0'),
    );
  });
});
