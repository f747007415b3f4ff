import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { ELU, GELU, LeakyReLU, ReLU, Sigmoid, Softplus, Tanh } from '@etagrad/nn';

const run = (m: { forward(x: number[]): Value[] }, x: number[]) => m.forward(x).map((v) => v.data);

describe('activation modules', () => {
  test('values against their formulas', () => {
    expect(run(new ReLU(), [-1, 0, 2])).toEqual([0, 0, 2]);
    expect(run(new Tanh(), [0, 1])).toEqual([0, Math.tanh(1)]);
    expect(run(new Sigmoid(), [0])).toEqual([0.5]);
    expect(run(new LeakyReLU(), [-2, 3])).toEqual([-0.02, 3]); // default slope 0.01
    expect(run(new LeakyReLU({ slope: 0.2 }), [-2])[0]).toBeCloseTo(-0.4, 15);
    expect(run(new Softplus(), [0])[0]).toBeCloseTo(Math.LN2, 15); // ln(1 + e^0) = ln 2
    expect(run(new ELU(), [-1, 2])).toEqual([Math.expm1(-1), 2]); // alpha 1: e^-1 - 1
    expect(run(new ELU({ alpha: 0.5 }), [-1])[0]).toBeCloseTo(0.5 * (Math.exp(-1) - 1), 15);
    // GELU, tanh form: 0.5 * 1 * (1 + tanh(sqrt(2 / pi) * (1 + 0.044715))) = 0.8411919906...
    expect(run(new GELU(), [0, 1])[0]).toBe(0);
    expect(run(new GELU(), [1])[0]).toBeCloseTo(0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * 1.044715)), 14);
  });

  test('take Values and pass gradients; no parameters; names are the class names', () => {
    const x = new Value(2);
    new ReLU().forward([x])[0]!.backward();
    expect(x.grad).toBe(1);
    for (const m of [new ReLU(), new Tanh(), new Sigmoid(), new GELU(), new Softplus(), new LeakyReLU(), new ELU()]) {
      expect(m.numParameters()).toBe(0);
      expect(m.forward([])).toEqual([]);
    }
    expect(new Tanh().constructor.name).toBe('Tanh');
    expect(new ReLU()).toBeInstanceOf(ReLU);
    expect(new ReLU()).not.toBeInstanceOf(Tanh);
  });

  test('bad options and inputs are refused, naming the module', () => {
    expect(() => new LeakyReLU({ slope: -1 })).toThrow(new RangeError('LeakyReLU: slope must be a finite number >= 0, got -1'));
    expect(() => new ELU({ alpha: 0 })).toThrow(new RangeError('ELU: alpha must be a finite number > 0, got 0'));
    expect(() => new ReLU().forward(3 as never)).toThrow(new TypeError('ReLU: input must be an array of numbers or Values, got 3'));
    expect(() => new Sigmoid().forward([Infinity])).toThrow(new TypeError('Sigmoid: input[0] must be a finite number or a Value, got Infinity'));
  });
});
