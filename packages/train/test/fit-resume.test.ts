import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MLP, bceWithLogits, binaryAccuracy, moons, rng, trainTestSplit } from '@etagrad/nn';
import { Adam, SGD, stateDict } from '@etagrad/optim';
import { cosine, reduceOnPlateau, warmup } from '@etagrad/sched';
import { describe, expect, test } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../src/checkpoint-file.js';
import { earlyStopping } from '../src/early-stopping.js';
import { fit } from '../src/fit-files.js';
import type { FileFitOptions as FitOptions } from '../src/fit-files.js';
import { tempDir } from './fixtures.js';

const { train, test: validation } = trainTestSplit(moons({ n: 48, noise: 0.2, seed: 3 }), { testFraction: 0.25, seed: 3 });

/** A model and Adam with a warmup-then-cosine schedule; `seed` sets the initial weights. */
function setup(seed = 5) {
  const model = new MLP(2, [6, 1], { rng: rng(seed) });
  const optimizer = new Adam(model.parameters(), { lr: warmup(cosine({ initial: 0.05, steps: 40 }), { steps: 8 }) });
  return { model, optimizer };
}

/** The run's options; fresh stateful controllers each call. */
function options(optimizer: FitOptions['optimizer'], epochs: number, extra: Partial<FitOptions> = {}): FitOptions {
  return {
    data: train,
    validation,
    loss: bceWithLogits,
    metrics: { accuracy: binaryAccuracy },
    optimizer,
    epochs,
    batchSize: 8,
    seed: 11,
    progress: false,
    reduceOnPlateau: reduceOnPlateau({ patience: 1, factor: 0.5 }),
    earlyStopping: earlyStopping({ monitor: 'valLoss', patience: 50 }),
    ...extra,
  };
}

describe('resuming from a checkpoint', () => {
  test('gives parameters bit-identical to a run that never stopped (Adam, schedule, plateau)', () => {
    const whole = setup();
    const wholeHistory = fit(whole.model, options(whole.optimizer, 6));

    const path = join(tempDir(), 'run.json');
    const first = setup();
    fit(first.model, options(first.optimizer, 3, { checkpoint: { path } }));
    expect(loadCheckpoint(path).completedEpochs).toBe(3);

    // Other initial weights and a fresh optimizer: everything must come from the checkpoint.
    const resumed = setup(99);
    const resumedHistory = fit(resumed.model, options(resumed.optimizer, 6, { resumeFrom: path }));

    const expected = whole.model.parameters();
    const actual = resumed.model.parameters();
    expect(actual).toHaveLength(expected.length);
    actual.forEach((p, i) => expect(p.data).toBe(expected[i]?.data));
    expect(resumedHistory).toEqual(wholeHistory);
    expect(stateDict(resumed.optimizer)).toEqual(stateDict(whole.optimizer));
    // the schedule really was in play: the rates differ along the run
    expect(new Set(wholeHistory.steps.map((s) => s.lr)).size).toBeGreaterThan(10);
  });

  test('saves every N epochs and after the last', () => {
    const path = join(tempDir(), 'run.json');
    const { model, optimizer } = setup();
    const seen: (number | null)[] = [];
    fit(model, {
      ...options(optimizer, 5, { checkpoint: { path, every: 2 } }),
      // called before that epoch's save: shows what the file held then
      callbacks: { onEpochEnd: () => void seen.push(existsSync(path) ? loadCheckpoint(path).completedEpochs : null) },
    });
    expect(seen).toEqual([null, null, 2, 2, 4]);
    expect(loadCheckpoint(path).completedEpochs).toBe(5);
  });

  test('resuming a finished run trains no more', () => {
    const path = join(tempDir(), 'run.json');
    const { model, optimizer } = setup();
    const history = fit(model, options(optimizer, 2, { checkpoint: { path } }));
    const again = setup(7);
    expect(fit(again.model, options(again.optimizer, 2, { resumeFrom: path }))).toEqual(history);
    expect(again.model.parameters().map((p) => p.data)).toEqual(model.parameters().map((p) => p.data));
  });
});

