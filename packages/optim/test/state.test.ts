import { describe, expect, test } from 'vitest';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  Lion,
  loadStateDict,
  NAdam,
  type Optimizer,
  OptimizerBase,
  type Param,
  RAdam,
  RMSprop,
  SGD,
  type SgdBuffers,
  sgdDefinition,
  type SgdHyper,
  stateDict,
} from '@etagrad/optim';
import { cosine, linear, type Schedule, warmup } from '@etagrad/sched';

const lr = (): Schedule => warmup(cosine({ initial: 0.05, steps: 16 }), { steps: 3 });

/** Every optimizer, with a schedule on lr (and on another option where it has one to spare). */
const makers: [string, (params: readonly Param[] | readonly [string, Param][]) => Optimizer][] = [
  ['SGD', (p) => new SGD(p, { lr: lr(), momentum: linear({ from: 0.5, to: 0.9, steps: 10 }), nesterov: true })],
  ['Adagrad', (p) => new Adagrad(p, { lr: lr(), lrDecay: 0.01, initialAccumulatorValue: 0.1 })],
  ['RMSprop', (p) => new RMSprop(p, { lr: lr(), momentum: 0.5, centered: true })],
  ['Adam', (p) => new Adam(p, { lr: lr(), betas: [linear({ from: 0.95, to: 0.85, steps: 10 }), 0.999], amsgrad: true })],
  ['AdamW', (p) => new AdamW(p, { lr: lr(), weightDecay: 0.1 })],
  ['Adamax', (p) => new Adamax(p, { lr: lr(), weightDecay: 0.01 })],
  ['NAdam', (p) => new NAdam(p, { lr: lr() })],
  ['RAdam', (p) => new RAdam(p, { lr: lr() })],
  ['Adadelta', (p) => new Adadelta(p, { lr: lr(), rho: 0.8 })],
  ['Lion', (p) => new Lion(p, { lr: lr(), weightDecay: 0.1 })],
];

const NAMES = ['0.weight', '0.bias', '1.weight'];
const paramsAt = (data: readonly number[]): Param[] => data.map((x) => ({ data: x, grad: 0 }));
const asNamed = (params: Param[]): [string, Param][] => params.map((p, i) => [NAMES[i] ?? '', p]);

/** Set gradients for call k (fixed, changing sign) and step. */
function steps(opt: Optimizer, params: readonly Param[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    params.forEach((p, i) => (p.grad = Math.sin(1.7 * k + i) + 0.3 * p.data));
    opt.step();
    opt.zeroGrad();
  }
}

describe('a run saved at step k and resumed is bit-identical to one that never stopped', () => {
  for (const [name, make] of makers) {
    for (const keyed of ['by name', 'by position'] as const) {
      test(`${name}, buffers keyed ${keyed}`, () => {
        const start = [0.7, -0.3, 1.1];
        const wrap = (params: Param[]) => (keyed === 'by name' ? asNamed(params) : params);
        const straight = paramsAt(start);
        const straightOpt = make(wrap(straight));
        steps(straightOpt, straight, 0, 14);

        const first = paramsAt(start);
        const firstOpt = make(wrap(first));
        steps(firstOpt, first, 0, 6);
        const saved = JSON.stringify({ params: first.map((p) => p.data), optimizer: stateDict(firstOpt) });

        const loaded = JSON.parse(saved) as { params: number[]; optimizer: unknown };
        const resumed = paramsAt(loaded.params);
        const resumedOpt = make(wrap(resumed));
        loadStateDict(resumedOpt, loaded.optimizer);
        expect(resumedOpt.stepCount).toBe(6);
        expect(stateDict(resumedOpt)).toEqual(stateDict(firstOpt));
        steps(resumedOpt, resumed, 6, 14);

        resumed.forEach((p, i) => expect(Object.is(p.data, straight[i]?.data)).toBe(true));
        expect(stateDict(resumedOpt)).toEqual(stateDict(straightOpt));
      });
    }
  }

  test('with accumulation saved mid-window, lrScale, groups and a setLr schedule', () => {
    const start = [0.7, -0.3, 1.1];
    const make = (params: Param[]) => {
      const opt = new Adam(
        [
          { params: [params[0], params[1]] as Param[] },
          { params: [params[2]] as Param[], lr: 0.01, weightDecay: 0 },
        ],
        { lr: 0.1, weightDecay: 0.05, accumulate: 3 },
      );
      return opt;
    };
    const straight = paramsAt(start);
    const straightOpt = make(straight);
    straightOpt.lrScale = 0.5;
    straightOpt.setLr(1, lr());
    steps(straightOpt, straight, 0, 20);

    const first = paramsAt(start);
    const firstOpt = make(first);
    firstOpt.lrScale = 0.5;
    firstOpt.setLr(1, lr());
    steps(firstOpt, first, 0, 8); // 2 updates, 2 calls into the third window
    const state = JSON.parse(JSON.stringify(stateDict(firstOpt))) as Record<string, unknown>;
    expect(state['accumulated']).toBe(2);

    const resumed = paramsAt(first.map((p) => p.data));
    const resumedOpt = make(resumed); // lrScale 1 and lr 0.01 here: the state brings 0.5 and the schedule
    loadStateDict(resumedOpt, state);
    expect(resumedOpt.lrScale).toBe(0.5);
    steps(resumedOpt, resumed, 8, 20);
    resumed.forEach((p, i) => expect(Object.is(p.data, straight[i]?.data)).toBe(true));
  });
});

