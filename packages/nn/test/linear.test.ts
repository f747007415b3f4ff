import { Op, Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { constant, Linear, rng } from '@etagrad/nn';

/** A Linear(2, 2) with weight [[1, 2], [3, 4]] and bias [0.5, -1]. */
function fixed(): Linear {
  const layer = new Linear(2, 2);
  layer.loadStateDict({ version: 1, parameters: { weight: { shape: [2, 2], data: [1, 2, 3, 4] }, bias: { shape: [2], data: [0.5, -1] } } });
  return layer;
}

describe('Linear', () => {
  test('computes w_j . x + b_j for each output', () => {
    // x = [1, -1]: out0 = 1 - 2 + 0.5 = -0.5; out1 = 3 - 4 - 1 = -2
    expect(fixed().forward([1, -1]).map((v) => v.data)).toEqual([-0.5, -2]);
  });

  test('each output is one dot node plus one bias node', () => {
    const [out] = fixed().forward([1, -1]);
    expect(out!.op).toBe(Op.Add);
    expect((out!.a as Value).op).toBe(Op.Dot);
    const [noBias] = new Linear(2, 1, { bias: false }).forward([1, -1]);
    expect(noBias!.op).toBe(Op.Dot);
  });

  test('gradients: d(sum of outputs)/dw_ji = x_i, d/db_j = 1, d/dx_i = sum_j w_ji', () => {
    const layer = fixed();
    const x = [new Value(1), new Value(-1)];
    const [a, b] = layer.forward(x);
    a!.add(b!).backward();
    expect(layer.weight.map((row) => row.map((w) => w.grad))).toEqual([[1, -1], [1, -1]]);
    expect(layer.bias!.map((v) => v.grad)).toEqual([1, 1]);
    expect(x.map((v) => v.grad)).toEqual([1 + 3, 2 + 4]);
  });

  test('the input array is copied, so reusing it does not change the graph', () => {
    const layer = fixed();
    const x = [1, -1];
    const [out] = layer.forward(x);
    x[0] = 100;
    out!.backward();
    expect(layer.weight[0]!.map((w) => w.grad)).toEqual([1, -1]);
  });

  test('parameter counts: nIn * nOut weights plus nOut biases', () => {
    expect(new Linear(3, 4).numParameters()).toBe(3 * 4 + 4);
    expect(new Linear(3, 4, { bias: false }).numParameters()).toBe(12);
    expect(new Linear(3, 4, { bias: false }).bias).toBeNull();
  });

  test("default init is micrograd's: weights uniform in [-1, 1) drawn row by row, biases 0", () => {
    const layer = new Linear(3, 2, { rng: rng(5) });
    const r = rng(5);
    expect(layer.weight.flat().map((w) => w.data)).toEqual(Array.from({ length: 6 }, () => r.uniform(-1, 1)));
    expect(layer.bias!.map((b) => b.data)).toEqual([0, 0]);
  });

  test('seeded: same seed same weights, default seed fixed; seed and rng agree', () => {
    const weights = (l: Linear) => l.parameters().map((p) => p.data);
    expect(weights(new Linear(4, 3))).toEqual(weights(new Linear(4, 3)));
    expect(weights(new Linear(4, 3, { seed: 2 }))).toEqual(weights(new Linear(4, 3, { rng: rng(2) })));
    expect(weights(new Linear(4, 3, { seed: 2 }))).not.toEqual(weights(new Linear(4, 3, { seed: 3 })));
  });

  test('init and biasInit receive the fan', () => {
    const fans: unknown[] = [];
    const layer = new Linear(3, 2, { init: (_r, fan) => (fans.push(fan), 0.5), biasInit: constant(0.1) });
    expect(fans[0]).toEqual({ fanIn: 3, fanOut: 2 });
    expect(layer.parameters().map((p) => p.data)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.1, 0.1]);
  });

  test('bad sizes and inputs are refused, naming the layer', () => {
    expect(() => new Linear(-1, 2)).toThrow(new RangeError('Linear: nIn must be a positive integer, got -1'));
    expect(() => new Linear(2, 0)).toThrow(new RangeError('Linear: nOut must be a positive integer, got 0'));
    expect(() => new Linear(2, 1.5)).toThrow(new RangeError('Linear: nOut must be a positive integer, got 1.5'));
    expect(() => new Linear(2, 1, { bias: 1 as never })).toThrow(new TypeError('Linear: bias must be a boolean, got 1'));
    expect(() => new Linear(2, 1, { init: 'he' as never })).toThrow(new TypeError("Linear: init must be an initializer function, got 'he'"));
    expect(() => new Linear(2, 1, { init: () => Number.NaN })).toThrow(new RangeError('Linear: init result must be a finite number, got NaN'));
    expect(() => new Linear(2, 1, { biasInit: () => 'a' as never })).toThrow(new TypeError("Linear: biasInit result must be a number, got 'a'"));
    expect(() => new Linear(2, 1, { seed: 0.5 })).toThrow(new RangeError('Linear: seed must be a safe integer, got 0.5'));
    const layer = new Linear(2, 1);
    expect(() => layer.forward([1, 2, 3])).toThrow(new RangeError('Linear: input must have length 2, got 3'));
    expect(() => layer.forward([1, Number.NaN])).toThrow(new TypeError('Linear: input[1] must be a finite number or a Value, got NaN'));
    expect(() => layer.forward('12' as never)).toThrow(new TypeError("Linear: input must be an array of numbers or Values, got '12'"));
  });
});
