import { describe, expect, test } from 'vitest';
import { Adagrad, Adam, Lion, RAdam, SGD, stateDict } from '@etagrad/optim';
import { constant, type Schedule } from '@etagrad/sched';

/** A schedule-shaped function with any values (the package's own constructors refuse bad ones). */
const rogue = (valueAt: (k: number) => number): Schedule => Object.assign(valueAt, { spec: constant(0.1).spec });

describe('a non-finite gradient', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    test(`${bad} throws before any parameter or buffer changes`, () => {
      const a = { data: 1, grad: 0.5 };
      const b = { data: 2, grad: 0.5 };
      const opt = new Adam([a, b], { lr: 0.1 });
      opt.step();
      const before = stateDict(opt);
      const data = [a.data, b.data];
      b.grad = bad; // a, earlier in the list, has a finite gradient: it must not move either
      expect(() => opt.step()).toThrow(new RangeError(`Adam: gradient of parameter 1 must be finite, got ${bad}`));
      expect([a.data, b.data]).toEqual(data);
      expect(stateDict(opt)).toEqual(before);
    });
  }

  test('names the parameter when parameters are named', () => {
    const opt = new SGD([['fc.bias', { data: 1, grad: NaN }]], { lr: 0.1 });
    expect(() => opt.step()).toThrow(new RangeError("SGD: gradient of parameter 'fc.bias' must be finite, got NaN"));
  });

  test("with nonFinite: 'skip' the update is skipped and counted", () => {
    const x = { data: 1, grad: NaN };
    const opt = new SGD([x], { lr: rogue((k) => 0.1 * (k + 1)), nonFinite: 'skip' });
    opt.step();
    expect(x.data).toBe(1);
    expect(opt.skippedSteps).toBe(1);
    expect(opt.stepCount).toBe(0);
    // the next update is still update 0 and reads lr(0) = 0.1: x = 1 − 0.1·2 = 0.8
    x.grad = 2;
    opt.step();
    expect(x.data).toBeCloseTo(0.8, 15);
    expect(opt.stepCount).toBe(1);
    expect(stateDict(opt).skippedSteps).toBe(1);
  });
});

describe('a schedule yielding an invalid value is an error at that step', () => {
  test('a negative lr', () => {
    const x = { data: 1, grad: 1 };
    const opt = new SGD([x], { lr: rogue((k) => [0.1, 0.05, -0.1][k] ?? 0) });
    opt.step(); // lr(0) = 0.1
    opt.step(); // lr(1) = 0.05
    const before = stateDict(opt);
    expect(() => opt.step()).toThrow(new RangeError('SGD: lr (schedule at step 2) must be a finite number >= 0, got -0.1'));
    expect(x.data).toBeCloseTo(1 - 0.1 - 0.05, 15);
    expect(stateDict(opt)).toEqual(before);
  });

  test('a non-finite lr', () => {
    const opt = new Adam([{ data: 1, grad: 1 }], { lr: rogue((k) => (k === 0 ? 0.1 : Infinity)) });
    opt.step();
    expect(() => opt.step()).toThrow(new RangeError('Adam: lr (schedule at step 1) must be a finite number >= 0, got Infinity'));
  });

  test('with several groups, the error names the group whose schedule went wrong', () => {
    const [a, b] = [{ data: 1, grad: 1 }, { data: 1, grad: 1 }];
    const opt = new SGD([{ params: [a] }, { params: [b], lr: rogue((k) => [0.1, -0.1][k] ?? 0) }], { lr: 0.1 });
    opt.step();
    expect(() => opt.step()).toThrow(new RangeError('SGD: params[1].lr (schedule at step 1) must be a finite number >= 0, got -0.1'));
    const adam = new Adam([{ params: [a] }, { params: [b], betas: [rogue((k) => (k === 0 ? 0.9 : 1.2)), 0.999] }], { lr: 0.1 });
    adam.step();
    expect(() => adam.step()).toThrow(new RangeError('Adam: params[1].betas[0] (schedule at step 1) must be in [0, 1), got 1.2'));
    const nesterov = new SGD([{ params: [a] }, { params: [b], momentum: rogue((k) => (k === 0 ? 0.9 : 0)), nesterov: true }], { lr: 0.1 });
    nesterov.step();
    expect(() => nesterov.step()).toThrow(new RangeError('SGD: params[1].momentum must be > 0 with nesterov, got 0'));
  });

  test('checked at step 0 when the optimizer is made', () => {
    expect(() => new SGD([{ data: 1, grad: 0 }], { lr: rogue(() => -1) })).toThrow(
      new RangeError('SGD: lr (schedule at step 0) must be a finite number >= 0, got -1'),
    );
  });
});

