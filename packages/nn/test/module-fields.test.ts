import { Value } from '@etagrad/autograd';
import { describe, expect, test } from 'vitest';
import { Dropout, Linear, Module, ReLU, rng, type Input } from '@etagrad/nn';

// PyTorch's way: layers and parameters kept in fields, nothing registered by hand.
class TwoLayer extends Module {
  readonly first = new Linear(2, 3, { rng: rng(1) });
  readonly act = new ReLU();
  readonly second = new Linear(3, 1, { rng: rng(2) });
  forward(x: Input): Value[] {
    return this.second.forward(this.act.forward(this.first.forward(x)));
  }
}

describe('parameters() finds Modules and Values held in fields, as PyTorch does', () => {
  test('layers kept as class fields count (they had 0 parameters before)', () => {
    const m = new TwoLayer();
    expect(m.numParameters()).toBe(2 * 3 + 3 + 3 * 1 + 1);
    expect(m.parameters()).toEqual([...m.first.parameters(), ...m.second.parameters()]);
    expect(m.namedParameters().map(([name]) => name).slice(0, 2)).toEqual(['first.weight.0.0', 'first.weight.0.1']);
    expect(m.namedParameters().at(-1)?.[0]).toBe('second.bias.0');
  });

  test('a Value, an array of Values, a matrix of Values and an array of Modules in fields', () => {
    class Mixed extends Module {
      readonly scale = new Value(2);
      readonly sizes = [1, 2, 3]; // numbers: not parameters
      readonly shift = [new Value(0.1), new Value(0.2)];
      readonly table = [[new Value(1), new Value(2)], [new Value(3), new Value(4)]];
      readonly blocks = [new Linear(1, 1, { rng: rng(1) }), new Linear(1, 1, { rng: rng(2) })];
      readonly options = { slope: 0.5 };
      forward(x: Input): Value[] {
        return x.map((v) => this.scale.mul(v));
      }
    }
    const m = new Mixed();
    expect(m.namedParameters().map(([name]) => name)).toEqual([
      'scale', 'shift.0', 'shift.1', 'table.0.0', 'table.0.1', 'table.1.0', 'table.1.1',
      'blocks.0.weight.0.0', 'blocks.0.bias.0', 'blocks.1.weight.0.0', 'blocks.1.bias.0',
    ]);
    expect(m.stateDict().parameters['scale']).toEqual({ shape: [], data: [2] });
    expect(m.stateDict().parameters['table']).toEqual({ shape: [2, 2], data: [1, 2, 3, 4] });
    const copy = new Mixed();
    copy.scale.data = 7;
    copy.loadStateDict(JSON.parse(JSON.stringify(m.stateDict())));
    expect(copy.scale.data).toBe(2);
  });

  test('registered ones come first, then fields in declaration order', () => {
    class Ordered extends Module {
      readonly late = new Value(1);
      readonly early: Value;
      constructor() {
        super();
        this.early = new Value(2);
        this.registerParameter('registered', [new Value(3)], [1]);
      }
      forward(): Value[] {
        return [];
      }
    }
    expect(new Ordered().namedParameters().map(([name, v]) => [name, v.data])).toEqual([
      ['registered.0', 3],
      ['late', 1],
      ['early', 2],
    ]);
  });

  test('each Value and each module is counted once', () => {
    const shared = new Linear(2, 2, { rng: rng(1) });
    class Shared extends Module {
      readonly a = shared;
      readonly b = shared; // the same layer twice (tied weights): once, under its first name
      readonly weights = shared.weight; // Values already found: not again
      readonly self = this; // a cycle does not loop
      constructor() {
        super();
        this.registerModule('registered', shared);
      }
      forward(): Value[] {
        return [];
      }
    }
    const m = new Shared();
    expect(m.numParameters()).toBe(6);
    expect(m.namedParameters()[0]?.[0]).toBe('registered.weight.0.0');
    expect(m.toString()).toBe('Shared(\n  (registered): Linear(2, 2)\n)');
  });

  test('a field sharing only some of its Values with earlier parameters is refused', () => {
    const v = new Value(1);
    class Partial extends Module {
      readonly one = v;
      readonly both = [v, new Value(2)];
      forward(): Value[] {
        return [];
      }
    }
    expect(() => new Partial().parameters()).toThrow(
      new RangeError('Partial: both must share all or none of its Values with the parameters found before it, got 1 of 2 shared'),
    );
  });

  test('#private fields cannot be found: they need registerModule', () => {
    class Hidden extends Module {
      readonly #layer = new Linear(1, 1);
      forward(x: Input): Value[] {
        return this.#layer.forward(x);
      }
    }
    class Registered extends Module {
      readonly #layer = new Linear(1, 1);
      constructor() {
        super();
        this.registerModule('layer', this.#layer);
      }
      forward(x: Input): Value[] {
        return this.#layer.forward(x);
      }
    }
    expect(new Hidden().numParameters()).toBe(0);
    expect(new Registered().numParameters()).toBe(2);
  });

  test('train() and eval() reach modules held in fields', () => {
    class WithDropout extends Module {
      readonly drop = new Dropout(0.5);
      readonly stack = [new Dropout(0.5)];
      forward(x: Input): Value[] {
        return this.drop.forward(x);
      }
    }
    const m = new WithDropout().eval();
    expect([m.drop.training, m.stack[0]?.training]).toEqual([false, false]);
    expect(m.forward([1, 2]).map((v) => v.data)).toEqual([1, 2]);
  });

  test('toString shows modules held in fields', () => {
    expect(new TwoLayer().toString()).toBe('TwoLayer(\n  (first): Linear(2, 3)\n  (act): ReLU()\n  (second): Linear(3, 1)\n)');
  });
});

describe('registering and switching modes refuse bad arguments in the standard format', () => {
  class Reg extends Module {
    constructor(register: (m: Reg) => void) {
      super();
      register(this);
    }
    param(name: unknown, values: unknown, shape: unknown): void {
      this.registerParameter(name as string, values as Value[], shape as number[]);
    }
    module(name: unknown, module: unknown): void {
      this.registerModule(name as string, module as Module);
    }
    forward(): Value[] {
      return [];
    }
  }
  const cases: [(m: Reg) => void, Error][] = [
    [(m) => m.param(undefined, [], [0]), new TypeError('Reg.registerParameter: name must be a non-empty string, got undefined')],
    [(m) => m.param('w', null, [1]), new TypeError('Reg.registerParameter: values must be an array of Values, got null')],
    [(m) => m.param('w', [1], [1]), new TypeError('Reg.registerParameter: values[0] must be a Value, got 1')],
    [(m) => m.param('w', [new Value(1)], undefined), new TypeError('Reg.registerParameter: shape must be an array of positive integers, got undefined')],
    [(m) => m.param('w', [new Value(1)], [0]), new RangeError('Reg.registerParameter: shape[0] must be a positive integer, got 0')],
    [(m) => m.module('', new ReLU()), new TypeError("Reg.registerModule: name must be a non-empty string, got ''")],
    [(m) => m.module('inner', undefined), new TypeError('Reg.registerModule: module must be a Module, got undefined')],
  ];
  for (const [register, error] of cases) {
    test(error.message, () => {
      expect(() => new Reg(register)).toThrow(error);
    });
  }

  test('train(mode) takes a boolean', () => {
    expect(() => new ReLU().train('no' as never)).toThrow(new TypeError("ReLU.train: mode must be a boolean, got 'no'"));
  });
});
