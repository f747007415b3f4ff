import { describe, expect, test } from 'vitest';
import { NAdam, nadamStep, nadamUpdate } from '@etagrad/optim';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  eps?: number;
  weightDecay?: number;
  decoupled?: boolean;
  maximize?: boolean;
  momentumDecay?: number;
}

/**
 * PyTorch's documented NAdam: μ_t = β₁(1 − ½·0.96^(tψ)), μ_{t+1} = β₁(1 − ½·0.96^((t+1)ψ));
 * m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 * m̂ = μ_{t+1}m/(1 − Π_{i≤t+1}μ_i) + (1 − μ_t)g/(1 − Π_{i≤t}μ_i); v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − γ·m̂/(√v̂ + ε). Decoupled decay (decoupled_weight_decay): θ ← θ − γλθ first.
 */
const reference =
  ({ lr = 0.002, eps = 1e-8, weightDecay = 0, decoupled = false, maximize = false, momentumDecay = 0.004 }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let m = 0;
    let v = 0;
    const mu = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** (t * momentumDecay));
    const product = (t: number) => Array.from({ length: t }, (_, i) => mu(i + 1)).reduce((a, b) => a * b, 1);
    return gradients.map((raw, k) => {
      const t = k + 1;
      if (decoupled) theta -= lr * weightDecay * theta;
      const g = prologue(raw, theta, decoupled ? 0 : weightDecay, maximize);
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      const mHat = (mu(t + 1) * m) / (1 - product(t + 1)) + ((1 - mu(t)) * g) / (1 - product(t));
      theta -= (lr * mHat) / (Math.sqrt(v / (1 - 0.999 ** t)) + eps);
      return theta;
    });
  };

describe('NAdam follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['L2 weight decay', { lr: 0.05, weightDecay: 0.1 }],
    ['decoupled weight decay', { lr: 0.05, weightDecay: 0.1, decoupled: true }],
    ['maximize', { lr: 0.05, maximize: true }],
    ['faster momentum decay', { lr: 0.05, momentumDecay: 0.5 }],
  ];
  for (const [name, { decoupled, ...options }] of cases) {
    test(name, () => {
      const made = { ...options, ...(decoupled ? { decayMode: 'decoupled' as const } : {}) };
      expectTrajectory(run((params) => new NAdam(params, made)), reference({ decoupled: decoupled === true, ...options }));
    });
  }

  test('Keras: 0.96^t, i.e. momentumDecay 1, eps 1e-7, lr 0.001', () => {
    expectTrajectory(run((params) => new NAdam(params, { convention: 'keras' })), reference({ lr: 0.001, eps: 1e-7, momentumDecay: 1 }));
  });

  test('optax: μ constant at β₁', () => {
    // optax.nadam: m̂ = β₁·m/(1 − β₁^(t+1)) + (1 − β₁)·g/(1 − β₁ᵗ); θ ← θ − γ·m̂/(√v̂ + ε)
    const optax: Reference = (theta0, gradients) => {
      let theta = theta0;
      let m = 0;
      let v = 0;
      return gradients.map((g, k) => {
        const t = k + 1;
        m = 0.9 * m + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        const mHat = (0.9 * m) / (1 - 0.9 ** (t + 1)) + (0.1 * g) / (1 - 0.9 ** t);
        return (theta -= (0.01 * mHat) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8));
      });
    };
    expectTrajectory(run((params) => new NAdam(params, { convention: 'optax', lr: 0.01 })), optax);
  });
});

test('nadamUpdate keeps the running product of μ', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, betas: [0.9, 0.999], eps: 1e-8, epsRoot: 0, momentumDecay: 0, momentumSchedule: 'dozat' } as const;
  const s = { expAvg: 0, expAvgSq: 0, muProduct: 1 };
  nadamUpdate(s, 1, 1, h, nadamStep(h, 1));
  // ψ = 0: μ_t = 0.9·(1 − ½) = 0.45 at every t
  expect(s.muProduct).toBeCloseTo(0.45, 15);
  nadamUpdate(s, 1, 1, h, nadamStep(h, 2));
  expect(s.muProduct).toBeCloseTo(0.45 * 0.45, 15);
});

test('NAdam takes the fixed formula of PyTorch 2.0, not 1.13 (Π·μ_t·μ_{t+1}, μ_t counted twice)', () => {
  // First update from θ = 0 with g = 1, PyTorch's defaults: μ₁ = 0.9(1 − ½·0.96^0.004),
  // μ₂ = 0.9(1 − ½·0.96^0.008), m = 0.1, v̂ = 1. Since PyTorch 2.0 (pull request 92699) the
  // momentum term is γ·μ₂/(1 − μ₁μ₂)·m/(1 + ε): θ₁ = −0.0021129035; PyTorch 1.13 divided by
  // 1 − μ₁·μ₁·μ₂ and gave −0.0020990623.
  const x = { data: 0, grad: 1 };
  new NAdam([x]).step();
  expect(x.data).toBeCloseTo(-0.0021129035, 10);
});
