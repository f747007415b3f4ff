import { describe, expect, test } from 'vitest';
import { cyclic } from '@etagrad/sched';
import { close } from './close.js';

describe('cyclic', () => {
  test('triangular: up to max in stepSize steps, down again, repeat', () => {
    const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 50 });
    expect(lr(0)).toBe(0.001);
    close(lr(25), 0.0505); // x = 0.25: h = 1 - |0.5 - 1| = 0.5: 0.001 + 0.099 * 0.5
    close(lr(50), 0.1); // x = 0.5: h = 1
    close(lr(75), 0.0505);
    close(lr(99), 0.001 + 0.099 * 0.02); // x = 0.99: h = 1 - 0.98
    close(lr(100), 0.001); // cycle end = next cycle start
    close(lr(150), 0.1);
  });
  test('triangular2 halves the amplitude each cycle', () => {
    const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 50, shape: 'triangular2' });
    close(lr(50), 0.1);
    close(lr(150), 0.0505); // cycle 1: amplitude / 2
    close(lr(250), 0.02575); // cycle 2: 0.001 + 0.099 / 4
  });
  test('expRange scales the amplitude by gamma^t', () => {
    const lr = cyclic({ min: 0.001, max: 0.1, stepSize: 50, shape: 'expRange', gamma: 0.99 });
    close(lr(50), 0.001 + 0.099 * 0.99 ** 50);
    close(lr(150), 0.001 + 0.099 * 0.99 ** 150);
  });
  test('cosine, sine and parabolic shapes', () => {
    const at = (shape: 'cosine' | 'sine' | 'parabolic', t: number) =>
      cyclic({ min: 0.001, max: 0.1, stepSize: 50, shape })(t);
    close(at('cosine', 25), 0.0505); // (1 - cos(pi / 2)) / 2 = 0.5
    close(at('cosine', 50), 0.1); // (1 - cos(pi)) / 2 = 1
    close(at('sine', 25), 0.001 + 0.099 * Math.SQRT1_2); // sin(pi / 4)
    close(at('sine', 50), 0.1); // sin(pi / 2)
    close(at('parabolic', 25), 0.07525); // 4 * 0.25 * 0.75 = 0.75
    close(at('parabolic', 50), 0.1); // 4 * 0.5 * 0.5 = 1
    for (const shape of ['cosine', 'sine', 'parabolic'] as const) close(at(shape, 100), 0.001);
  });
  test('refuses bad options', () => {
    expect(() => cyclic({ min: 0.1, max: 0.01, stepSize: 5 })).toThrow(
      new RangeError('cyclic: max must be >= min (0.1), got 0.01'),
    );
    expect(() => cyclic({ min: 0, max: 1, stepSize: 5, gamma: 0.9 })).toThrow(
      new RangeError("cyclic: gamma must be 1 unless shape is 'expRange' (shape is 'triangular'), got 0.9"),
    );
    expect(() => cyclic({ min: 0, max: 1, stepSize: 5, shape: 'square' as 'sine' })).toThrow(
      new RangeError(
        "cyclic: shape must be one of 'triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic', got 'square'",
      ),
    );
    expect(() => cyclic({ min: 0, max: 1, stepSize: 5, shape: 3 as unknown as 'sine' })).toThrow(
      new TypeError(
        "cyclic: shape must be one of 'triangular', 'triangular2', 'expRange', 'cosine', 'sine', 'parabolic', got 3",
      ),
    );
  });
});
