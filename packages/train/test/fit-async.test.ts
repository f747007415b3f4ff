import { MLP, bceWithLogits, binaryAccuracy, moons, rng } from '@etagrad/nn';
import { Adam } from '@etagrad/optim';
import { cosine, warmup } from '@etagrad/sched';
import { describe, expect, test } from 'vitest';
import { parseCheckpoint } from '../src/checkpoint-parse.js';
import { serializeCheckpoint, type Checkpoint } from '../src/checkpoint-format.js';
import { fitAsync } from '../src/fit-async.js';
import type { FitOptions } from '../src/fit-options.js';
import { fit } from '../src/fit.js';

const data = moons({ n: 30, noise: 0.2, seed: 4 });
const validation = moons({ n: 10, noise: 0.2, seed: 5 });

function setup(seed = 2) {
  const model = new MLP(2, [5, 1], { rng: rng(seed) });
  const optimizer = new Adam(model.parameters(), { lr: warmup(cosine({ initial: 0.05, steps: 30 }), { steps: 5 }) });
  return { model, optimizer };
}

/** 4 batches an epoch (8, 8, 8, 6), shuffled. */
function options(optimizer: FitOptions['optimizer'], epochs: number, extra: Partial<FitOptions> = {}): FitOptions {
  return { data, validation, loss: bceWithLogits, metrics: { accuracy: binaryAccuracy }, optimizer, epochs, batchSize: 8, seed: 7, ...extra };
}

const parametersOf = (model: MLP) => model.parameters().map((p) => p.data);

describe('fitAsync', () => {
  test('gives bit-identical parameters and history to fit', async () => {
    const sync = setup();
    const syncHistory = fit(sync.model, options(sync.optimizer, 3));
    const async = setup();
    const asyncHistory = await fitAsync(async.model, options(async.optimizer, 3));
    expect(parametersOf(async.model)).toEqual(parametersOf(sync.model));
    expect(asyncHistory).toEqual(syncHistory);
  });

  test('gives the event loop a turn between updates: a task queued in a step runs before the next', async () => {
    const { model, optimizer } = setup();
    const ran: number[] = [];
    const seenAtStep: number[][] = [];
    await fitAsync(model, {
      ...options(optimizer, 1),
      callbacks: {
        onStepEnd: ({ step }) => {
          seenAtStep.push([...ran]);
          setImmediate(() => ran.push(step));
        },
      },
    });
    // at step k, the tasks queued at steps 0 .. k-1 have all run
    expect(seenAtStep).toEqual([[], [0], [0, 1], [0, 1, 2]]);
  });

  test('fit, by contrast, holds the thread: no queued task runs during it', () => {
    const { model, optimizer } = setup();
    const ran: number[] = [];
    fit(model, { ...options(optimizer, 1), callbacks: { onStepEnd: ({ step }) => void setImmediate(() => ran.push(step)) } });
    expect(ran).toEqual([]);
  });

  test('an abort stops after the current update, saves a checkpoint and resolves with reason aborted', async () => {
    const { model, optimizer } = setup();
    const controller = new AbortController();
    const saved: Checkpoint[] = [];
    const history = await fitAsync(model, {
      ...options(optimizer, 5),
      signal: controller.signal,
      checkpoint: { save: (c) => saved.push(parseCheckpoint(serializeCheckpoint(c))), every: 100 },
      callbacks: { onStepEnd: ({ step }) => void (step === 5 ? controller.abort() : undefined) },
    });
    expect(history.steps).toHaveLength(6);
    expect(optimizer.stepCount).toBe(6);
    expect(history.stopped).toEqual({ reason: 'aborted', epoch: 1, step: 6, lr: history.steps[5]?.lr, message: 'aborted after 6 updates' });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.completedEpochs).toBe(1);
    expect(saved[0]?.epochInProgress?.batches).toBe(2);
  });

  test('an already aborted signal trains nothing and still resolves', async () => {
    const { model, optimizer } = setup();
    const before = parametersOf(model);
    const history = await fitAsync(model, { ...options(optimizer, 2), signal: AbortSignal.abort() });
    expect(history.steps).toEqual([]);
    expect(history.stopped?.reason).toBe('aborted');
    expect(parametersOf(model)).toEqual(before);
  });

  test('a checkpoint written mid-epoch resumes bit-identically to a run never stopped', async () => {
    const whole = setup();
    const wholeHistory = fit(whole.model, options(whole.optimizer, 4));
    for (const abortAt of [2, 3, 9]) {
      // step 3 is the last of epoch 0: the abort comes before that epoch's end is processed
      const first = setup();
      const controller = new AbortController();
      let text = '';
      await fitAsync(first.model, {
        ...options(first.optimizer, 4),
        signal: controller.signal,
        checkpoint: { save: (c) => void (text = serializeCheckpoint(c)) },
        callbacks: { onStepEnd: ({ step }) => void (step === abortAt ? controller.abort() : undefined) },
      });
      const resumed = setup(99);
      const history = fit(resumed.model, options(resumed.optimizer, 4, { resumeFrom: parseCheckpoint(text) }));
      expect(parametersOf(resumed.model)).toEqual(parametersOf(whole.model));
      expect(history).toEqual(wholeHistory);
    }
  });

  test('refuses bad options by rejecting, before anything changes', async () => {
    const { model, optimizer } = setup();
    await expect(fitAsync(model, { ...options(optimizer, 1), signal: 'stop' as never })).rejects.toThrow(
      new TypeError("fitAsync: signal must be an AbortSignal, got 'stop'"),
    );
    await expect(fitAsync(model, { ...options(optimizer, 0) })).rejects.toThrow(
      new RangeError('fitAsync: epochs must be a positive integer, got 0'),
    );
  });
});
