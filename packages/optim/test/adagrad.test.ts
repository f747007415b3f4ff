import { describe, expect, test } from 'vitest';
import { Adagrad, adagradUpdate } from '@etagrad/optim';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  maximize?: boolean;
  inside?: boolean;
}

/**
 * PyTorch's documented Adagrad: g ← ∇ + λθ; γ̃ ← γ / (1 + (t − 1)η); s ← s + g²;
 * θ ← θ − γ̃·g / (√s + ε). Keras and optax: θ ← θ − γ·g / √(s + ε), s starting at 0.1.
 */
const reference =
  ({ lr = 0.01, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10, maximize = false, inside = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let sum = initialAccumulatorValue;
    return gradients.map((raw, k) => {
      const t = k + 1;
      const g = prologue(raw, theta, weightDecay, maximize);
      const clr = lr / (1 + (t - 1) * lrDecay);
      sum += g * g;
      theta -= (clr * g) / (inside ? Math.sqrt(sum + eps) : Math.sqrt(sum) + eps);
      return theta;
    });
  };

describe('Adagrad follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['lr and lrDecay', { lr: 0.5, lrDecay: 0.1 }],
    ['L2 weight decay', { lr: 0.3, weightDecay: 0.1 }],
    ['maximize', { lr: 0.3, maximize: true }],
    ['initial accumulator', { lr: 0.3, initialAccumulatorValue: 0.5 }],
  ];
  for (const [name, options] of cases) {
    test(name, () => expectTrajectory(run((params) => new Adagrad(params, options)), reference(options)));
  }

  test('Keras and optax: accumulator 0.1, eps 1e-7 inside the root', () => {
    const keras: Options = { lr: 0.001, initialAccumulatorValue: 0.1, eps: 1e-7, inside: true };
    expectTrajectory(run((params) => new Adagrad(params, { convention: 'keras' })), reference(keras));
    expectTrajectory(run((params) => new Adagrad(params, { convention: 'optax', lr: 0.001 })), reference(keras));
  });
});

test('adagradUpdate, one step by hand', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, lrDecay: 0, initialAccumulatorValue: 0, eps: 0, epsPlacement: 'outside' } as const;
  const s = { sum: 0 };
  // s = 0 + 3² = 9; θ = 1 − 0.1·3/√9 = 0.9
  expect(adagradUpdate(s, 1, 3, h, { t: 1 })).toBeCloseTo(0.9, 15);
  // s = 9 + 4² = 25; θ = 0.9 − 0.1·4/5 = 0.82
  expect(adagradUpdate(s, 0.9, 4, h, { t: 2 })).toBeCloseTo(0.82, 15);
});
