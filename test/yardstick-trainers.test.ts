import { describe, expect, test } from 'vitest';
import * as compiled from '../bench/yardstick/compiled.js';
import * as eager from '../bench/yardstick/eager.js';
import * as perSample from '../bench/yardstick/per-sample.js';
import * as typedTape from '../bench/yardstick/typed-tape.js';
import type { Workload } from '../bench/yardstick/workload.js';

// A small workload in the yardstick's shape (../shared/yardstick/harness.mjs): 6 points, MLP 2-3-1.
const workload: Workload = {
  X: [[0.5, -1], [1.5, 0.25], [-0.75, 0.5], [2, -0.5], [-1.25, -1], [0.25, 1.75]],
  y: [1, -1, 1, -1, 1, -1],
  init: {
    sizes: [2, 3, 1],
    layers: [
      { w: [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25]], b: [0.05, -0.1, 0.2] },
      { w: [[0.6, -0.35, 0.45]], b: [-0.05] },
    ],
  },
  alpha: 1e-4,
};
const lr = (k: number): number => 1 - (0.9 * k) / 100;

describe('bench/yardstick trainers (what compare.mjs times)', () => {
  test('eager and compiled train to the same losses, bit for bit, and start again after reset', () => {
    const [a, b] = [eager.createTrainer(workload), compiled.createTrainer(workload)];
    const run = (t: typeof a): number[] => Array.from({ length: 20 }, (_, k) => t.step(k, lr(k)).loss);
    const first = run(a);
    expect(run(b)).toEqual(first);
    expect(first[19]).toBeLessThan(first[0] as number);
    a.reset();
    expect(run(a)).toEqual(first);
  });

  test('a backward per sample trains to the losses of one graph of the batch, up to rounding', () => {
    const [a, b] = [eager.createTrainer(workload), perSample.createTrainer(workload)];
    const run = (t: typeof a): number[] => Array.from({ length: 20 }, (_, k) => t.step(k, lr(k)).loss);
    const want = run(a);
    const got = run(b);
    got.forEach((loss, k) => expect(Math.abs(loss - (want[k] as number))).toBeLessThanOrEqual(1e-12 * (want[k] as number)));
    expect(got[19]).toBeLessThan(got[0] as number);
    b.reset();
    expect(run(b)).toEqual(got);
    expect(b.nodesPerStep()).toBeNull();
  });

  test('the typed-tape sketch trains to the losses of eager, bit for bit, over the same op nodes', () => {
    const [a, b] = [eager.createTrainer(workload), typedTape.createTrainer(workload)];
    const run = (t: typeof a): number[] => Array.from({ length: 20 }, (_, k) => t.step(k, lr(k)).loss);
    const want = run(a);
    expect(run(b)).toEqual(want);
    expect(b.nodesPerStep()).toBe(a.nodesPerStep());
    b.reset();
    expect(run(b)).toEqual(want);
  });

  test('nodesPerStep counts the op nodes of a step: null before the first, the same for both after', () => {
    const [a, b] = [eager.createTrainer(workload), compiled.createTrainer(workload)];
    expect(a.nodesPerStep()).toBeNull();
    a.step(0, 1);
    // per point: 2 neurons' dot, add (and relu on the hidden layer): 3·3 + 2, then mul, add, relu;
    // then a mul per parameter (13), their sum and its scaling, the mean and the total
    const perPoint = 3 * 3 + 2 + 3;
    expect(a.nodesPerStep()).toBe(6 * perPoint + 13 + 4);
    expect(b.nodesPerStep()).toBe(a.nodesPerStep());
  });
});
