import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { Dropout, ELU, LeakyReLU, Linear, MLP, Module, rng, Sequential, type Input, type StateDict } from '@etagrad/nn';

class Scale extends Module {
  readonly factor = [new Value(2), new Value(3)];
  readonly inner = new Linear(1, 1, { rng: rng(1) });
  constructor() {
    super();
    this.registerParameter('factor', this.factor, [2]);
    this.registerModule('inner', this.inner);
  }
  forward(x: Input): Value[] {
    return this.inner.forward([this.factor[0]!.mul(x[0]!)]);
  }
}

describe('Module', () => {
  test('namedParameters lists own tensors first, then children, with a row-major index per dimension', () => {
    const m = new Scale();
    expect(m.namedParameters().map(([name]) => name)).toEqual(['factor.0', 'factor.1', 'inner.weight.0.0', 'inner.bias.0']);
    expect(m.parameters()).toEqual(m.namedParameters().map(([, v]) => v));
    expect(m.numParameters()).toBe(4);
  });

  test('MLP names: layers.<i>.weight.<output>.<input>', () => {
    const model = new MLP(2, [4, 1]);
    const named = new Map(model.namedParameters());
    const first = model.layers[0] as Linear;
    expect(named.get('layers.0.weight.3.1')).toBe(first.weight[3]![1]);
    expect(named.get('layers.0.bias.3')).toBe(first.bias![3]);
    expect(named.get('layers.2.weight.0.3')).toBe((model.layers[2] as Linear).weight[0]![3]);
    expect([...named.keys()].slice(0, 3)).toEqual(['layers.0.weight.0.0', 'layers.0.weight.0.1', 'layers.0.weight.1.0']);
  });

  test('a subclass registering a wrong-sized tensor or a name twice is told so', () => {
    class Bad extends Module {
      constructor(mode: 'size' | 'twice') {
        super();
        if (mode === 'size') this.registerParameter('w', [new Value(1)], [2, 2]);
        else {
          this.registerParameter('w', [new Value(1)], [1]);
          this.registerModule('w', new Linear(1, 1));
        }
      }
      forward(): Value[] {
        return [];
      }
    }
    expect(() => new Bad('size')).toThrow(new RangeError('Bad.registerParameter: values must have 4 Values for shape [2, 2] (w), got 1'));
    expect(() => new Bad('twice')).toThrow(new RangeError("Bad.registerModule: name must be unused in this module, got 'w' twice"));
  });

  test('toString shows the tree with sizes and options', () => {
    expect(new MLP(2, [16, 1]).toString()).toBe('MLP(\n  (layers.0): Linear(2, 16)\n  (layers.1): ReLU()\n  (layers.2): Linear(16, 1)\n)');
    expect(new Sequential(new Linear(2, 2, { bias: false }), new Sequential(new Dropout(0.2), new LeakyReLU()), new ELU()).toString()).toBe(
      'Sequential(\n  (layers.0): Linear(2, 2, bias: false)\n  (layers.1): Sequential(\n    (layers.0): Dropout(0.2)\n    (layers.1): LeakyReLU({ slope: 0.01 })\n  )\n  (layers.2): ELU({ alpha: 1 })\n)',
    );
  });

  test('zeroGrad resets every parameter gradient', () => {
    const model = new MLP(2, [3, 1]);
    model.forward([1, 2])[0]!.backward();
    expect(model.parameters().some((p) => p.grad !== 0)).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === 0)).toBe(true);
  });

  test('train() and eval() switch the whole tree', () => {
    const m = new Scale();
    expect(m.training).toBe(true);
    expect(m.eval()).toBe(m);
    expect([m.training, m.inner.training]).toEqual([false, false]);
    m.train();
    expect([m.training, m.inner.training]).toEqual([true, true]);
  });
});

