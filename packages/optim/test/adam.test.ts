import { describe, expect, test } from 'vitest';
import { Adam, adamUpdate, AdamW, biasCorrections, stateDict } from '@etagrad/optim';
import { constant, cosine } from '@etagrad/sched';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Options {
  lr?: number | ((k: number) => number);
  beta1?: number | ((k: number) => number);
  beta2?: number;
  eps?: number;
  weightDecay?: number;
  decoupled?: boolean;
  amsgrad?: boolean;
  maximize?: boolean;
}

const at = (x: number | ((k: number) => number), k: number) => (typeof x === 'number' ? x : x(k));

/**
 * PyTorch's documented Adam / AdamW, t = 1..:
 *   AdamW: θ ← θ − γλθ;  Adam: g ← g + λθ
 *   m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  m̂ ← m/(1 − β₁ᵗ);  v̂ ← v/(1 − β₂ᵗ)
 *   amsgrad: v_max ← max(v_max, v), v̂ ← v_max/(1 − β₂ᵗ)
 *   θ ← θ − γ·m̂/(√v̂ + ε)
 * With a scheduled β₁, the β₁ of step k is used in both the average and its correction.
 */
const reference =
  ({ lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0, decoupled = false, amsgrad = false, maximize = false }: Options): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let m = 0;
    let v = 0;
    let vMax = 0;
    return gradients.map((raw, k) => {
      const t = k + 1;
      const gamma = at(lr, k);
      const b1 = at(beta1, k);
      if (decoupled) theta -= gamma * weightDecay * theta;
      const g = prologue(raw, theta, decoupled ? 0 : weightDecay, maximize);
      m = b1 * m + (1 - b1) * g;
      v = beta2 * v + (1 - beta2) * g * g;
      const mHat = m / (1 - b1 ** t);
      vMax = Math.max(vMax, v);
      const vHat = (amsgrad ? vMax : v) / (1 - beta2 ** t);
      theta -= (gamma * mHat) / (Math.sqrt(vHat) + eps);
      return theta;
    });
  };

describe('Adam follows PyTorch over 20 steps', () => {
  const cases: [string, Options][] = [
    ['defaults', {}],
    ['larger lr', { lr: 0.1 }],
    ['amsgrad', { lr: 0.1, amsgrad: true }],
    ['L2 weight decay', { lr: 0.1, weightDecay: 0.1 }],
    ['maximize', { lr: 0.1, maximize: true }],
    ['other betas and eps', { lr: 0.05, beta1: 0.5, beta2: 0.9, eps: 1e-3 }],
  ];
  for (const [name, { beta1 = 0.9, beta2 = 0.999, lr, ...rest }] of cases) {
    test(name, () => {
      const options = { ...rest, ...(lr === undefined ? {} : { lr: lr as number }), betas: [beta1 as number, beta2] as const };
      expectTrajectory(run((params) => new Adam(params, options)), reference({ ...(lr === undefined ? {} : { lr }), beta1, beta2, ...rest }));
    });
  }

  test('lr and beta1 as schedules', () => {
    const lr = cosine({ initial: 0.1, steps: 20 });
    const beta1 = cosine({ initial: 0.95, final: 0.85, steps: 20 });
    expectTrajectory(run((params) => new Adam(params, { lr, betas: [beta1, 0.999] })), reference({ lr, beta1 }));
  });
});

describe('AdamW follows PyTorch over 20 steps', () => {
  test('defaults: decoupled decay 0.01', () => {
    expectTrajectory(run((params) => new AdamW(params)), reference({ weightDecay: 0.01, decoupled: true }));
  });
  test('amsgrad and a larger decay', () => {
    expectTrajectory(
      run((params) => new AdamW(params, { lr: 0.1, weightDecay: 0.5, amsgrad: true })),
      reference({ lr: 0.1, weightDecay: 0.5, decoupled: true, amsgrad: true }),
    );
  });
  test('Keras: weight decay 0.004', () => {
    const state = stateDict(new AdamW([{ data: 0, grad: 0 }], { convention: 'keras' }));
    expect(state.groups[0]?.hyper['weightDecay']).toBe(0.004);
  });
});

describe('Keras and optax Adam', () => {
  test("Keras' ε̂: θ ← θ − γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m/(√v + ε), ε = 1e-7", () => {
    const keras: Reference = (theta0, gradients) => {
      let theta = theta0;
      let m = 0;
      let v = 0;
      return gradients.map((g, k) => {
        const t = k + 1;
        const alpha = (0.001 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
        m += (g - m) * (1 - 0.9);
        v += (g * g - v) * (1 - 0.999);
        return (theta -= (m * alpha) / (Math.sqrt(v) + 1e-7));
      });
    };
    expectTrajectory(run((params) => new Adam(params, { convention: 'keras' })), keras);
  });

  test('optax: eps_root under the root, AMSGrad over the bias-corrected v̂', () => {
    // optax.amsgrad: v̂ = v/(1 − β₂ᵗ); v̂_max ← max(v̂_max, v̂); θ ← θ − γ·m̂/(√(v̂_max + εroot) + ε)
    const optax: Reference = (theta0, gradients) => {
      let theta = theta0;
      let m = 0;
      let v = 0;
      let vHatMax = 0;
      return gradients.map((g, k) => {
        const t = k + 1;
        m = 0.9 * m + 0.1 * g;
        v = 0.999 * v + 0.001 * g * g;
        vHatMax = Math.max(vHatMax, v / (1 - 0.999 ** t));
        return (theta -= (0.1 * (m / (1 - 0.9 ** t))) / (Math.sqrt(vHatMax + 1e-4) + 1e-8));
      });
    };
    expectTrajectory(run((params) => new Adam(params, { convention: 'optax', lr: 0.1, amsgrad: true, epsRoot: 1e-4 })), optax);
  });
});

describe('adamUpdate, the formula alone', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, betas: [0.9, 0.999], eps: 0, amsgrad: false, epsPlacement: 'outside', epsRoot: 0, amsgradMax: 'raw' } as const;

  test('the first step moves by lr·sign(g) when eps is 0', () => {
    // m = 0.1g, v = 0.001g²; m̂ = g, v̂ = g²; θ = 1 − 0.1·g/|g| = 0.9
    const s = { expAvg: 0, expAvgSq: 0, maxExpAvgSq: 0 };
    expect(adamUpdate(s, 1, 5, h, biasCorrections(h, 1))).toBeCloseTo(0.9, 14);
  });
});

test('a beta given as a schedule is checked at every step', () => {
  const x = { data: 1, grad: 1 };
  const beta = Object.assign((k: number) => (k < 1 ? 0.9 : 1.2), { spec: constant(0.9).spec });
  const opt = new Adam([x], { betas: [beta, 0.999] });
  opt.step();
  expect(() => opt.step()).toThrow(new RangeError('Adam: betas[0] (schedule at step 1) must be in [0, 1), got 1.2'));
});