test('the state is plain JSON with the schedule spec, keyed by name', () => {
  const params = asNamed(paramsAt([1, 2, 3]));
  const opt = new Adam(params, { lr: cosine({ initial: 0.1, steps: 10 }) });
  const state = stateDict(opt);
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  expect(state).toMatchObject({
    version: 1,
    optimizer: 'Adam',
    stepCount: 0,
    groups: [{ params: NAMES, hyper: { lr: { kind: 'cosine', initial: 0.1, steps: 10, final: 0 }, betas: [0.9, 0.999] } }],
    buffers: { '0.weight': { expAvg: 0, expAvgSq: 0, maxExpAvgSq: 0 } },
  });
  expect(stateDict(new SGD(paramsAt([1]), { lr: 0.1, momentum: 0.9 })).buffers).toEqual([{ momentumBuffer: null }]);
});

describe('stateDict and loadStateDict take the optimizers of this package, and nothing else', () => {
  const rule = 'an optimizer made by @etagrad/optim (SGD, Adam, ... or a subclass of OptimizerBase)';
  // An Optimizer of one's own: it has the interface, not the books these functions read.
  const mine: Optimizer = { name: 'Mine', step() {}, zeroGrad() {}, stepCount: 0, lr: [0.1], lrScale: 1, setLr() {}, skippedSteps: 0 };
  const state = stateDict(new SGD(paramsAt([1]), { lr: 0.1 }));

  test.each([
    [`stateDict: optimizer must be ${rule}, got an object`, () => stateDict(mine)],
    [`stateDict: optimizer must be ${rule}, got null`, () => stateDict(null as never)],
    [`loadStateDict: optimizer must be ${rule}, got an object`, () => loadStateDict(mine, state)],
    [`loadStateDict: optimizer must be ${rule}, got 'SGD'`, () => loadStateDict('SGD' as never, state)],
  ])('TypeError: %s', (message, call) => {
    expect(call).toThrow(new TypeError(message));
  });

  test('a subclass of OptimizerBase over a definition saves and restores like the built-in ones', () => {
    class Plain extends OptimizerBase<SgdHyper, SgdBuffers> {
      constructor(params: readonly Param[]) {
        super(sgdDefinition, params, { lr: 0.1, momentum: 0.5 });
      }
    }
    const params = paramsAt([1, -2]);
    const opt = new Plain(params);
    steps(opt, params, 0, 3);
    const twin = new Plain(paramsAt([1, -2]));
    loadStateDict(twin, JSON.parse(JSON.stringify(stateDict(opt))));
    expect(twin.stepCount).toBe(3);
    expect(stateDict(twin)).toEqual(stateDict(opt));
  });
});

