import fc from 'fast-check';
import { noGrad } from '@etagrad/autograd';
import { MLP, rng, trainTestSplit, bceWithLogits, binaryAccuracy } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { fit } from '@etagrad/train';
import { expect, test, vi } from 'vitest';
import { fitDatasets, fitObjective, gridSearch, memoryJournal, randomSearch, uniform, type FitObjectiveSpec } from '../src/index.js';

const spec: FitObjectiveSpec = { dataset: 'moons', model: '2-8-1', optimizer: 'sgd', epochs: 2 };

test('trains epochs * budget epochs and scores the held-out loss', async () => {
  const objective = fitObjective(spec);
  const result = (await objective({ lr: 0.5, batchSize: 16, momentum: 0.5 }, 2)) as { score: number; accuracy: number; epochs: number; diverged: boolean };
  expect(result.epochs).toBe(4);
  expect(result.diverged).toBe(false);
  expect(result.score).toBeGreaterThan(0);
  expect(result.accuracy).toBeGreaterThan(0.5);
});

test('a budget that is not a whole number of epochs is refused with { fit } before any trial, not failed in every one', async () => {
  const rule = 'budget must be a positive integer with the { fit } objective (it trains epochs * budget epochs), got 0.5';
  await expect(randomSearch({ lr: [0.1] }, { fit: spec }, { trials: 2, budget: 0.5 })).rejects.toThrow(new RangeError(`randomSearch: ${rule}`));
  await expect(gridSearch({ lr: [0.1] }, { fit: spec }, { budget: 0.5 })).rejects.toThrow(new RangeError(`gridSearch: ${rule}`));
  // A function objective reads its budget as it likes.
  expect((await gridSearch({ lr: [0.1] }, (_, budget) => budget, { budget: 0.5 })).best?.score).toBe(0.5);
});

test('a schedule multiplies lr; a diverging rate is reported as diverged', async () => {
  const objective = fitObjective(spec);
  const scheduled = (await objective({ lr: 0.5, schedule: 'cosine({ initial: 1, steps: 20 })' }, 1)) as { score: number };
  expect(Number.isFinite(scheduled.score)).toBe(true);
  const { trials } = await randomSearch({ lr: [1e300] }, { fit: spec }, { trials: 1 });
  expect(trials[0]?.status).toBe('diverged');
});

test('a bad config fails its trial; a bad description is refused at once', async () => {
  const { trials } = await randomSearch({ lr: uniform(0.1, 0.2), depth: [3] }, { fit: spec }, { trials: 1 });
  expect(trials[0]?.status).toBe('failed');
  expect(trials[0]?.error).toBe('fitObjective: config.depth must be one of lr, batchSize, momentum, schedule, got it as a hyperparameter');
  expect(() => fitObjective({ ...spec, dataset: 'iris' as 'moons' })).toThrow("fitObjective: dataset must be one of 'moons', 'circles', 'spirals', 'xor', got 'iris'");
  expect(() => fitObjective({ ...spec, model: '2-8-3' })).toThrow("fitObjective: model must be layer sizes like 2-16-16-1 (2 inputs, 1 output for moons), got '2-8-3'");
  expect(() => fitObjective({ ...spec, optimizer: 'lbfgs' as 'sgd' })).toThrow('fitObjective: optimizer must be one of');
  expect(() => fitObjective({ ...spec, epochs: 0 })).toThrow('fitObjective: epochs must be a positive integer, got 0');
  expect(() => fitObjective({ ...spec, compiel: false } as never)).toThrow(
    "fitObjective: unknown key 'compiel' in spec (did you mean 'compile'?); keys are dataset, model, optimizer, epochs, seed, compile",
  );
});

test("the score is the held-out loss fit's validation gives after the last epoch", async () => {
  const result = (await fitObjective(spec)({ lr: 0.5, batchSize: 16 }, 1)) as { score: number; accuracy: number };
  const { train, test: heldOut } = trainTestSplit(fitDatasets.moons.make(1), { testFraction: 0.25, seed: 1 });
  const model = new MLP(2, [8, 1], { rng: rng(1) });
  const optimizer = new SGD(model.namedParameters(), { lr: 0.5, momentum: 0 });
  const history = fit(model, { data: train, validation: heldOut, loss: bceWithLogits, metrics: { accuracy: binaryAccuracy }, optimizer, epochs: 2, batchSize: 16, seed: 1 });
  expect(result.score).toBe(history.epochs.at(-1)?.valLoss);
  expect(result.accuracy).toBe(history.epochs.at(-1)?.valMetrics?.['accuracy']);
});

test('compiled (the default) and eager training give the same results, bit for bit', async () => {
  const compiled = fitObjective(spec);
  const eager = fitObjective({ ...spec, compile: false });
  const config = fc.record({ lr: fc.double({ min: 0.01, max: 2, noNaN: true }), batchSize: fc.integer({ min: 1, max: 40 }), momentum: fc.constantFrom(0, 0.9) });
  await fc.assert(fc.asyncProperty(config, async (c) => {
    expect(await compiled(c, 1)).toEqual(await eager(c, 1));
  }), { numRuns: 8 });
});

test('where tracing is refused, trials train eagerly after one notice on stderr', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const objective = fitObjective(spec);
    // no graph is recorded inside noGrad: nothing to trace
    const first = await noGrad(() => objective({ lr: 0.5 }, 1));
    const second = await noGrad(() => objective({ lr: 0.5 }, 1));
    expect(second).toEqual(first);
    expect(noGrad(() => fitObjective({ ...spec, compile: false })({ lr: 0.5 }, 1))).toEqual(first);
    expect(warn.mock.calls).toEqual([['fit: compile: training eagerly: recording is off (inside noGrad), so build makes no graph to trace']]);
  } finally {
    warn.mockRestore();
  }
  expect(() => fitObjective({ ...spec, compile: 'yes' as unknown as boolean })).toThrow(new TypeError("fitObjective: compile must be a boolean, got 'yes'"));
});

test("a journal of a { fit } search is not resumed with other settings, whose scores it does not hold", async () => {
  const journal = memoryJournal();
  const first = await gridSearch({ lr: [0.5] }, { fit: spec }, { journal });
  // other epochs: the old score would be reused as this search's; refused instead
  await expect(gridSearch({ lr: [0.5] }, { fit: { ...spec, epochs: 3 } }, { journal })).rejects.toThrow(/must come from the same search to resume it, got one whose objective differs/);
  // the same settings, a default spelled out and compile off (the same numbers): resumed, nothing runs again
  const again = await gridSearch({ lr: [0.5] }, { fit: { ...spec, seed: 1, compile: false } }, { journal });
  expect(again.trials.map((t) => t.score)).toEqual(first.trials.map((t) => t.score));
  expect(journal.text().trimEnd().split('\n')).toHaveLength(2);
});