describe('stateDict', () => {
  test('is plain JSON with one tensor per name, shape and row-major data', () => {
    const layer = new Linear(2, 2, { rng: rng(3) });
    const state = layer.stateDict();
    expect(state).toEqual({
      version: 1,
      parameters: {
        weight: { shape: [2, 2], data: [layer.weight[0]![0]!.data, layer.weight[0]![1]!.data, layer.weight[1]![0]!.data, layer.weight[1]![1]!.data] },
        bias: { shape: [2], data: [0, 0] },
      },
    });
  });

  test('round-trips through JSON bit for bit into a differently initialised model', () => {
    const a = new MLP(2, [8, 8, 1], { rng: rng(1) });
    a.parameters().forEach((p, i) => (p.data += i * 1e-17 + Math.PI / 7)); // awkward doubles
    const b = new MLP(2, [8, 8, 1], { rng: rng(2) });
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    const bits = (m: MLP) => m.parameters().map((p) => new Float64Array([p.data]));
    expect(bits(b)).toEqual(bits(a));
    expect(b.forward([0.3, -0.7])[0]!.data).toBe(a.forward([0.3, -0.7])[0]!.data);
  });

  test('a tensor named __proto__ is saved as data and loaded back', () => {
    class Odd extends Module {
      readonly odd = [new Value(1), new Value(2)];
      constructor() {
        super();
        this.registerParameter('__proto__', this.odd, [2]);
      }
      forward(): Value[] {
        return [];
      }
    }
    const saved = JSON.parse(JSON.stringify(new Odd().stateDict())) as StateDict;
    expect(Object.keys(saved.parameters)).toEqual(['__proto__']);
    expect(saved.parameters['__proto__']).toEqual({ shape: [2], data: [1, 2] });
    const copy = new Odd();
    copy.odd.forEach((v) => (v.data = 0));
    copy.loadStateDict(saved);
    expect(copy.odd.map((v) => v.data)).toEqual([1, 2]);
  });

  test('a mismatched state is refused with every difference listed, and changes nothing', () => {
    const model = new MLP(2, [3, 1], { rng: rng(1) });
    const before = model.parameters().map((p) => p.data);
    const other = new MLP(2, [4, 1], { rng: rng(2) }).stateDict();
    const state = { version: 1, parameters: { ...other.parameters, extra: { shape: [1], data: [0] } } } as Record<string, unknown>;
    delete (state['parameters'] as Record<string, unknown>)['layers.2.bias'];
    expect(() => model.loadStateDict(state)).toThrow(
      new RangeError(
        'MLP.loadStateDict: state does not match this MLP (nothing loaded):\n' +
          '  missing layers.2.bias\n' +
          '  unexpected extra\n' +
          '  layers.0.weight: shape must be [3, 2], got [4, 2]\n' +
          '  layers.0.bias: shape must be [3], got [4]\n' +
          '  layers.2.weight: shape must be [1, 3], got [1, 4]',
      ),
    );
    expect(model.parameters().map((p) => p.data)).toEqual(before);
  });

  test('bad values are refused too, and nothing is half-loaded', () => {
    const model = new Linear(2, 1, { rng: rng(1) });
    const before = model.parameters().map((p) => p.data);
    const good = { shape: [1, 2], data: [5, 6] };
    const cases: [unknown, Error][] = [
      [{ version: 1, parameters: { weight: good, bias: { shape: [1], data: [null] } } }, new RangeError('Linear.loadStateDict: state does not match this Linear (nothing loaded):\n  bias: data[0] must be a finite number, got null')],
      [{ version: 1, parameters: { weight: { shape: [1, 2], data: [1] }, bias: 3 } }, new RangeError('Linear.loadStateDict: state does not match this Linear (nothing loaded):\n  weight: data must be 2 numbers, got an array of length 1\n  bias: must be { shape, data }, got 3')],
      [{ version: 1, parameters: { weight: { shape: 'x', data: [] }, bias: { shape: [1], data: [0] } } }, new RangeError("Linear.loadStateDict: state does not match this Linear (nothing loaded):\n  weight: shape must be [1, 2], got 'x'")],
      [{ version: 2, parameters: {} }, new RangeError('Linear.loadStateDict: state.version must be 1, got 2')],
      [{ version: 1, parameters: [] }, new TypeError('Linear.loadStateDict: state.parameters must be an object, got an array of length 0')],
      ['{}', new TypeError("Linear.loadStateDict: state must be a state dict { version, parameters }, got '{}'")],
    ];
    for (const [state, error] of cases) {
      expect(() => model.loadStateDict(state)).toThrow(error);
      expect(model.parameters().map((p) => p.data)).toEqual(before);
    }
  });
});