describe('a state that does not match is refused, naming what differs, and nothing changes', () => {
  const named = () => {
    const params = paramsAt([1, 2, 3]);
    const opt = new Adam(asNamed(params), { lr: 0.1 });
    params.forEach((p) => (p.grad = 1));
    opt.step();
    return opt;
  };
  const valid = () => JSON.parse(JSON.stringify(stateDict(named()))) as Record<string, any>;

  const cases: [string, (s: Record<string, any>) => unknown, Error][] = [
    ['not an object', () => 'state', new TypeError("Adam: state must be an object, got 'state'")],
    ['another version', (s) => ({ ...s, version: 2 }), new RangeError('Adam: state.version must be 1, got 2')],
    ['another optimizer', (s) => ({ ...s, optimizer: 'SGD' }), new RangeError("Adam: state.optimizer must be 'Adam', got 'SGD'")],
    [
      'an unknown top-level key, with the nearest known one',
      (s) => ({ ...s, stepcount: 3 }),
      new TypeError(
        "Adam: unknown key 'stepcount' in state (did you mean 'stepCount'?); keys are version, optimizer, stepCount, skippedSteps, lrScale, accumulate, accumulated, groups, buffers",
      ),
    ],
    [
      'an unknown top-level key near none',
      (s) => ({ ...s, model: {} }),
      new TypeError(
        "Adam: unknown key 'model' in state; keys are version, optimizer, stepCount, skippedSteps, lrScale, accumulate, accumulated, groups, buffers",
      ),
    ],
    [
      'another version is named as such, whatever keys it adds',
      (s) => ({ ...s, version: 2, momentum: {} }),
      new RangeError('Adam: state.version must be 1, got 2'),
    ],
    ['a negative step count', (s) => ({ ...s, stepCount: -1 }), new RangeError('Adam: state.stepCount must be an integer >= 0, got -1')],
    ['another accumulate', (s) => ({ ...s, accumulate: 4 }), new RangeError('Adam: state.accumulate must be 1 (as this optimizer), got 4')],
    [
      'another group count',
      (s) => ({ ...s, groups: [s.groups[0], s.groups[0]] }),
      new RangeError('Adam: state.groups must have 1 groups (as this optimizer), got 2'),
    ],
    [
      'another parameter count',
      (s) => ({ ...s, groups: [{ ...s.groups[0], params: ['0.weight', '0.bias'] }] }),
      new RangeError("Adam: state.groups[0].params must list 3 parameters (as this optimizer's group 0), got 2"),
    ],
    [
      'another parameter name',
      (s) => ({ ...s, groups: [{ ...s.groups[0], params: ['0.weight', '0.bias', '2.weight'] }] }),
      new RangeError("Adam: state.groups[0].params must include '1.weight' (a parameter of this optimizer's group 0), got 0.weight, 0.bias, 2.weight"),
    ],
    [
      'positional buffers for named parameters',
      (s) => ({ ...s, groups: [{ ...s.groups[0], params: 3 }] }),
      new TypeError("Adam: state.groups[0].params must be a list of parameter names (this optimizer's are named), got 3"),
    ],
    [
      'a missing buffer',
      (s) => ({ ...s, buffers: { ...s.buffers, '0.bias': { expAvg: 0, expAvgSq: 0 } } }),
      new TypeError("Adam: state.buffers['0.bias'].maxExpAvgSq must be a number, got undefined"),
    ],
    [
      'a buffer that is not a number',
      (s) => ({ ...s, buffers: { ...s.buffers, '0.bias': { expAvg: 'x', expAvgSq: 0, maxExpAvgSq: 0 } } }),
      new TypeError("Adam: state.buffers['0.bias'].expAvg must be a number, got 'x'"),
    ],
    [
      'an unknown buffer',
      (s) => ({ ...s, buffers: { ...s.buffers, '0.bias': { expAvg: 0, expAvgSq: 0, maxExpAvgSq: 0, momentumBuffer: 0 } } }),
      new TypeError("Adam: unknown key 'momentumBuffer' in state.buffers['0.bias']; keys are expAvg, expAvgSq, maxExpAvgSq"),
    ],
    [
      'an invalid hyperparameter',
      (s) => ({ ...s, groups: [{ ...s.groups[0], hyper: { ...s.groups[0].hyper, betas: [1.2, 0.999] } }] }),
      new RangeError('Adam: state.groups[0].hyper.betas[0] must be in [0, 1), got 1.2'),
    ],
    [
      'a broken schedule spec',
      (s) => ({ ...s, groups: [{ ...s.groups[0], hyper: { ...s.groups[0].hyper, lr: { kind: 'cosin' } } }] }),
      new RangeError(
        "Adam: state.groups[0].hyper.lr: spec.kind: unknown kind 'cosin' (did you mean 'cosine'?); kinds are constant, linear, timeDecay, stepDecay, multiStep, piecewise, exponential, polynomial, cosine, cosineRestarts, cyclic, oneCycle, inverseSqrt, warmup, join, scale, clamp, shift, repeat, perEpoch",
      ),
    ],
  ];
  for (const [name, corrupt, error] of cases) {
    test(name, () => {
      const opt = named();
      const before = stateDict(opt);
      expect(() => loadStateDict(opt, corrupt(valid()))).toThrow(error);
      expect(stateDict(opt)).toEqual(before);
    });
  }

  test('more malformed states, each refused in the same format', () => {
    const positional = () => {
      const opt = new Adam(paramsAt([1, 2]), { lr: 0.1, accumulate: 2 });
      return { opt, state: JSON.parse(JSON.stringify(stateDict(opt))) as Record<string, any> };
    };
    const cases: [(s: Record<string, any>) => unknown, Error][] = [
      [(s) => ({ ...s, accumulated: 2 }), new RangeError('Adam: state.accumulated must be an integer in [0, 2), got 2')],
      [(s) => ({ ...s, lrScale: -1 }), new RangeError('Adam: state.lrScale must be a finite number >= 0, got -1')],
      [(s) => ({ ...s, skippedSteps: 0.5 }), new RangeError('Adam: state.skippedSteps must be an integer >= 0, got 0.5')],
      [(s) => ({ ...s, groups: {} }), new TypeError('Adam: state.groups must be an array, got an object')],
      [(s) => ({ ...s, groups: [7] }), new TypeError('Adam: state.groups[0] must be an object, got 7')],
      [(s) => ({ ...s, groups: [{ ...s.groups[0], params: 3 }] }), new RangeError("Adam: state.groups[0].params must be 2 parameters (as this optimizer's group 0), got 3")],
      [
        (s) => ({ ...s, groups: [{ ...s.groups[0], params: ['a', 'b'] }] }),
        new TypeError("Adam: state.groups[0].params must be a count of parameters (this optimizer's are unnamed), got an array of length 2"),
      ],
      [(s) => ({ ...s, groups: [{ ...s.groups[0], extra: 1 }] }), new TypeError("Adam: unknown key 'extra' in state.groups[0]; keys are params, hyper")],
      [
        (s) => ({ ...s, groups: [{ ...s.groups[0], hypers: {} }] }),
        new TypeError("Adam: unknown key 'hypers' in state.groups[0] (did you mean 'hyper'?); keys are params, hyper"),
      ],
      [
        (s) => ({ ...s, buffers: [s.buffers[0], { ...s.buffers[1], gradsum: 0 }] }),
        new TypeError("Adam: unknown key 'gradsum' in state.buffers[1] (did you mean 'gradSum'?); keys are expAvg, expAvgSq, maxExpAvgSq, gradSum"),
      ],
      [
        (s) => ({ ...s, groups: [{ ...s.groups[0], hyper: { ...s.groups[0].hyper, momentum: 0.9 } }] }),
        new TypeError(
          "Adam: unknown key 'momentum' in state.groups[0].hyper; keys are lr, weightDecay, decayMode, maximize, betas, eps, amsgrad, epsPlacement, epsRoot, amsgradMax",
        ),
      ],
      [
        (s) => ({ ...s, buffers: [s.buffers[0], { ...s.buffers[1], gradSum: null }] }),
        new TypeError('Adam: state.buffers[1].gradSum must be a number, got null'),
      ],
    ];
    for (const [corrupt, error] of cases) {
      const { opt, state } = positional();
      const before = stateDict(opt);
      expect(() => loadStateDict(opt, corrupt(state))).toThrow(error);
      expect(stateDict(opt)).toEqual(before);
    }
  });

  test('a buffer for a parameter this optimizer does not have', () => {
    const opt = named();
    const state = valid();
    expect(() => loadStateDict(opt, { ...state, buffers: { ...state['buffers'], '9.weight': {} } })).toThrow(
      new TypeError("Adam: unknown key '9.weight' in state.buffers (did you mean '0.weight'?); keys are 0.weight, 0.bias, 1.weight"),
    );
  });

  test('named buffers for positional parameters', () => {
    const opt = new Adam(paramsAt([1, 2, 3]), { lr: 0.1 });
    expect(() => loadStateDict(opt, valid())).toThrow(
      new TypeError("Adam: state.buffers must be an array (this optimizer's parameters are unnamed), got an object"),
    );
  });

  test('a positional state with another count', () => {
    const opt = new Adam(paramsAt([1, 2]), { lr: 0.1 });
    const state = JSON.parse(JSON.stringify(stateDict(new Adam(paramsAt([1, 2, 3]), { lr: 0.1 }))));
    expect(() => loadStateDict(opt, state)).toThrow(new RangeError('Adam: state.buffers must have 2 entries (one per parameter), got 3'));
  });
});
