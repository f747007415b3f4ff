import { describe, expect, test } from 'vitest';
import { oneCycle } from '@etagrad/sched';
import { close } from './close.js';

describe('oneCycle', () => {
  // low = 0.1 / 25 = 0.004; end = 0.004 / 1e4 = 4e-7; the peak at 0.3 * 1000 = 300.
  test('rises from max / divFactor to max, then falls to the end (cos)', () => {
    const lr = oneCycle({ max: 0.1, steps: 1000 });
    close(lr(0), 0.004);
    close(lr(150), 0.052); // p = 0.5: 0.1 + (0.004 - 0.1) / 2
    expect(lr(300)).toBe(0.1); // p = 1: cos(pi) = -1
    close(lr(650), 0.0500002); // p = 350 / 700 = 0.5: 4e-7 + (0.1 - 4e-7) / 2
    close(lr(999), 4e-7 + ((0.1 - 4e-7) / 2) * (1 + Math.cos((Math.PI * 699) / 700)));
    expect(lr(1000)).toBe(0.1 / 25 / 1e4);
    expect(lr(2000)).toBe(0.1 / 25 / 1e4);
  });
  test('linear anneal', () => {
    const lr = oneCycle({ max: 0.1, steps: 1000, anneal: 'linear' });
    close(lr(150), 0.052); // 0.004 + 0.096 * 0.5
    close(lr(650), 0.0500002); // 0.1 + (4e-7 - 0.1) * 0.5
  });
  test('pctStart, divFactor and finalDivFactor', () => {
    const lr = oneCycle({ max: 1, steps: 100, pctStart: 0.5, divFactor: 10, finalDivFactor: 100 });
    close(lr(0), 0.1);
    expect(lr(50)).toBe(1);
    close(lr(100), 0.001);
  });
  test('refuses bad options', () => {
    expect(() => oneCycle({ max: 0.1, steps: 100, pctStart: 1 })).toThrow(
      new RangeError('oneCycle: pctStart must be in (0, 1), got 1'),
    );
    expect(() => oneCycle({ max: 0, steps: 100 })).toThrow(
      new RangeError('oneCycle: max must be a finite number > 0, got 0'),
    );
    expect(() => oneCycle({ max: 0.1, steps: 100, anneal: 'cosine' as 'cos' })).toThrow(
      new RangeError("oneCycle: anneal must be one of 'cos', 'linear', got 'cosine'"),
    );
  });
});
