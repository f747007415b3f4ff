import { describe, expect, test } from 'vitest';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, NAdam, RAdam, RMSprop, type Optimizer, type Param } from '@etagrad/optim';

// With eps = 0, a parameter whose gradients have all been 0 divides 0 by 0: every one of these
// has a denominator (√v̂ + ε, √s + ε, u, √(v + ε), ...) that is 0 then. PyTorch accepts eps = 0
// and writes NaN into the parameter; here eps must be > 0.
const makers: Record<string, (params: Param[], eps: number) => Optimizer> = {
  Adam: (p, eps) => new Adam(p, { eps }),
  AdamW: (p, eps) => new AdamW(p, { eps, weightDecay: 0 }),
  Adagrad: (p, eps) => new Adagrad(p, { eps }),
  RMSprop: (p, eps) => new RMSprop(p, { eps }),
  Adamax: (p, eps) => new Adamax(p, { eps }),
  NAdam: (p, eps) => new NAdam(p, { eps }),
  RAdam: (p, eps) => new RAdam(p, { eps }),
  Adadelta: (p, eps) => new Adadelta(p, { eps }),
};

describe('eps = 0 cannot turn a zero gradient into a NaN parameter', () => {
  for (const [name, make] of Object.entries(makers)) {
    test(`${name} refuses eps <= 0`, () => {
      expect(() => make([{ data: 1, grad: 0 }], 0)).toThrow(new RangeError(`${name}: eps must be a finite number > 0, got 0`));
      expect(() => make([{ data: 1, grad: 0 }], -1e-8)).toThrow(new RangeError(`${name}: eps must be a finite number > 0, got -1e-8`));
    });

    test(`${name} with the smallest eps keeps a parameter with zero gradients finite`, () => {
      const x = { data: 1, grad: 0 };
      const opt = make([x], Number.MIN_VALUE);
      for (let k = 0; k < 10; k++) opt.step(); // RAdam switches to its adaptive step at t = 6
      expect(x.data).toBe(1);
    });
  }
});
