// Issue 10: custom schedules in optimizers. A registered kind saves and restores like a built-in
// one; a fromFunction schedule trains but cannot be saved; a bare function points at fromFunction.

import { checkPositive } from '@etagrad/check';
import { describe, expect, test } from 'vitest';
import { loadStateDict, SGD, stateDict } from '@etagrad/optim';
import { fromFunction, registerKind, warmup } from '@etagrad/sched';

const halving = registerKind({
  name: 'halving',
  options: { initial: checkPositive },
  formula: (t, { initial }) => initial / 2 ** t,
});

const param = () => ({ data: 1, grad: 0 });

describe('custom schedules in an optimizer', () => {
  test("a registered kind's schedule is saved and restored like a built-in one", () => {
    const p = param();
    const optimizer = new SGD([p], { lr: warmup(halving({ initial: 0.5 }), { steps: 2 }) });
    for (let i = 0; i < 3; i++) {
      p.grad = 1;
      optimizer.step();
    }
    const saved = JSON.parse(JSON.stringify(stateDict(optimizer)));
    const resumed = new SGD([param()], { lr: 0.1 });
    loadStateDict(resumed, saved);
    expect(stateDict(resumed)).toEqual(stateDict(optimizer));
  });

  test('a fromFunction schedule trains, and stateDict refuses it, naming it', () => {
    const p = param();
    const optimizer = new SGD([p], { lr: fromFunction((t) => 0.1 / (t + 1), { name: 'harmonic' }) });
    p.grad = 1;
    optimizer.step();
    expect(p.data).toBeCloseTo(0.9, 15);
    expect(() => stateDict(optimizer)).toThrow(
      new TypeError(
        'SGD.stateDict: schedule "harmonic" was made by fromFunction from a plain function, so it cannot be written as an expression, saved or rebuilt (registerKind makes a kind that can)',
      ),
    );
  });

  test('a bare function as lr is refused, pointing at fromFunction', () => {
    expect(() => new SGD([param()], { lr: ((t: number) => 0.1 / (t + 1)) as never })).toThrow(
      new TypeError(
        'SGD: lr must be a number or a schedule (wrap a plain function with fromFunction(fn, { name }) from @etagrad/sched), got a function',
      ),
    );
  });

  test('a saved schedule nested 3000 deep is refused and nothing changes', () => {
    const optimizer = new SGD([param()], { lr: 0.1 });
    const before = stateDict(optimizer);
    let spec: Record<string, unknown> = { kind: 'constant', value: 1 };
    for (let i = 0; i < 3000; i++) spec = { kind: 'scale', inner: spec, factor: 1 };
    const state = { ...before, groups: before.groups.map((g) => ({ ...g, hyper: { ...g.hyper, lr: spec } })) };
    expect(() => loadStateDict(optimizer, state as never)).toThrow(/schedules must nest at most 1000 deep, got deeper$/);
    expect(stateDict(optimizer)).toEqual(before);
  });
});
