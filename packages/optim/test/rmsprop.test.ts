import { describe, expect, test } from 'vitest';
import { RMSprop, rmspropUpdate } from '@etagrad/optim';
import { cosine } from '@etagrad/sched';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  maximize?: boolean;
}

/**
 * PyTorch's documented RMSprop: v ← αv + (1 − α)g²; centered: ḡ ← αḡ + (1 − α)g, ṽ ← v − ḡ²;
 * μ > 0: b ← μb + g/(√ṽ + ε), θ ← θ − γb; else θ ← θ − γg/(√ṽ + ε).
 */
const reference =
  ({ lr = 0.01, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false, maximize = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let v = 0;
    let gAvg = 0;
    let b = 0;
    return gradients.map((raw) => {
      const g = prologue(raw, theta, weightDecay, maximize);
      v = alpha * v + (1 - alpha) * g * g;
      let vTilde = v;
      if (centered) {
        gAvg = alpha * gAvg + (1 - alpha) * g;
        vTilde = v - gAvg * gAvg;
      }
      if (momentum > 0) {
        b = momentum * b + g / (Math.sqrt(vTilde) + eps);
        theta -= lr * b;
      } else theta -= (lr * g) / (Math.sqrt(vTilde) + eps);
      return theta;
    });
  };

describe('RMSprop follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['centered', { lr: 0.02, centered: true }],
    ['momentum', { lr: 0.01, momentum: 0.9 }],
    ['centered with momentum', { lr: 0.01, momentum: 0.5, centered: true, alpha: 0.9 }],
    ['L2 weight decay', { lr: 0.01, weightDecay: 0.1 }],
    ['maximize', { lr: 0.01, maximize: true, momentum: 0.3 }],
  ];
  for (const [name, options] of cases) {
    test(name, () => expectTrajectory(run((params) => new RMSprop(params, options)), reference(options)));
  }
});

// Keras: v ← ρv + (1 − ρ)g² (ρ 0.9, ε 1e-7); optax.rmsprop = chain(scale_by_rms(decay 0.9, eps
// 1e-8), scale by −γ_k, trace(μ)). Both: b ← μb + γ_k·g/√(v + ε); θ ← θ − b
for (const [convention, eps] of [['keras', 1e-7], ['optax', 1e-8]] as const) {
  test(`${convention} RMSprop: ε inside the root and lr inside the momentum buffer`, () => {
    const lr = cosine({ initial: 0.01, steps: 20 });
    const expected: Reference = (theta0, gradients) => {
      let theta = theta0;
      let v = 0;
      let b = 0;
      return gradients.map((g, k) => {
        v = 0.9 * v + 0.1 * g * g;
        b = 0.5 * b + (lr(k) * g) / Math.sqrt(v + eps);
        return (theta -= b);
      });
    };
    expectTrajectory(run((params) => new RMSprop(params, { convention, lr, momentum: 0.5 })), expected);
  });
}

test('centered RMSprop stays finite under a steady gradient', () => {
  // With g = 0.7 every step, v − ḡ² = g²·αᵗ(1 − αᵗ) shrinks to a rounding error that falls below
  // 0 near step 50 for α = 0.5; its square root must not turn the parameter into NaN.
  const p = { data: 0, grad: 0 };
  const opt = new RMSprop([p], { lr: 0.01, alpha: 0.5, centered: true });
  for (let k = 0; k < 100; k++) {
    p.grad = 0.7;
    opt.step();
    expect(Number.isFinite(p.data)).toBe(true);
  }
});

test('rmspropUpdate reads a variance below 0 by rounding as 0', () => {
  const h = { lr: 1e-10, weightDecay: 0, decayMode: 'l2', maximize: false, alpha: 1, eps: 1e-8, momentum: 0, centered: true, epsPlacement: 'outside', lrBeforeMomentum: false } as const;
  // α = 1 keeps the averages: v − ḡ² = 0.4899999999999999 − 0.7² < 0, read as 0, so
  // D = √0 + ε and θ = 1 − 1e-10·0.7/1e-8 = 0.993
  const s = { squareAvg: 0.4899999999999999, gradAvg: 0.7, momentumBuffer: 0 };
  expect(s.squareAvg - s.gradAvg * s.gradAvg).toBeLessThan(0);
  expect(rmspropUpdate(s, 1, 0.7, h)).toBeCloseTo(0.993, 12);
});

test('rmspropUpdate, one step by hand', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, alpha: 0.75, eps: 0, momentum: 0, centered: false, epsPlacement: 'outside', lrBeforeMomentum: false } as const;
  const s = { squareAvg: 0, gradAvg: 0, momentumBuffer: 0 };
  // v = 0.25·2² = 1; θ = 1 − 0.1·2/√1 = 0.8
  expect(rmspropUpdate(s, 1, 2, h)).toBeCloseTo(0.8, 15);
  expect(s.squareAvg).toBe(1);
});
