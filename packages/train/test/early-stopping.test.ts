import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type EarlyStoppingState,
  earlyStopping,
  initialEarlyStoppingState,
  observeEarlyStopping,
} from '../src/early-stopping.js';

describe('earlyStopping', () => {
  test('defaults: valLoss, patience 3, minDelta 0, restoreBest, lower is better', () => {
    expect(earlyStopping()).toEqual({
      kind: 'earlyStopping',
      monitor: 'valLoss',
      patience: 3,
      minDelta: 0,
      restoreBest: true,
      mode: 'min',
    });
  });

  test('mode auto: lower is better for losses, higher for metrics', () => {
    expect(earlyStopping({ monitor: 'loss' }).mode).toBe('min');
    expect(earlyStopping({ monitor: 'valAccuracy' }).mode).toBe('max');
    expect(earlyStopping({ monitor: 'valAccuracy', mode: 'min' }).mode).toBe('min');
  });

  test('mode auto minimises losses, mae, mse, rmse and errors, maximises accuracy, precision, recall, f1, auc', () => {
    for (const monitor of ['loss', 'valLoss', 'mae', 'valMae', 'mse', 'rmse', 'valRmse', 'meanSquaredError', 'error']) {
      expect(earlyStopping({ monitor }).mode).toBe('min');
    }
    for (const monitor of ['accuracy', 'valAccuracy', 'precision', 'recall', 'f1', 'valF1', 'auc', 'valAuc']) {
      expect(earlyStopping({ monitor }).mode).toBe('max');
    }
  });

  test('a monitor of unknown direction needs an explicit mode', () => {
    expect(() => earlyStopping({ monitor: 'r2' })).toThrow(
      new RangeError(
        "earlyStopping: mode must be 'min' or 'max' for monitor 'r2' (whether lower or higher is better is known only for losses, mae, mse, rmse, names ending in error, and accuracy, precision, recall, f1, auc), got 'auto'",
      ),
    );
    expect(earlyStopping({ monitor: 'r2', mode: 'max' }).mode).toBe('max');
  });

  test('refuses an unknown option, with a suggestion', () => {
    expect(() => earlyStopping({ patiance: 5 } as never)).toThrow(
      new TypeError("earlyStopping: unknown option 'patiance' (did you mean 'patience'?); options are monitor, patience, minDelta, restoreBest, mode"),
    );
    expect(() => earlyStopping(5 as never)).toThrow(new TypeError('earlyStopping: options must be an object, got 5'));
  });

  test('refuses bad options with the option named', () => {
    expect(() => earlyStopping({ patience: -1 })).toThrow(new RangeError('earlyStopping: patience must be an integer >= 0, got -1'));
    expect(() => earlyStopping({ patience: 1.5 })).toThrow('earlyStopping: patience must be an integer >= 0, got 1.5');
    expect(() => earlyStopping({ minDelta: Number.NaN })).toThrow('earlyStopping: minDelta must be a finite number >= 0, got NaN');
    expect(() => earlyStopping({ minDelta: '0.1' as never })).toThrow(new TypeError("earlyStopping: minDelta must be a number, got '0.1'"));
    expect(() => earlyStopping({ monitor: 3 as never })).toThrow('earlyStopping: monitor must be a string, got 3');
    expect(() => earlyStopping({ restoreBest: 1 as never })).toThrow('earlyStopping: restoreBest must be a boolean, got 1');
    expect(() => earlyStopping({ mode: 'up' as never })).toThrow("earlyStopping: mode must be one of 'min', 'max', 'auto', got 'up'");
  });
});

/** Feeds `values` (one per epoch) and returns the verdicts. */
function run(rule: ReturnType<typeof earlyStopping>, values: readonly number[]): string[] {
  let state: EarlyStoppingState = initialEarlyStoppingState;
  return values.map((value, epoch) => {
    const next = observeEarlyStopping(rule, state, value, epoch);
    state = next.state;
    return next.verdict;
  });
}

describe('observeEarlyStopping', () => {
  test('stops after `patience` epochs in a row without an improvement larger than minDelta', () => {
    const rule = earlyStopping({ patience: 2, minDelta: 0.01 });
    // 1.0 first (improves), 0.95 < 1.0 - 0.01 improves, 0.945 is not below 0.95 - 0.01 = 0.94
    // (wait 1), 0.93 < 0.94 improves (wait 0), then 0.93 and 0.925 both fail: wait 2 = patience.
    expect(run(rule, [1.0, 0.95, 0.945, 0.93, 0.93, 0.925])).toEqual([
      'improved', 'improved', 'waiting', 'improved', 'waiting', 'stop',
    ]);
  });

  test('patience 0 stops at the first epoch that does not improve (Keras)', () => {
    expect(run(earlyStopping({ patience: 0 }), [0.5, 0.5])).toEqual(['improved', 'stop']);
  });

  test('in max mode, higher is better', () => {
    const rule = earlyStopping({ monitor: 'valAccuracy', patience: 1 });
    expect(run(rule, [0.5, 0.75, 0.7])).toEqual(['improved', 'improved', 'stop']);
  });

  test('remembers the best value and its epoch', () => {
    const rule = earlyStopping({ patience: 5 });
    let state = initialEarlyStoppingState;
    [0.9, 0.4, 0.6, 0.5].forEach((value, epoch) => {
      state = observeEarlyStopping(rule, state, value, epoch).state;
    });
    expect(state).toEqual({ best: 0.4, bestEpoch: 1, wait: 2 });
  });

  test('law: a run that never improves after its first epoch stops exactly at epoch `patience`', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true }), (patience, start) => {
        const values = Array.from({ length: patience + 3 }, (_, i) => start + i); // a rising loss
        expect(run(earlyStopping({ patience }), values).indexOf('stop')).toBe(patience);
      }),
      { numRuns: 50 },
    );
  });
});

describe('observeEarlyStopping refuses bad arguments in the standard format', () => {
  const rule = earlyStopping({ monitor: 'loss' });
  const cases: [() => unknown, Error][] = [
    [() => observeEarlyStopping({} as never, initialEarlyStoppingState, 1, 0), new TypeError('observeEarlyStopping: rule must be made by earlyStopping({ ... }), got an object')],
    [() => observeEarlyStopping(rule, null as never, 1, 0), new TypeError('observeEarlyStopping: state must be an object, got null')],
    [() => observeEarlyStopping(rule, { best: 'low' } as never, 1, 0), new TypeError('observeEarlyStopping: state must be an early-stopping state { best, bestEpoch, wait }, got an object')],
    [() => observeEarlyStopping(rule, initialEarlyStoppingState, Number.NaN, 0), new RangeError('observeEarlyStopping: value must be a finite number, got NaN')],
    [() => observeEarlyStopping(rule, initialEarlyStoppingState, 1, -1), new RangeError('observeEarlyStopping: epoch must be an integer >= 0, got -1')],
  ];
  for (const [call, error] of cases) {
    test(error.message, () => {
      expect(call).toThrow(error);
    });
  }
});
