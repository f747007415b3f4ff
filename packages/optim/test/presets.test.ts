import { describe, expect, test } from 'vitest';
import { Adadelta, Adagrad, Adam, Adamax, AdamW, Lion, NAdam, type Optimizer, type Param, RAdam, RMSprop, SGD, stateDict } from '@etagrad/optim';

type Make = (params: Param[], options: Record<string, unknown>) => Optimizer;

/**
 * The defaults each convention gives (the README's table): what `stateDict(optimizer)` reports for a
 * group made with no options but `convention` (and lr where the framework requires one).
 */
const expected: [string, Make, Record<'torch' | 'keras' | 'optax', Record<string, unknown> | null>][] = [
  [
    'SGD',
    (p, o) => new SGD(p, o),
    {
      torch: { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, decayMode: 'l2', lrBeforeMomentum: false },
      keras: { lr: 0.01, lrBeforeMomentum: true, decayMode: 'decoupled' },
      optax: { lrBeforeMomentum: false, decayMode: 'decoupled' },
    },
  ],
  [
    'Adagrad',
    (p, o) => new Adagrad(p, o),
    {
      torch: { lr: 0.01, lrDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, epsPlacement: 'outside' },
      keras: { lr: 0.001, initialAccumulatorValue: 0.1, eps: 1e-7, epsPlacement: 'inside' },
      optax: { initialAccumulatorValue: 0.1, eps: 1e-7, epsPlacement: 'inside' },
    },
  ],
  [
    'RMSprop',
    (p, o) => new RMSprop(p, o),
    {
      torch: { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, epsPlacement: 'outside', lrBeforeMomentum: false },
      keras: { lr: 0.001, alpha: 0.9, eps: 1e-7, epsPlacement: 'inside', lrBeforeMomentum: true },
      optax: { alpha: 0.9, eps: 1e-8, epsPlacement: 'inside', lrBeforeMomentum: true },
    },
  ],
  [
    'Adam',
    (p, o) => new Adam(p, o),
    {
      torch: { lr: 0.001, betas: [0.9, 0.999], eps: 1e-8, amsgrad: false, epsPlacement: 'outside', epsRoot: 0, amsgradMax: 'raw', decayMode: 'l2' },
      keras: { lr: 0.001, eps: 1e-7, epsPlacement: 'hat', amsgradMax: 'raw' },
      optax: { eps: 1e-8, epsPlacement: 'outside', amsgradMax: 'corrected' },
    },
  ],
  [
    'AdamW',
    (p, o) => new AdamW(p, o),
    {
      torch: { lr: 0.001, weightDecay: 0.01, decayMode: 'decoupled', eps: 1e-8 },
      keras: { weightDecay: 0.004, decayMode: 'decoupled', eps: 1e-7, epsPlacement: 'hat' },
      optax: { weightDecay: 1e-4, decayMode: 'decoupled', amsgradMax: 'corrected' },
    },
  ],
  [
    'Adamax',
    (p, o) => new Adamax(p, o),
    {
      torch: { lr: 0.002, betas: [0.9, 0.999], eps: 1e-8, epsPlacement: 'max' },
      keras: { lr: 0.001, eps: 1e-7, epsPlacement: 'outside' },
      optax: { eps: 1e-8, epsPlacement: 'max' },
    },
  ],
  [
    'NAdam',
    (p, o) => new NAdam(p, o),
    {
      torch: { lr: 0.002, eps: 1e-8, momentumDecay: 0.004, momentumSchedule: 'dozat' },
      keras: { lr: 0.001, eps: 1e-7, momentumDecay: 1, momentumSchedule: 'dozat' },
      optax: { eps: 1e-8, momentumSchedule: 'constant' },
    },
  ],
  [
    'RAdam',
    (p, o) => new RAdam(p, o),
    {
      torch: { lr: 0.001, eps: 1e-8, epsPlacement: 'hat' },
      keras: null,
      optax: { eps: 1e-8, epsPlacement: 'outside' },
    },
  ],
  [
    'Adadelta',
    (p, o) => new Adadelta(p, o),
    {
      torch: { lr: 1, rho: 0.9, eps: 1e-6, decayMode: 'l2' },
      keras: { lr: 0.001, rho: 0.95, eps: 1e-7, decayMode: 'decoupled' },
      optax: { rho: 0.9, eps: 1e-6, decayMode: 'l2' },
    },
  ],
  [
    'Lion',
    (p, o) => new Lion(p, o),
    {
      torch: { lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0, decayMode: 'decoupled' },
      keras: { lr: 0.001, weightDecay: 0, decayMode: 'decoupled' },
      optax: { weightDecay: 1e-3, decayMode: 'decoupled' },
    },
  ],
];

describe('each convention gives its framework defaults', () => {
  for (const [name, make, byConvention] of expected) {
    for (const [convention, defaults] of Object.entries(byConvention)) {
      test(`${name}, ${convention}`, () => {
        const needsLr = convention === 'optax' || (name === 'SGD' && convention === 'torch');
        const options = { convention, ...(needsLr ? { lr: 0.5 } : {}) };
        if (defaults === null) {
          expect(() => make([{ data: 0, grad: 0 }], options)).toThrow(RangeError);
          return;
        }
        const hyper = stateDict(make([{ data: 0, grad: 0 }], options)).groups[0]?.hyper;
        expect(hyper).toMatchObject(defaults);
      });
    }
  }

  test('an explicit option wins over the preset', () => {
    const opt = new Adam([{ data: 0, grad: 0 }], { convention: 'keras', eps: 1e-3, epsPlacement: 'outside' });
    expect(stateDict(opt).groups[0]?.hyper).toMatchObject({ eps: 1e-3, epsPlacement: 'outside', lr: 0.001 });
  });
});