describe('options are validated at construction', () => {
  const p = () => [{ data: 1, grad: 0 }];
  const cases: [string, () => unknown, Error][] = [
    ['betas[0] out of range', () => new Adam(p(), { betas: [1.2, 0.999] }), new RangeError('Adam: betas[0] must be in [0, 1), got 1.2')],
    ['betas[1] NaN', () => new Adam(p(), { betas: [0.9, NaN] }), new RangeError('Adam: betas[1] must be in [0, 1), got NaN')],
    ['betas not a pair', () => new Adam(p(), { betas: [0.9] as never }), new TypeError('Adam: betas must be a pair [a, b], got an array of length 1')],
    ['negative lr', () => new Adam(p(), { lr: -0.1 }), new RangeError('Adam: lr must be a finite number >= 0, got -0.1')],
    ['lr a string', () => new Adam(p(), { lr: '0.1' as never }), new TypeError("Adam: lr must be a number or a schedule, got '0.1'")],
    ['negative eps', () => new Adam(p(), { eps: -1 }), new RangeError('Adam: eps must be a finite number > 0, got -1')],
    ['negative weight decay', () => new Adam(p(), { weightDecay: -1 }), new RangeError('Adam: weightDecay must be a finite number >= 0, got -1')],
    [
      'unknown decay mode',
      () => new Adam(p(), { decayMode: 'l1' as never }),
      new RangeError("Adam: decayMode must be one of 'l2', 'decoupled', got 'l1'"),
    ],
    ['amsgrad not a boolean', () => new Adam(p(), { amsgrad: 1 as never }), new TypeError('Adam: amsgrad must be a boolean, got 1')],
    ['momentum above 1', () => new SGD(p(), { lr: 0.1, momentum: 1.5 }), new RangeError('SGD: momentum must be in [0, 1], got 1.5')],
    [
      'an unknown option',
      () => new Adam(p(), { momentum: 0.9 } as never),
      new TypeError(
        "Adam: unknown option 'momentum'; options are lr, weightDecay, decayMode, maximize, betas, eps, amsgrad, epsPlacement, epsRoot, amsgradMax, convention, nonFinite, accumulate",
      ),
    ],
    ['options not an object', () => new Adam(p(), 3 as never), new TypeError('Adam: options must be an object, got 3')],
    [
      'an unknown convention',
      () => new Adam(p(), { convention: 'jax' as never }),
      new RangeError("Adam: convention must be one of 'torch', 'keras', 'optax', got 'jax'"),
    ],
    [
      'lr missing under optax',
      () => new Adam(p(), { convention: 'optax' }),
      new TypeError('Adam: lr must be given (optax has no default), got undefined'),
    ],
    [
      'an unknown nonFinite policy',
      () => new Adam(p(), { nonFinite: 'ignore' as never }),
      new RangeError("Adam: nonFinite must be one of 'throw', 'skip', got 'ignore'"),
    ],
    ['accumulate 0', () => new Adam(p(), { accumulate: 0 }), new RangeError('Adam: accumulate must be an integer >= 1, got 0')],
    [
      'a schedule where a number is read once',
      () => new Adagrad(p(), { initialAccumulatorValue: constant(0.1) as never }),
      new TypeError('Adagrad: initialAccumulatorValue must be a number (it is read once, not per step), got a schedule'),
    ],
    ['Lion betas above 1', () => new Lion(p(), { betas: [0.9, 1.1] }), new RangeError('Lion: betas[1] must be in [0, 1], got 1.1')],
    ['RAdam under Keras', () => new RAdam(p(), { convention: 'keras' }), new RangeError("RAdam: convention must be 'torch' or 'optax' (Keras has no RAdam), got 'keras'")],
  ];
  for (const [name, make, error] of cases) test(name, () => expect(make).toThrow(error));
});

