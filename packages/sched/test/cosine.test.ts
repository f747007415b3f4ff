import { describe, expect, test } from 'vitest';
import { cosine } from '@etagrad/sched';
import { close } from './close.js';

describe('cosine', () => {
  const lr = cosine({ initial: 0.1, steps: 900, final: 0.01 });
  test('follows half a cosine from initial to final', () => {
    expect(lr(0)).toBe(0.1); // 0.01 + 0.09 * (1 + 1) / 2
    close(lr(300), 0.0775); // cos(pi / 3) = 0.5: 0.01 + 0.09 * 1.5 / 2
    close(lr(450), 0.055); // cos(pi / 2) = 0: 0.01 + 0.09 / 2
    close(lr(600), 0.0325); // cos(2 pi / 3) = -0.5: 0.01 + 0.09 * 0.5 / 2
  });
  test('reaches final at steps and holds it', () => {
    close(lr(899), 0.01 + (0.09 * (1 + Math.cos((Math.PI * 899) / 900))) / 2);
    expect(lr(900)).toBe(0.01);
    expect(lr(901)).toBe(0.01);
  });
  test('final defaults to 0', () => {
    expect(cosine({ initial: 0.1, steps: 10 }).spec).toEqual({ kind: 'cosine', initial: 0.1, steps: 10, final: 0 });
  });
  test('refuses bad options', () => {
    expect(() => cosine({ initial: 0.1, steps: 0 })).toThrow(
      new RangeError('cosine: steps must be a positive integer, got 0'),
    );
    expect(() => cosine({ initial: 0.1, steps: 10, final: -1 })).toThrow(
      new RangeError('cosine: final must be a finite number >= 0, got -1'),
    );
    expect(() => cosine({ steps: 10 } as unknown as { initial: number; steps: number })).toThrow(
      new TypeError('cosine: initial must be a number, got undefined'),
    );
  });
});
