import { describe, expect, test } from 'vitest';
import { Adadelta, adadeltaUpdate } from '@etagrad/optim';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  rho?: number;
  eps?: number;
  weightDecay?: number;
  maximize?: boolean;
}

/**
 * PyTorch's documented Adadelta: v ← ρv + (1 − ρ)g²; Δ = √(u + ε)/√(v + ε)·g;
 * u ← ρu + (1 − ρ)Δ²; θ ← θ − γΔ.
 */
const reference =
  ({ lr = 1, rho = 0.9, eps = 1e-6, weightDecay = 0, maximize = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let v = 0;
    let u = 0;
    return gradients.map((raw) => {
      const g = prologue(raw, theta, weightDecay, maximize);
      v = rho * v + (1 - rho) * g * g;
      const delta = (Math.sqrt(u + eps) / Math.sqrt(v + eps)) * g;
      u = rho * u + (1 - rho) * delta * delta;
      return (theta -= lr * delta);
    });
  };

describe('Adadelta follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['L2 weight decay', { weightDecay: 0.1 }],
    ['maximize', { maximize: true, rho: 0.5 }],
  ];
  for (const [name, options] of cases) {
    test(name, () => expectTrajectory(run((params) => new Adadelta(params, options)), reference(options)));
  }
  test('Keras: lr 0.001, rho 0.95, eps 1e-7', () => {
    expectTrajectory(run((params) => new Adadelta(params, { convention: 'keras' })), reference({ lr: 0.001, rho: 0.95, eps: 1e-7 }));
  });
});

test('adadeltaUpdate, one step by hand', () => {
  const h = { lr: 1, weightDecay: 0, decayMode: 'l2', maximize: false, rho: 0.5, eps: 1 } as const;
  const s = { squareAvg: 0, accDelta: 0 };
  // v = 0.5·2² = 2; Δ = √(0 + 1)/√(2 + 1)·2 = 2/√3; u = 0.5·4/3 = 2/3
  expect(adadeltaUpdate(s, 1, 2, h)).toBeCloseTo(1 - 2 / Math.sqrt(3), 15);
  expect(s.accDelta).toBeCloseTo(2 / 3, 15);
});
