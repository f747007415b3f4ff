import { describe, expect, test } from 'vitest';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, NAdam, type Optimizer, type Param, RAdam, RMSprop, SGD } from '@etagrad/optim';
import { constant, cosine, warmup } from '@etagrad/sched';

/**
 * Minimize `f` from (−1.5, 2) with `steps` updates; the distance to the minimum (1, 1) at the end.
 * Rosenbrock: f = (1 − x)² + 100(y − x²)², ∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²).
 */
function distanceAfter(make: (params: Param[]) => Optimizer, steps: number, problem: 'rosenbrock' | 'quadratic'): number {
  const x = { data: -1.5, grad: 0 };
  const y = { data: 2, grad: 0 };
  const opt = make([x, y]);
  for (let k = 0; k < steps; k++) {
    if (problem === 'rosenbrock') {
      x.grad = -2 * (1 - x.data) - 400 * x.data * (y.data - x.data ** 2);
      y.grad = 200 * (y.data - x.data ** 2);
    } else {
      // f = (x − 1)²/2 + 5(y − 1)²: convex, minimum (1, 1)
      x.grad = x.data - 1;
      y.grad = 10 * (y.data - 1);
    }
    opt.step();
  }
  return Math.hypot(x.data - 1, y.data - 1);
}

// The lr and the number of steps of each were tuned by hand; the tolerance is 1e-3 for all.
const cases: [string, (params: Param[]) => Optimizer, number, 'rosenbrock' | 'quadratic'][] = [
  ['SGD, lr 1e-3, momentum 0.9', (p) => new SGD(p, { lr: 1e-3, momentum: 0.9 }), 5_000, 'rosenbrock'],
  ['Adagrad, lr 0.5', (p) => new Adagrad(p, { lr: 0.5 }), 20_000, 'rosenbrock'],
  ['RMSprop, lr cosine from 1e-2', (p) => new RMSprop(p, { lr: cosine({ initial: 1e-2, steps: 20_000 }) }), 20_000, 'rosenbrock'],
  ['Adam, lr 0.02', (p) => new Adam(p, { lr: 0.02 }), 5_000, 'rosenbrock'],
  ['AdamW, lr 0.02, no decay (decay would pull the minimum toward 0)', (p) => new AdamW(p, { lr: 0.02, weightDecay: 0 }), 5_000, 'rosenbrock'],
  ['Adamax, lr 0.02', (p) => new Adamax(p, { lr: 0.02 }), 5_000, 'rosenbrock'],
  ['NAdam, lr cosine from 0.02', (p) => new NAdam(p, { lr: cosine({ initial: 0.02, steps: 20_000 }) }), 20_000, 'rosenbrock'],
  // RAdam's first steps are plain momentum SGD, which a gradient of ~1000 throws far away: warm up.
  [
    'RAdam, lr cosine from 0.02 after 50 warmup steps',
    (p) => new RAdam(p, { lr: warmup(cosine({ initial: 0.02, steps: 20_000 }), { steps: 50 }) }),
    20_000,
    'rosenbrock',
  ],
  ['Lion, lr cosine from 3e-3', (p) => new Lion(p, { lr: cosine({ initial: 3e-3, steps: 20_000 }) }), 20_000, 'rosenbrock'],
  // Adadelta's steps start at √ε ≈ 1e-3 and it does not finish Rosenbrock's valley in 20k steps.
  ['Adadelta, lr 1 (convex quadratic)', (p) => new Adadelta(p, { lr: constant(1) }), 1_000, 'quadratic'],
];

describe('each optimizer converges', () => {
  for (const [name, make, steps, problem] of cases) {
    test(`${name}: within 1e-3 of (1, 1) on ${problem} after ${steps} steps`, () => {
      expect(distanceAfter(make, steps, problem)).toBeLessThan(1e-3);
    });
  }
});
