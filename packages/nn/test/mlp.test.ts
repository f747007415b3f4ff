import { describe, expect, test } from 'vitest';
import { GELU, Linear, MLP, ReLU, rng, Sequential, Sigmoid, Tanh } from '@etagrad/nn';

describe('MLP', () => {
  test("micrograd's MLP(2, [16, 16, 1]): Linear, ReLU, Linear, ReLU, Linear and 337 parameters", () => {
    const model = new MLP(2, [16, 16, 1]);
    expect(model).toBeInstanceOf(Sequential);
    expect(model.layers.map((l) => l.constructor.name)).toEqual(['Linear', 'ReLU', 'Linear', 'ReLU', 'Linear']);
    // (2*16 + 16) + (16*16 + 16) + (16*1 + 1) = 48 + 272 + 17 = 337
    expect(model.numParameters()).toBe(337);
    expect(model.forward([0.5, -0.2])).toHaveLength(1);
  });

  test('activation and outputActivation', () => {
    const model = new MLP(2, [3, 2], { activation: 'tanh', outputActivation: 'sigmoid' });
    expect(model.layers[1]).toBeInstanceOf(Tanh);
    expect(model.layers[3]).toBeInstanceOf(Sigmoid);
    expect(new MLP(2, [3, 2], { activation: 'gelu' }).layers[1]).toBeInstanceOf(GELU);
    expect(new MLP(2, [3, 2], { activation: 'none' }).layers.map((l) => l.constructor.name)).toEqual(['Linear', 'Linear']);
  });

  test('forward against a hand computation', () => {
    // x = 1: relu(2 * 1 - 1) = 1, then 3 * 1 + 0.5 = 3.5; x = 0: relu(-1) = 0, then 0.5
    const model = new MLP(1, [1, 1]);
    model.loadStateDict({
      version: 1,
      parameters: {
        'layers.0.weight': { shape: [1, 1], data: [2] },
        'layers.0.bias': { shape: [1], data: [-1] },
        'layers.2.weight': { shape: [1, 1], data: [3] },
        'layers.2.bias': { shape: [1], data: [0.5] },
      },
    });
    expect(model.forward([1])[0]!.data).toBe(3.5);
    expect(model.forward([0])[0]!.data).toBe(0.5);
  });

  test('all layers draw from one generator, in order', () => {
    const model = new MLP(2, [3, 2], { rng: rng(7) });
    const first = new Linear(2, 3, { rng: rng(7) });
    const r = rng(7);
    Array.from({ length: 6 }, () => r.uniform());
    const secondWeights = Array.from({ length: 6 }, () => r.uniform(-1, 1));
    expect(model.parameters().slice(0, 9).map((p) => p.data)).toEqual(first.parameters().map((p) => p.data));
    expect((model.layers[2] as Linear).weight.flat().map((w) => w.data)).toEqual(secondWeights);
    expect(new MLP(2, [3, 2], { seed: 7 }).stateDict()).toEqual(model.stateDict());
  });

  test('bad sizes and options are refused', () => {
    expect(() => new MLP(0, [1])).toThrow(new RangeError('MLP: nIn must be a positive integer, got 0'));
    expect(() => new MLP(2, [])).toThrow(new TypeError('MLP: sizes must be a non-empty array of layer sizes, got an array of length 0'));
    expect(() => new MLP(2, [4, -1])).toThrow(new RangeError('MLP: sizes[1] must be a positive integer, got -1'));
    expect(() => new MLP(2, [4, 1], { activation: 'swish' as never })).toThrow(
      new RangeError("MLP: activation must be one of 'relu', 'tanh', 'sigmoid', 'leakyRelu', 'gelu', 'softplus', 'elu', 'none', got 'swish'"),
    );
    expect(() => new MLP(2, [4, 1]).forward([1])).toThrow(new RangeError('Linear: input must have length 2, got 1'));
  });
});

describe('Sequential', () => {
  test('chains modules and names them layers.<i>', () => {
    const net = new Sequential(new Linear(2, 2, { bias: false }), new ReLU());
    (net.layers[0] as Linear).loadStateDict({ version: 1, parameters: { weight: { shape: [2, 2], data: [1, 0, 0, -1] } } });
    // [1, 2] -> [1, -2] -> relu -> [1, 0]
    expect(net.forward([1, 2]).map((v) => v.data)).toEqual([1, 0]);
    expect(net.namedParameters().map(([n]) => n)).toEqual(['layers.0.weight.0.0', 'layers.0.weight.0.1', 'layers.0.weight.1.0', 'layers.0.weight.1.1']);
  });

  test('an empty Sequential is the identity, returning Values', () => {
    expect(new Sequential().forward([1, 2]).map((v) => v.data)).toEqual([1, 2]);
  });

  test('only modules are accepted', () => {
    expect(() => new Sequential(new ReLU(), {} as never)).toThrow(new TypeError('Sequential: layers[1] must be a Module, got an object'));
  });
});
