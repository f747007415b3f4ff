import { describe, expect, test } from 'vitest';
import { Lion, lionUpdate } from '@etagrad/optim';
import { expectTrajectory, type Reference, run } from './helpers.js';

interface Options {
  lr?: number;
  weightDecay?: number;
  maximize?: boolean;
  beta1?: number;
  beta2?: number;
}

/**
 * Lion, Algorithm 2 of Chen et al. (2023): c ← β₁m + (1 − β₁)g; θ ← θ − γ(sign(c) + λθ);
 * m ← β₂m + (1 − β₂)g.
 */
const reference =
  ({ lr = 1e-4, weightDecay = 0, maximize = false, beta1 = 0.9, beta2 = 0.99 }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let m = 0;
    return gradients.map((raw) => {
      const g = maximize ? -raw : raw;
      const c = beta1 * m + (1 - beta1) * g;
      theta -= lr * (Math.sign(c) + weightDecay * theta);
      m = beta2 * m + (1 - beta2) * g;
      return theta;
    });
  };

describe('Lion follows its paper over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['decoupled weight decay', { lr: 0.01, weightDecay: 0.5 }],
    ['maximize', { lr: 0.01, maximize: true }],
    ['other betas', { lr: 0.01, beta1: 0.5, beta2: 0.9 }],
  ];
  for (const [name, { beta1 = 0.9, beta2 = 0.99, ...rest }] of cases) {
    test(name, () => {
      expectTrajectory(run((params) => new Lion(params, { ...rest, betas: [beta1, beta2] })), reference({ beta1, beta2, ...rest }));
    });
  }
});

test('lionUpdate moves by exactly lr, and not at all on a zero direction', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'decoupled', maximize: false, betas: [0.9, 0.99] } as const;
  // c = 0.1·(−3) < 0: θ = 1 + 0.1
  expect(lionUpdate({ expAvg: 0 }, 1, -3, h)).toBeCloseTo(1.1, 15);
  expect(lionUpdate({ expAvg: 0 }, 1, 0, h)).toBe(1);
});