describe('params are validated at construction', () => {
  const x = { data: 1, grad: 0 };
  const cases: [string, unknown, Error][] = [
    ['an empty list', [], new TypeError('Adam: params must be a non-empty array of parameters or groups, got an empty array')],
    ['not a list', x, new TypeError('Adam: params must be a non-empty array of parameters or groups, got an object')],
    ['not a parameter', [x, { data: 1 }], new TypeError('Adam: params[1] must be a parameter { data: number, grad: number }, got an object')],
    ['a parameter twice', [x, x], new RangeError('Adam: params[1] must appear once, got a parameter given twice')],
    [
      'a name twice',
      [['w', x], ['w', { data: 0, grad: 0 }]],
      new RangeError("Adam: params[1] must have a unique name, got 'w' twice"),
    ],
    [
      'a bad named pair',
      [['w', x], ['v']],
      new TypeError('Adam: params[1] must be a [name, { data: number, grad: number }] pair like params[0], got an array of length 1'),
    ],
    ['a group after a group that is not one', [{ params: [x] }, x], new TypeError('Adam: params[1] must be a group { params, ...options } like params[0], got an object')],
    ['an empty group', [{ params: [] }], new TypeError('Adam: params[0].params must be a non-empty array of parameters, got an empty array')],
    [
      'a group option that is not an option',
      [{ params: [x], momentum: 0.9 }],
      new TypeError(
        "Adam: unknown key 'momentum' in params[0]; keys are params, lr, weightDecay, decayMode, maximize, betas, eps, amsgrad, epsPlacement, epsRoot, amsgradMax",
      ),
    ],
    [
      'a bad group option, named by its group',
      [{ params: [x] }, { params: [{ data: 0, grad: 0 }], lr: -1 }],
      new RangeError('Adam: params[1].lr must be a finite number >= 0, got -1'),
    ],
    [
      'named and unnamed groups mixed',
      [{ params: [['w', x]] }, { params: [{ data: 0, grad: 0 }] }],
      new TypeError('Adam: params[1].params must be named like params[0].params, got unnamed parameters'),
    ],
    [
      'the same parameter in two groups',
      [{ params: [x] }, { params: [x] }],
      new RangeError('Adam: params[1].params[0] must appear once, got a parameter given twice'),
    ],
  ];
  for (const [name, params, error] of cases) test(name, () => expect(() => new Adam(params as never)).toThrow(error));
});

describe('setLr and lrScale', () => {
  test('refuse a bad group index, value or scale', () => {
    const opt = new SGD([{ data: 1, grad: 0 }], { lr: 0.1 });
    expect(() => opt.setLr(1, 0.1)).toThrow(new RangeError('SGD: groupIndex must be below the number of groups (1), got 1'));
    expect(() => opt.setLr(-1, 0.1)).toThrow(new RangeError('SGD: groupIndex must be an integer >= 0, got -1'));
    expect(() => opt.setLr(0, -0.1)).toThrow(new RangeError('SGD: lr must be a finite number >= 0, got -0.1'));
    expect(() => (opt.lrScale = -1)).toThrow(new RangeError('SGD: lrScale must be a finite number >= 0, got -1'));
    expect(() => opt.setLr(0, rogue((k) => (k < 1 ? 0.1 : -1)))).not.toThrow(); // valid at step 0, the current step
    opt.step();
    expect(() => opt.setLr(0, rogue((k) => (k < 1 ? 0.1 : -1)))).toThrow(
      new RangeError('SGD: lr (schedule at step 1) must be a finite number >= 0, got -1'),
    );
  });
});
