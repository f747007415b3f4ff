import { describe, expect, test } from 'vitest';
import { SGD, sgdUpdate } from '@etagrad/optim';
import { constant, cosine } from '@etagrad/sched';
import { expectTrajectory, prologue, type Reference, run } from './helpers.js';

interface Sgd {
  lr: number | ((t: number) => number);
  momentum?: number;
  dampening?: number;
  nesterov?: boolean;
  weightDecay?: number;
  maximize?: boolean;
}

/**
 * PyTorch's documented SGD (torch.optim.SGD), for t = 1..:
 *   g ← ∇ (negated if maximize) + λθ;  if μ ≠ 0: b ← (t > 1 ? μb + (1 − τ)g : g),
 *   g ← nesterov ? g + μb : b;  θ ← θ − γg
 */
const sgdReference =
  ({ lr, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0, maximize = false }: Sgd): Reference =>
  (theta0, gradients) => {
    let theta = theta0;
    let b = 0;
    return gradients.map((raw, k) => {
      const t = k + 1;
      let g = prologue(raw, theta, weightDecay, maximize);
      if (momentum !== 0) {
        b = t > 1 ? momentum * b + (1 - dampening) * g : g;
        g = nesterov ? g + momentum * b : b;
      }
      theta -= (typeof lr === 'number' ? lr : lr(k)) * g;
      return theta;
    });
  };

describe('SGD follows PyTorch over 20 steps', () => {
  const cases: [string, Sgd][] = [
    ['plain', { lr: 0.1 }],
    ['momentum', { lr: 0.05, momentum: 0.9 }],
    ['momentum with dampening', { lr: 0.05, momentum: 0.9, dampening: 0.3 }],
    ['nesterov', { lr: 0.05, momentum: 0.8, nesterov: true }],
    ['L2 weight decay', { lr: 0.1, momentum: 0.5, weightDecay: 0.1 }],
    ['maximize', { lr: 0.1, momentum: 0.5, maximize: true, weightDecay: 0.05 }],
  ];
  for (const [name, options] of cases) {
    test(name, () => {
      const { lr, ...rest } = options;
      expectTrajectory(run((params) => new SGD(params, { lr: lr as number, ...rest })), sgdReference(options));
    });
  }

  test('decoupled weight decay shrinks θ by (1 − γλ) before the step', () => {
    const reference: Reference = (theta0, gradients) => {
      let theta = theta0;
      return gradients.map((g) => (theta = theta * (1 - 0.1 * 0.2) - 0.1 * g));
    };
    expectTrajectory(run((params) => new SGD(params, { lr: 0.1, weightDecay: 0.2, decayMode: 'decoupled' })), reference);
  });

  test('with a schedule, step k uses lr(k)', () => {
    const lr = cosine({ initial: 0.2, steps: 20 });
    expectTrajectory(run((params) => new SGD(params, { lr, momentum: 0.9 })), sgdReference({ lr, momentum: 0.9 }));
  });
});

describe('SGD with lr inside the momentum buffer (Keras)', () => {
  // Keras' SGD: v ← μv − γ_k·g; θ ← θ + v (nesterov: θ ← θ + μv − γ_k·g); v starts at 0.
  const kerasReference =
    (lr: (k: number) => number, momentum: number, nesterov: boolean): Reference =>
    (theta0, gradients) => {
      let theta = theta0;
      let v = 0;
      return gradients.map((g, k) => {
        v = momentum * v - lr(k) * g;
        theta += nesterov ? momentum * v - lr(k) * g : v;
        return theta;
      });
    };

  test('gives Keras numbers when lr changes', () => {
    const lr = cosine({ initial: 0.2, steps: 20 });
    expectTrajectory(run((params) => new SGD(params, { lr, momentum: 0.9, convention: 'keras' })), kerasReference(lr, 0.9, false));
    expectTrajectory(
      run((params) => new SGD(params, { lr, momentum: 0.9, nesterov: true, convention: 'keras' })),
      kerasReference(lr, 0.9, true),
    );
  });

  test('equals PyTorch while lr is constant', () => {
    const torch = run((params) => new SGD(params, { lr: 0.05, momentum: 0.9 }));
    const keras = run((params) => new SGD(params, { lr: 0.05, momentum: 0.9, lrBeforeMomentum: true }));
    keras.forEach((row, k) => row.forEach((x, i) => expect(x).toBeCloseTo(torch[k]?.[i] ?? NaN, 12)));
  });
});