describe('a checkpoint that does not match is refused and nothing is loaded', () => {
  const path = join(tempDir(), 'run.json');
  const saved = setup();
  fit(saved.model, options(saved.optimizer, 2, { checkpoint: { path } }));

  /** Expects `run` to throw `message` and to leave the model's parameters and optimizer state as they were. */
  function refused(target: { model: MLP; optimizer: FitOptions['optimizer'] }, extra: Partial<FitOptions>, message: string | RegExp | Error, epochs = 4) {
    const before = { params: target.model.parameters().map((p) => p.data), optimizer: stateDict(target.optimizer) };
    expect(() => fit(target.model, options(target.optimizer, epochs, { resumeFrom: path, ...extra }))).toThrow(message);
    expect(target.model.parameters().map((p) => p.data)).toEqual(before.params);
    expect(stateDict(target.optimizer)).toEqual(before.optimizer);
  }

  test('another optimizer', () => {
    const model = new MLP(2, [6, 1], { rng: rng(9) });
    refused({ model, optimizer: new SGD(model.parameters(), { lr: 0.1 }) }, {}, `fit: checkpoint ${path} was written by Adam; the optimizer given is SGD`);
  });

  test('another model', () => {
    const model = new MLP(2, [5, 1], { rng: rng(9) });
    refused({ model, optimizer: new Adam(model.parameters(), { lr: 0.01 }) }, {}, new RegExp(`^fit: checkpoint ${path} does not fit this model: `));
  });

  test('another batch size, data set, or plateau setting', () => {
    refused(setup(9), { batchSize: 4 }, `fit: checkpoint ${path} was saved with batchSize 8, but this run has 4`);
    refused(setup(9), { data: validation }, `fit: checkpoint ${path} was saved with training samples 36, but this run has 12`);
    refused(setup(9), { reduceOnPlateau: undefined as never }, `fit: checkpoint ${path} was saved with reduceOnPlateau on, but this run has off`);
  });

  test('fewer total epochs than already done', () => {
    refused(setup(9), {}, new RangeError(`fit: epochs must be >= the epochs already completed in checkpoint ${path} (2), got 1`), 1);
  });

  test('an invalid lrScale in the history is refused before the model or optimizer is touched', () => {
    const bad = join(tempDir(), 'bad.json');
    const checkpoint = loadCheckpoint(path);
    const epochs = checkpoint.history.epochs.map((e, i) => (i === 1 ? { ...e, lrScale: -1 } : e));
    saveCheckpoint(bad, { ...checkpoint, history: { ...checkpoint.history, epochs } });
    refused(setup(9), { resumeFrom: bad }, `checkpoint ${bad} is malformed: history.epochs[1].lrScale must be a finite number >= 0, got -1`);
  });

  test("a best model that does not fit is refused before the model is loaded", () => {
    const bad = join(tempDir(), 'bad.json');
    const checkpoint = loadCheckpoint(path);
    const earlyStopping = { state: checkpoint.earlyStopping?.state ?? { best: null, bestEpoch: null, wait: 0 }, bestModel: { 'layers.0.weight': [1] } };
    saveCheckpoint(bad, { ...checkpoint, earlyStopping });
    refused(setup(9), { resumeFrom: bad }, new RegExp(`^fit: checkpoint ${bad} has a best model that does not fit this model: `));
  });

  test('a truncated file', () => {
    const truncated = join(tempDir(), 'cut.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const target = setup(9);
    expect(() => fit(target.model, options(target.optimizer, 4, { resumeFrom: truncated }))).toThrow(
      new RegExp(`^checkpoint ${truncated} is not valid JSON \\(truncated or corrupt\\?\\)`),
    );
  });
});
