import { describe, expect, test } from 'vitest';
import { constant, heNormal, heUniform, normal, rng, uniform, xavierNormal, xavierUniform, zeros, type Initializer } from '@etagrad/nn';

const draw = (init: Initializer, fanIn: number, fanOut: number, count = 20000) => {
  const r = rng(11);
  return Array.from({ length: count }, () => init(r, { fanIn, fanOut }));
};
const stats = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, std: Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length), min: Math.min(...xs), max: Math.max(...xs) };
};

describe('initializers', () => {
  test('uniform defaults to [-1, 1), micrograd', () => {
    const s = stats(draw(uniform(), 3, 3));
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.max).toBeLessThan(1);
    expect(s.std).toBeCloseTo(Math.sqrt(4 / 12), 2); // (high - low)^2 / 12 = 1/3
  });

  test('xavierUniform bound is gain * sqrt(6 / (fanIn + fanOut))', () => {
    // fanIn 2, fanOut 4: sqrt(6 / 6) = 1 -> uniform in [-1, 1); gain 3 -> [-3, 3)
    const s = stats(draw(xavierUniform(), 2, 4));
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.max).toBeLessThan(1);
    expect(s.max).toBeGreaterThan(0.99);
    expect(stats(draw(xavierUniform({ gain: 3 }), 2, 4)).max).toBeGreaterThan(2.99);
  });

  test('xavierNormal std is gain * sqrt(2 / (fanIn + fanOut))', () => {
    // fanIn 30, fanOut 20: sqrt(2 / 50) = 0.2
    const s = stats(draw(xavierNormal(), 30, 20));
    expect(Math.abs(s.mean)).toBeLessThan(0.01);
    expect(s.std).toBeCloseTo(0.2, 2);
  });

  test('heUniform bound is gain * sqrt(3 / fanIn), gain sqrt(2) by default', () => {
    // fanIn 6: sqrt(2) * sqrt(3 / 6) = 1
    const s = stats(draw(heUniform(), 6, 100));
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.max).toBeLessThan(1);
    expect(s.max).toBeGreaterThan(0.99);
  });

  test('heNormal std is gain / sqrt(fanIn)', () => {
    // fanIn 50: sqrt(2) / sqrt(50) = sqrt(1 / 25) = 0.2
    expect(stats(draw(heNormal(), 50, 1)).std).toBeCloseTo(0.2, 2);
    // gain 1, fanIn 4: 1 / 2
    expect(stats(draw(heNormal({ gain: 1 }), 4, 1)).std).toBeCloseTo(0.5, 2);
  });

  test('normal has the given mean and std', () => {
    const s = stats(draw(normal({ mean: 1, std: 0.5 }), 1, 1));
    expect(s.mean).toBeCloseTo(1, 1);
    expect(s.std).toBeCloseTo(0.5, 2);
  });

  test('zeros and constant draw nothing', () => {
    const r = rng(1);
    const before = r.state();
    expect(zeros()(r, { fanIn: 1, fanOut: 1 })).toBe(0);
    expect(constant(0.1)(r, { fanIn: 1, fanOut: 1 })).toBe(0.1);
    expect(r.state()).toEqual(before);
  });

  test('bad options are refused', () => {
    expect(() => uniform({ low: 1, high: 0 })).toThrow(new RangeError('uniform: high must be finite and > low (1), got 0'));
    expect(() => normal({ std: -1 })).toThrow(new RangeError('normal: std must be a finite number >= 0, got -1'));
    expect(() => xavierUniform({ gain: 0 })).toThrow(new RangeError('xavierUniform: gain must be a finite number > 0, got 0'));
    expect(() => xavierNormal({ gain: -1 })).toThrow(new RangeError('xavierNormal: gain must be a finite number > 0, got -1'));
    expect(() => heUniform({ gain: Number.NaN })).toThrow(new RangeError('heUniform: gain must be a finite number > 0, got NaN'));
    expect(() => heNormal({ gain: Infinity })).toThrow(new RangeError('heNormal: gain must be a finite number > 0, got Infinity'));
    expect(() => constant(Number.NaN)).toThrow(new RangeError('constant: value must be a finite number, got NaN'));
  });
});
