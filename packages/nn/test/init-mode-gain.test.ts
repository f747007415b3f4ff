import { describe, expect, test } from 'vitest';
import { gain, heNormal, heUniform, rng, type Initializer } from '@etagrad/nn';

const draw = (init: Initializer, fanIn: number, fanOut: number, count = 20000) => {
  const r = rng(11);
  return Array.from({ length: count }, () => init(r, { fanIn, fanOut }));
};
const std = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
};

describe("He initialisation with mode: 'fanOut' scales by the layer's outputs", () => {
  test("heUniform({ mode: 'fanOut' }) bound is gain * sqrt(3 / fanOut)", () => {
    // fanIn 100, fanOut 6: sqrt(2) * sqrt(3 / 6) = 1 (fanIn mode would give sqrt(0.06) = 0.245)
    const xs = draw(heUniform({ mode: 'fanOut' }), 100, 6);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.max(...xs)).toBeGreaterThan(0.99);
  });

  test("heNormal({ mode: 'fanOut' }) std is gain / sqrt(fanOut)", () => {
    // fanIn 3, fanOut 50: sqrt(2) / sqrt(50) = 0.2
    expect(std(draw(heNormal({ mode: 'fanOut' }), 3, 50))).toBeCloseTo(0.2, 2);
    expect(std(draw(heNormal({ mode: 'fanIn' }), 50, 3))).toBeCloseTo(0.2, 2);
  });

  test('mode must be fanIn or fanOut', () => {
    expect(() => heNormal({ mode: 'fan_out' as never })).toThrow(new RangeError("heNormal: mode must be one of 'fanIn', 'fanOut', got 'fan_out'"));
  });
});

describe("gain(nonlinearity) is PyTorch's calculate_gain", () => {
  test('the values of its table', () => {
    expect(gain('linear')).toBe(1);
    expect(gain('sigmoid')).toBe(1);
    expect(gain('tanh')).toBe(5 / 3);
    expect(gain('relu')).toBe(Math.SQRT2);
    expect(gain('selu')).toBe(3 / 4);
    expect(gain('leakyRelu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2))); // default negative slope 0.01
    expect(gain('leakyRelu', { slope: 0.2 })).toBeCloseTo(1.3867504905630728, 15); // sqrt(2 / 1.04)
    expect(gain('leakyRelu', { slope: 0 })).toBe(gain('relu'));
  });

  test('an unknown nonlinearity or a slope elsewhere is refused', () => {
    expect(() => gain('gelu' as never)).toThrow(
      new RangeError("gain: nonlinearity must be one of 'linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'selu', got 'gelu'"),
    );
    expect(() => gain('relu', { slope: 0.1 })).toThrow(new TypeError("gain: slope must be given only with 'leakyRelu', got it with 'relu'"));
    expect(() => gain('leakyRelu', { slope: -1 })).toThrow(new RangeError('gain: slope must be a finite number >= 0, got -1'));
  });
});