describe('sgdUpdate, the formula alone', () => {
  const h = { lr: 0.1, weightDecay: 0, decayMode: 'l2', maximize: false, momentum: 0.9, dampening: 0.5, nesterov: false, lrBeforeMomentum: false } as const;

  test('the first update copies the gradient into the buffer (no dampening)', () => {
    const s = { momentumBuffer: null };
    // b = g = 2; θ = 1 − 0.1·2 = 0.8
    expect(sgdUpdate(s, 1, 2, h)).toBeCloseTo(0.8, 15);
    expect(s.momentumBuffer).toBe(2);
    // b = 0.9·2 + 0.5·1 = 2.3; θ = 0.8 − 0.23 = 0.57
    expect(sgdUpdate(s, 0.8, 1, h)).toBeCloseTo(0.57, 15);
  });

  test('without momentum no buffer is made', () => {
    const s = { momentumBuffer: null };
    // θ = 1 − 0.1·2 = 0.8
    expect(sgdUpdate(s, 1, 2, { ...h, momentum: 0 })).toBeCloseTo(0.8, 15);
    expect(s.momentumBuffer).toBeNull();
  });
});

describe('the three regimes of the learning rate on f(x) = x²/2 (gradient x)', () => {
  const descend = (lr: number, steps: number): number[] => {
    const x = { data: 1, grad: 0 };
    const opt = new SGD([x], { lr });
    const out = [];
    for (let k = 0; k < steps; k++) {
      x.grad = x.data; // f'(x) = x
      opt.step();
      out.push(x.data);
    }
    return out;
  };

  test('lr 0.01 converges, slowly: x_k = 0.99^k', () => {
    const xs = descend(0.01, 100);
    // after 100 steps 0.99^100 ≈ 0.366: still more than a third of the way from the minimum
    expect(xs[99]).toBeCloseTo(0.99 ** 100, 12);
    expect(xs[99]).toBeGreaterThan(0.36);
    xs.forEach((x, k) => k > 0 && expect(x).toBeLessThan(xs[k - 1] ?? Infinity));
  });

  test('lr 1.0 lands on the minimum in one step: x_1 = x_0 − 1·x_0 = 0', () => {
    expect(descend(1, 1)).toEqual([0]);
  });

  test('lr 2.5 overshoots and diverges: x_k = (1 − 2.5)^k = (−1.5)^k', () => {
    const xs = descend(2.5, 20);
    expect(xs[0]).toBe(-1.5);
    expect(xs[19]).toBeCloseTo((-1.5) ** 20, 6);
    expect(Math.abs(xs[19] ?? 0)).toBeGreaterThan(3000);
  });
});

describe('SGD options', () => {
  const p = () => [{ data: 1, grad: 0 }];

  test('lr must be given: PyTorch and optax have no default', () => {
    expect(() => new SGD(p(), {} as never)).toThrow(new TypeError('SGD: lr must be given (torch has no default), got undefined'));
    expect(() => new SGD(p(), { convention: 'optax' } as never)).toThrow(
      new TypeError('SGD: lr must be given (optax has no default), got undefined'),
    );
  });

  test('an lr given by every group is enough (PyTorch: required per group)', () => {
    expect(new SGD([{ params: p(), lr: 0.1 }, { params: p(), lr: 0.2 }], {}).lr).toEqual([0.1, 0.2]);
    expect(() => new SGD([{ params: p(), lr: 0.1 }, { params: p() }], {})).toThrow(
      new TypeError('SGD: params[1].lr must be given (torch has no default), got undefined'),
    );
  });

  test('Keras gives lr 0.01', () => {
    expect(new SGD(p(), { convention: 'keras' } as never).lr).toEqual([0.01]);
  });

  test('nesterov needs momentum and no dampening', () => {
    expect(() => new SGD(p(), { lr: 0.1, nesterov: true })).toThrow(new RangeError('SGD: momentum must be > 0 with nesterov, got 0'));
    expect(() => new SGD(p(), { lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow(
      new RangeError('SGD: dampening must be 0 with nesterov, got 0.1'),
    );
  });

  test('momentum may follow a schedule, checked at each step', () => {
    const x = { data: 1, grad: 1 };
    const opt = new SGD([x], { lr: 0.1, momentum: constant(0.5) });
    opt.step();
    // b = g = 1; θ = 1 − 0.1 = 0.9; then b = 0.5·1 + 1 = 1.5; θ = 0.9 − 0.15 = 0.75
    opt.step();
    expect(x.data).toBeCloseTo(0.75, 15);
  });
});
