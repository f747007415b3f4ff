import { describe, expect, test } from 'vitest';
import { Adam, AdamW, excludeFromDecay, isBias, type Param, SGD } from '@etagrad/optim';
import { cosine, reduceOnPlateau } from '@etagrad/sched';

describe('parameters are anything shaped { data, grad }', () => {
  test("a user's own class, with more fields, is updated in place", () => {
    class Weight {
      data: number;
      grad = 0;
      readonly label: string;
      constructor(data: number, label: string) {
        this.data = data;
        this.label = label;
      }
    }
    const w = new Weight(2, 'w');
    const opt = new SGD([w], { lr: 0.25 });
    w.grad = 4;
    opt.step();
    // θ = 2 − 0.25·4 = 1
    expect(w.data).toBe(1);
    expect(w.label).toBe('w');
    opt.zeroGrad();
    expect(w.grad).toBe(0);
  });
});

describe('param groups (PyTorch param_groups)', () => {
  test('each group takes its own options over the defaults', () => {
    const a = { data: 1, grad: 1 };
    const b = { data: 1, grad: 1 };
    const opt = new SGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1 });
    expect(opt.lr).toEqual([0.1, 0.5]);
    opt.step();
    expect(a.data).toBeCloseTo(0.9, 15); // 1 − 0.1·1
    expect(b.data).toBeCloseTo(0.5, 15); // 1 − 0.5·1
  });

  test('excludeFromDecay puts biases in a group with weightDecay 0', () => {
    const weight: Param = { data: 1, grad: 0 };
    const bias: Param = { data: 1, grad: 0 };
    const groups = excludeFromDecay([
      ['0.weight', weight],
      ['0.bias', bias],
    ]);
    expect(groups).toEqual([{ params: [['0.weight', weight]] }, { params: [['0.bias', bias]], weightDecay: 0 }]);
    const opt = new AdamW(groups, { lr: 0.1, weightDecay: 0.5 });
    opt.step(); // zero gradients: only the decay acts
    expect(weight.data).toBeCloseTo(1 - 0.1 * 0.5, 15); // θ·(1 − γλ)
    expect(bias.data).toBe(1);
    expect(['bias', 'layers.2.bias', 'layers.0.bias.3', 'biased', 'layers.0.weight.0.1'].map(isBias)).toEqual([true, true, true, false, false]);
    expect(excludeFromDecay([['w', weight]], { exclude: (name) => name === 'w' })).toEqual([{ params: [['w', weight]], weightDecay: 0 }]);
  });
});

describe('lr: the rate of the next update', () => {
  test('follows the schedule at stepCount, times lrScale', () => {
    const x = { data: 0, grad: 0 };
    const lr = cosine({ initial: 0.1, steps: 10 });
    const opt = new Adam([x], { lr });
    expect(opt.lr).toEqual([lr(0)]);
    opt.step();
    opt.step();
    expect(opt.stepCount).toBe(2);
    expect(opt.lr).toEqual([lr(2)]);
    opt.lrScale = 0.5;
    expect(opt.lr).toEqual([lr(2) * 0.5]);
  });

  test('setLr swaps in a schedule read at the current step', () => {
    const x = { data: 1, grad: 1 };
    const opt = new SGD([x], { lr: 0.1 });
    opt.step();
    opt.step();
    const lr = cosine({ initial: 0.2, steps: 4 });
    opt.setLr(0, lr);
    // the schedule is not restarted: the next update is update 2, cos(π/2) = 0 → lr 0.1
    expect(opt.lr[0]).toBeCloseTo(0.1, 15);
    opt.step();
    expect(x.data).toBeCloseTo(1 - 0.1 - 0.1 - lr(2), 15);
  });

  test('lrScale takes reduceOnPlateau multipliers', () => {
    const x = { data: 1, grad: 1 };
    const opt = new SGD([x], { lr: 0.1 });
    const plateau = reduceOnPlateau({ factor: 0.5, patience: 0 });
    opt.lrScale = plateau.observe(1);
    opt.lrScale = plateau.observe(1); // no improvement, patience 0: halve
    expect(opt.lr).toEqual([0.05]);
    opt.step();
    expect(x.data).toBeCloseTo(0.95, 15);
  });
});

describe('gradient accumulation', () => {
  test('accumulate: 3 makes one update from the mean of 3 gradients', () => {
    const x = { data: 1, grad: 0 };
    const opt = new SGD([x], { lr: 0.3, accumulate: 3 });
    for (const g of [1, 2, 6]) {
      x.grad = g;
      opt.step();
      opt.zeroGrad();
      if (g !== 6) expect(x.data).toBe(1);
    }
    // mean (1 + 2 + 6)/3 = 3: θ = 1 − 0.3·3 = 0.1
    expect(x.data).toBeCloseTo(0.1, 15);
    expect(opt.stepCount).toBe(1);
  });

  test('equals one update with the whole batch for Adam', () => {
    const a = { data: 1, grad: 0 };
    const b = { data: 1, grad: 0 };
    const small = new Adam([a], { lr: 0.1, accumulate: 2 });
    const large = new Adam([b], { lr: 0.1 });
    for (const [g1, g2] of [[1, 3], [-2, 0.5], [4, 4]] as const) {
      a.grad = g1;
      small.step();
      a.grad = g2;
      small.step();
      b.grad = (g1 + g2) / 2;
      large.step();
      expect(a.data).toBe(b.data);
    }
  });
});
