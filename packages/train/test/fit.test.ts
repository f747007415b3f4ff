import { zeroGrad } from '@etagrad/autograd';
import { type Linear, mse, type Loss } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { cosine, exponential, reduceOnPlateau, type Schedule } from '@etagrad/sched';
import { serializeCheckpoint } from '../src/checkpoint-format.js';
import { parseCheckpoint } from '../src/checkpoint-parse.js';
import { describe, expect, test } from 'vitest';
import { earlyStopping } from '../src/early-stopping.js';
import { fit } from '../src/fit.js';
import type { FitOptions } from '../src/fit-options.js';
import type { ProgressReporter } from '../src/progress-reporter.js';
import { line, lineModel, mirrored, weights } from './line-fixture.js';

/** fit on `line` with SGD, full batch, no shuffle, silent; `extra` (or what it makes of the model) overrides. */
function fitLine(lr: number | Schedule, epochs: number, extra: Partial<FitOptions> | ((model: Linear) => Partial<FitOptions>) = {}) {
  const model = lineModel();
  const optimizer = new SGD(model.parameters(), { lr });
  const overrides = typeof extra === 'function' ? extra(model) : extra;
  const history = fit(model, { data: line, loss: mse, optimizer, epochs, batchSize: 2, shuffle: false, progress: false, ...overrides });
  return { model, optimizer, history };
}

describe('fit, worked by hand', () => {
  test('one full-batch SGD step: w = 0 - 0.1 * (-10) = 1, b = 0 - 0.1 * (-6) = 0.6', () => {
    const { model, history } = fitLine(0.1, 1);
    expect(weights(model)[0]).toBeCloseTo(1, 12);
    expect(weights(model)[1]).toBeCloseTo(0.6, 12);
    expect(history).toEqual({
      steps: [{ step: 0, epoch: 0, loss: 10, lr: 0.1 }],
      epochs: [{ epoch: 0, steps: 1, loss: 10, metrics: {}, valLoss: null, valMetrics: null, lr: 0.1, lrScale: 1 }],
      stopped: null,
    });
  });

  test('the epoch loss is the sample-weighted mean of its batch losses', () => {
    // batchSize 1, no shuffle: step 0 on x = 1: r = -2, loss 4; dw = 2(-2)(1) = -4, db = -4, so
    // w = b = 0.4 (lr 0.1). Step 1 on x = 2: r = 0.8 + 0.4 - 4 = -2.8, loss 7.84.
    // Epoch loss = (4 + 7.84) / 2 = 5.92.
    const { history } = fitLine(0.1, 1, { batchSize: 1 });
    expect(history.steps.map((s) => s.loss)).toEqual([4, expect.closeTo(7.84, 12)]);
    expect(history.epochs[0]?.loss).toBeCloseTo(5.92, 12);
  });

  test('validation and metrics are measured after each epoch', () => {
    // after the step above (w = 1, b = 0.6), on mirrored data (y = -2, -4):
    // r = (1.6 + 2, 2.6 + 4) = (3.6, 6.6), valLoss = (12.96 + 43.56) / 2 = 28.26
    const { history } = fitLine(0.1, 1, { validation: mirrored, metrics: { one: () => 1 } });
    expect(history.epochs[0]?.valLoss).toBeCloseTo(28.26, 10);
    expect(history.epochs[0]?.metrics).toEqual({ one: 1 });
    expect(history.epochs[0]?.valMetrics).toEqual({ one: 1 });
  });
});

