import { describe, expect, test } from 'vitest';
import { Adamax, adamaxUpdate, biasCorrections } from '@etagrad/optim';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  eps?: number;
  weightDecay?: number;
  maximize?: boolean;
  epsOutside?: boolean;
}

/**
 * PyTorch's documented Adamax: m ← β₁m + (1 − β₁)g; u ← max(β₂u, |g| + ε);
 * θ ← θ − γ·m/((1 − β₁ᵗ)·u) (optax too). Keras: u ← max(β₂u, |g|), θ ← θ − γ/(1 − β₁ᵗ)·m/(u + ε).
 */
const reference =
  ({ lr = 0.002, eps = 1e-8, weightDecay = 0, maximize = false, epsOutside = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let m = 0;
    let u = 0;
    return gradients.map((raw, k) => {
      const t = k + 1;
      const g = prologue(raw, theta, weightDecay, maximize);
      m = 0.9 * m + 0.1 * g;
      u = Math.max(0.999 * u, Math.abs(g) + (epsOutside ? 0 : eps));
      theta -= (lr * m) / ((1 - 0.9 ** t) * (u + (epsOutside ? eps : 0)));
      return theta;
    });
  };

describe('Adamax follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['L2 weight decay', { lr: 0.1, weightDecay: 0.1 }],
    ['maximize', { lr: 0.1, maximize: true }],
  ];
  for (const [name, options] of cases) {
    test(name, () => expectTrajectory(run((params) => new Adamax(params, options)), reference(options)));
  }
  test('Keras: ε outside the maximum, 1e-7', () => {
    expectTrajectory(run((params) => new Adamax(params, { convention: 'keras' })), reference({ lr: 0.001, eps: 1e-7, epsOutside: true }));
  });
  test('optax: ε inside the maximum, as PyTorch', () => {
    // optax's scale_by_adamax: u ← max(|g| + ε, β₂u), update m̂/u
    expectTrajectory(run((params) => new Adamax(params, { convention: 'optax', lr: 0.1 })), reference({ lr: 0.1 }));
  });
});

test('adamaxUpdate, one step by hand', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, betas: [0.5, 0.5], eps: 0, epsPlacement: 'max' } as const;
  const s = { expAvg: 0, expInf: 0 };
  // m = 0.5·(−4) = −2; u = max(0, 4) = 4; θ = 1 − 0.1·(−2)/(0.5·4) = 1.1
  expect(adamaxUpdate(s, 1, -4, h, biasCorrections(h, 1))).toBeCloseTo(1.1, 15);
});
