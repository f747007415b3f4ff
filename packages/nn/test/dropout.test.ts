import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { Dropout, rng } from '@etagrad/nn';

describe('Dropout', () => {
  test('in training, zeroes a fraction p and scales survivors by 1 / (1 - p)', () => {
    const out = new Dropout(0.25, { rng: rng(1) }).forward(new Array<number>(20000).fill(3)).map((v) => v.data);
    const zeros = out.filter((v) => v === 0).length;
    expect(Math.abs(zeros / out.length - 0.25)).toBeLessThan(0.015); // sd sqrt(.25 * .75 / 20000) ~ 0.003
    expect(out.every((v) => v === 0 || v === 4)).toBe(true); // 3 / (1 - 0.25) = 4
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    expect(Math.abs(mean - 3)).toBeLessThan(0.1); // expectation preserved
  });

  test('gradient flows only through survivors, scaled', () => {
    const xs = Array.from({ length: 50 }, () => new Value(1));
    const out = new Dropout(0.5, { seed: 2 }).forward(xs);
    out.forEach((o) => o.backward());
    xs.forEach((x, i) => expect(x.grad).toBe(out[i]!.data === 0 ? 0 : 2));
  });

  test('in eval mode and with p = 0, inputs pass through', () => {
    const d = new Dropout(0.9).eval();
    expect(d.forward([1, 2, 3]).map((v) => v.data)).toEqual([1, 2, 3]);
    expect(new Dropout(0).forward([1, 2]).map((v) => v.data)).toEqual([1, 2]);
    expect(d.train().forward(new Array<number>(100).fill(1)).some((v) => v.data === 0)).toBe(true);
  });

  test('seeded masks', () => {
    const mask = (seed?: number) => new Dropout(0.5, seed === undefined ? {} : { seed }).forward(new Array<number>(40).fill(1)).map((v) => v.data);
    expect(mask(3)).toEqual(mask(3));
    expect(mask(3)).not.toEqual(mask(4));
    expect(mask()).toEqual(mask());
  });

  test('p outside [0, 1) is refused', () => {
    expect(() => new Dropout(1)).toThrow(new RangeError('Dropout: p must be in [0, 1), got 1'));
    expect(() => new Dropout(-0.1)).toThrow(new RangeError('Dropout: p must be in [0, 1), got -0.1'));
    expect(() => new Dropout('0.5' as never)).toThrow(new TypeError("Dropout: p must be a number, got '0.5'"));
    expect(() => new Dropout(0.5).forward([Number.NaN])).toThrow(new TypeError('Dropout: input[0] must be a finite number or a Value, got NaN'));
  });
});
