import { describe, expect, test } from 'vitest';
import { biasCorrections, RAdam, radamUpdate } from '@etagrad/optim';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  weightDecay?: number;
  maximize?: boolean;
  optax?: boolean;
}

/**
 * PyTorch's documented RAdam: m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ);
 * ρ∞ = 2/(1 − β₂) − 1; ρ_t = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ);
 * ρ_t > 5: l = √(1 − β₂ᵗ)/(√v + ε), r = √((ρ_t − 4)(ρ_t − 2)ρ∞/((ρ∞ − 4)(ρ∞ − 2)ρ_t)),
 * θ ← θ − γ·m̂·r·l; else θ ← θ − γ·m̂. optax: l = 1/(√(v/(1 − β₂ᵗ)) + ε).
 */
const reference =
  ({ lr = 0.001, weightDecay = 0, maximize = false, optax = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let m = 0;
    let v = 0;
    const rhoInf = 2 / (1 - 0.999) - 1;
    return gradients.map((raw, k) => {
      const t = k + 1;
      const g = prologue(raw, theta, weightDecay, maximize);
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      const mHat = m / (1 - 0.9 ** t);
      const rho = rhoInf - (2 * t * 0.999 ** t) / (1 - 0.999 ** t);
      if (rho > 5) {
        const l = optax ? 1 / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-8) : Math.sqrt(1 - 0.999 ** t) / (Math.sqrt(v) + 1e-8);
        const r = Math.sqrt(((rho - 4) * (rho - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rho));
        theta -= lr * mHat * r * l;
      } else theta -= lr * mHat;
      return theta;
    });
  };

describe('RAdam follows PyTorch over 20 steps (through the switch at ρ_t > 5)', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['L2 weight decay', { lr: 0.05, weightDecay: 0.1 }],
    ['maximize', { lr: 0.05, maximize: true }],
  ];
  for (const [name, options] of cases) {
    test(name, () => expectTrajectory(run((params) => new RAdam(params, options)), reference(options)));
  }
  test('optax: ε after the bias correction', () => {
    expectTrajectory(run((params) => new RAdam(params, { convention: 'optax', lr: 0.05 })), reference({ lr: 0.05, optax: true }));
  });
  test('Keras has no RAdam', () => {
    expect(() => new RAdam([{ data: 0, grad: 0 }], { convention: 'keras' })).toThrow(
      new RangeError("RAdam: convention must be 'torch' or 'optax' (Keras has no RAdam), got 'keras'"),
    );
  });
});

test('radamUpdate is plain momentum at t = 1 (ρ₁ = 1)', () => {
  // ρ∞ = 1999, ρ₁ = 1999 − 2·0.999/0.001 = 1 ≤ 5: θ = 1 − 0.1·m̂ = 1 − 0.1·2 = 0.8
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, betas: [0.9, 0.999], eps: 1e-8, epsRoot: 0, epsPlacement: 'hat' } as const;
  expect(radamUpdate({ expAvg: 0, expAvgSq: 0 }, 1, 2, h, biasCorrections(h, 1))).toBeCloseTo(0.8, 12);
});