describe('learning rates', () => {
  test("each step records the rate its update used: the schedule's value at that step", () => {
    const schedule = cosine({ initial: 0.1, steps: 4, final: 0.01 });
    const { history } = fitLine(schedule, 3, { batchSize: 1 });
    expect(history.steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(history.steps.map((s) => s.epoch)).toEqual([0, 0, 1, 1, 2, 2]);
    // cos(pi t / 4): t = 2 is midway, 0.01 + 0.09 / 2 = 0.055; from t = 4 on, final = 0.01
    expect(history.steps.map((s) => s.lr)).toEqual([0, 1, 2, 3, 4, 5].map((t) => schedule(t)));
    expect(history.steps[2]?.lr).toBeCloseTo(0.055, 12);
    expect(history.steps[5]?.lr).toBe(0.01);
  });

  test('reduce on plateau scales the rate after epochs whose valLoss got worse', () => {
    // valLoss on the mirrored data rises every epoch (see early stopping below). PyTorch's rule
    // with patience 0: after epoch 0 (the first, best) nothing; after each worse epoch the
    // multiplier halves: 1, 0.5, 0.25, 0.125. A step uses the multiplier set before its epoch.
    const { history } = fitLine(0.1, 4, { validation: mirrored, reduceOnPlateau: reduceOnPlateau({ patience: 0, factor: 0.5 }) });
    expect(history.epochs.map((e) => e.lrScale)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(history.steps.map((s) => s.lr)).toEqual([0.1, 0.1, 0.05, 0.025]);
  });

  test('without validation the plateau watches the training loss', () => {
    // SGD with lr 1e-300 leaves the training loss at 10 every epoch: never better than the first
    const { history } = fitLine(1e-300, 3, { reduceOnPlateau: reduceOnPlateau({ patience: 0, factor: 0.5 }) });
    expect(history.epochs.map((e) => e.loss)).toEqual([10, 10, 10]);
    expect(history.epochs.map((e) => e.lrScale)).toEqual([1, 0.5, 0.25]);
  });
});

describe('divergence', () => {
  test('a loss that becomes non-finite stops the run with the step and lr, model left finite', () => {
    // lr 100 is far past 2 / (largest Hessian eigenvalue 6.85): each step multiplies the error
    // by about 680 until the squared residual overflows.
    const { model, history } = fitLine(100, 1000);
    const failed = history.steps.length; // the update that would have followed the last recorded one
    expect(failed).toBeGreaterThan(5);
    expect(history.stopped).toEqual({
      reason: 'diverged',
      epoch: failed,
      step: failed,
      lr: 100,
      message: `loss diverged at step ${failed} (lr 100): try a smaller learning rate or a warmup`,
    });
    expect(weights(model).every(Number.isFinite)).toBe(true);
    expect(history.epochs).toHaveLength(failed);
  });

  test('an update that overflows a parameter is undone', () => {
    // lr 1e308: w = 0 - 1e308 * (-10) = Infinity, so the update is rolled back to w = b = 0
    const { model, history } = fitLine(1e308, 3);
    expect(weights(model)).toEqual([0, 0]);
    expect(history.steps).toEqual([]);
    expect(history.stopped?.message).toBe('parameters diverged at step 0 (lr 1e+308): try a smaller learning rate or a warmup');
  });

  test('a non-finite gradient stops before the update', () => {
    // sqrt(0) = 0 is finite, its derivative 1 / (2 sqrt(0)) is not
    const rootLoss: Loss = (outputs) => (outputs[0]?.[0] ?? raise()).abs().sqrt();
    const { model, history } = fitLine(0.1, 3, { loss: rootLoss });
    expect(weights(model)).toEqual([0, 0]);
    expect(history.stopped?.message).toBe('gradient diverged at step 0 (lr 0.1): try a smaller learning rate or a warmup');
  });
});

describe('divergence that is not the loss', () => {
  test('a schedule that yields Infinity stops the run as diverged, with the history kept', () => {
    // y = 0 is fitted from the start (w = b = 0): every gradient is 0, so only the rate can go
    // wrong. 10^t overflows to Infinity at t = 309; Infinity * 0 would make the parameters NaN.
    const { model, history } = fitLine(exponential({ initial: 1, rate: 10 }), 400, { data: { x: [[1], [2]], y: [0, 0] } });
    expect(history.steps).toHaveLength(309);
    expect(history.epochs).toHaveLength(309);
    expect(history.stopped).toEqual({
      reason: 'diverged',
      epoch: 309,
      step: 309,
      lr: Infinity,
      message: 'learning rate was Infinity at step 309: a schedule must give finite rates',
    });
    expect(weights(model)).toEqual([0, 0]);
  });

  test('a metric that gives NaN stops the run before the update, so that every checkpoint stays readable', () => {
    const saved: string[] = [];
    const { model, history } = fitLine(0.1, 5, {
      metrics: { r: ({ length }) => (length > 0 ? Number.NaN : 0) },
      checkpoint: { save: (c) => void saved.push(serializeCheckpoint(c)) },
    });
    expect(history.stopped).toEqual({
      reason: 'diverged',
      epoch: 0,
      step: 0,
      lr: 0.1,
      message: 'metric r was NaN at step 0: a metric must give a finite number (the run stopped, so that its checkpoints stay readable)',
    });
    expect(weights(model)).toEqual([0, 0]);
    expect(saved).toHaveLength(1);
    expect(parseCheckpoint(saved[0] ?? '').history.stopped?.reason).toBe('diverged');
  });
});

function raise(): never {
  throw new Error('no output');
}

describe('stopping', () => {
  test("a step callback returning 'stop' ends training after that step", () => {
    const seen: number[] = [];
    const { history } = fitLine(0.01, 10, {
      batchSize: 1,
      callbacks: { onStepEnd: ({ step }) => (seen.push(step), step === 2 ? 'stop' : undefined) },
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(history.stopped).toEqual({ reason: 'callback', epoch: 1, step: 3, lr: 0.01, message: 'a callback asked to stop after step 2' });
    expect(history.epochs).toHaveLength(1); // the interrupted epoch has no record
  });

  test("an epoch callback returning 'stop' ends training after that epoch; all callbacks are called", () => {
    const calls: string[] = [];
    const { history } = fitLine(0.01, 10, {
      callbacks: [
        { onEpochEnd: ({ epoch }) => (calls.push(`a${epoch}`), epoch === 1 ? 'stop' : undefined) },
        { onEpochEnd: ({ epoch }) => void calls.push(`b${epoch}`) },
      ],
    });
    expect(calls).toEqual(['a0', 'b0', 'a1', 'b1']);
    expect(history.epochs).toHaveLength(2);
    expect(history.stopped?.message).toBe('a callback asked to stop after epoch 2');
  });

  test('early stopping on a rising valLoss stops after `patience` epochs and restores the best', () => {
    // Training on y = 2x moves w up, which makes the loss on y = -2x rise every epoch: the best
    // valLoss is the first epoch's, so with patience 2 training stops after epoch 2.
    const afterEpoch: number[][] = [];
    const { model, history } = fitLine(0.1, 10, (trained) => ({
      validation: mirrored,
      earlyStopping: earlyStopping({ patience: 2 }),
      callbacks: { onEpochEnd: () => void afterEpoch.push(weights(trained)) },
    }));
    expect(history.epochs).toHaveLength(3);
    expect(history.stopped).toEqual({
      reason: 'earlyStopping',
      epoch: 2,
      step: 3,
      lr: 0.1,
      message: 'valLoss did not improve for 2 epochs (best 28.26 at epoch 1); restored the parameters of that epoch',
    });
    expect(weights(model)).toEqual(afterEpoch[0]);
    expect(afterEpoch[2]).not.toEqual(afterEpoch[0]);
  });

  test('without restoreBest the last parameters stay', () => {
    const { model, history } = fitLine(0.1, 10, {
      validation: mirrored,
      earlyStopping: earlyStopping({ patience: 1, restoreBest: false }),
    });
    expect(history.stopped?.message).toBe('valLoss did not improve for 1 epoch (best 28.26 at epoch 1)');
    expect(weights(model)).not.toEqual([1, 0.6000000000000001]);
  });
});

describe('progress', () => {
  test('fit tells its reporter the run, every step and epoch, and the end', () => {
    const calls: string[] = [];
    const progress: ProgressReporter = {
      start: (run) => void calls.push(`start ${run.startEpoch}/${run.epochs} x${run.stepsPerEpoch}`),
      step: (record) => void calls.push(`step ${record.step}`),
      epoch: (record) => void calls.push(`epoch ${record.epoch}`),
      end: (history) => void calls.push(`end ${history.stopped?.reason ?? 'done'}`),
    };
    fitLine(0.1, 3, { progress, callbacks: { onEpochEnd: ({ epoch }) => (epoch === 1 ? 'stop' : undefined) } });
    expect(calls).toEqual(['start 0/3 x1', 'step 0', 'epoch 0', 'step 1', 'epoch 1', 'end callback']);
  });
});

describe('fit refuses bad options, naming them', () => {
  const model = lineModel();
  const optimizer = new SGD(model.parameters(), { lr: 0.1 });
  const base: FitOptions = { data: line, loss: mse, optimizer, epochs: 1, progress: false };
  // an Optimizer of one's own (it trains, but optim's stateDict cannot save it)
  const mine = { name: 'Mine', step() {}, zeroGrad: () => zeroGrad(model.parameters()), stepCount: 0, lr: [0.1], lrScale: 1, setLr() {}, skippedSteps: 0 };
  const cases: [Partial<Record<keyof FitOptions, unknown>>, Error][] = [
    [{ epochs: 0 }, new RangeError('fit: epochs must be a positive integer, got 0')],
    [{ epochs: '3' }, new TypeError("fit: epochs must be a number, got '3'")],
    [{ batchSize: 2.5 }, new RangeError('fit: batchSize must be a positive integer, got 2.5')],
    [{ shuffle: 'yes' }, new TypeError("fit: shuffle must be a boolean, got 'yes'")],
    [{ seed: 0.5 }, new RangeError('fit: seed must be a safe integer, got 0.5')],
    [{ data: { x: [[1]], y: [1, 2] } }, new RangeError('fit: data.y must have one target per row of data.x (1), got 2')],
    [{ validation: { x: [], y: [] } }, new RangeError('fit: validation must have at least one sample, got 0')],
    [{ loss: undefined }, new TypeError('fit: loss must be a function, got undefined')],
    [{ optimizer: {} }, new TypeError('fit: optimizer must be an optimizer from @etagrad/optim, got an object')],
    [{ callbacks: [{ onStepEnd: 1 }] }, new TypeError('fit: callbacks[0].onStepEnd must be a function, got 1')],
    [
      { checkpoint: { path: 'a.json' } },
      new TypeError("fit: checkpoint.save must be a function (a checkpoint.path needs fit from '@etagrad/train/node'), got undefined"),
    ],
    [{ checkpoint: { save: () => {}, every: 0 } }, new RangeError('fit: checkpoint.every must be a positive integer, got 0')],
    [
      { resumeFrom: 'a.json' },
      new TypeError("fit: resumeFrom must be a checkpoint object (a path needs fit from '@etagrad/train/node'), got 'a.json'"),
    ],
    [{ resumeFrom: 3 }, new Error("checkpoint resumeFrom is not an etagrad checkpoint: format must be 'etagrad-checkpoint', got 3")],
    [
      { optimizer: mine, checkpoint: { save: () => {} } },
      new TypeError('fit: checkpoint needs an optimizer from @etagrad/optim (its state goes in the checkpoint), got an object'),
    ],
    [
      { earlyStopping: earlyStopping() },
      new RangeError("fit: earlyStopping.monitor must be one of loss (no validation data given), got 'valLoss'"),
    ],
    [
      { earlyStopping: earlyStopping({ monitor: 'acc', mode: 'max' }), metrics: { accuracy: () => 1 }, validation: line },
      new RangeError("fit: earlyStopping.monitor must be one of loss, accuracy, valLoss, valAccuracy, got 'acc'"),
    ],
    [{ progress: 'bar' }, new TypeError("fit: progress must be a reporter { start, step, epoch, end } or false, got 'bar'")],
    [
      { progress: true },
      new TypeError("fit: progress must be a reporter { start, step, epoch, end } or false, got true (a terminal bar is @etagrad/cli's progressReporter)"),
    ],
    [{ callbacks: 'log' }, new TypeError("fit: callbacks must be an object, got 'log'")],
    [{ metrics: { accuracy: 0.9 } }, new TypeError('fit: metrics.accuracy must be a function, got 0.9')],
    [
      { earlyStopping: { monitor: 'loss' } },
      new TypeError('fit: earlyStopping must be made by earlyStopping({ ... }), got an object'),
    ],
    [{ reduceOnPlateau: 0.5 }, new TypeError("fit: reduceOnPlateau must be a controller from sched's reduceOnPlateau(), got 0.5")],
  ];
  for (const [override, error] of cases) {
    test(error.message, () => {
      expect(() => fit(model, { ...base, ...override } as FitOptions)).toThrow(error);
    });
  }
  test('fit: model must be a Module', () => {
    expect(() => fit({} as never, base)).toThrow(new TypeError('fit: model must be a Module from @etagrad/nn, got an object'));
  });
});
