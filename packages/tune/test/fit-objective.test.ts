import { expect, test } from 'vitest';
import { fitObjective, randomSearch, uniform, type FitObjectiveSpec } from '../src/index.js';

const spec: FitObjectiveSpec = { dataset: 'moons', model: '2-8-1', optimizer: 'sgd', epochs: 2 };

test('trains epochs * budget epochs and scores the held-out loss', async () => {
  const objective = fitObjective(spec);
  const result = (await objective({ lr: 0.5, batchSize: 16, momentum: 0.5 }, 2)) as { score: number; accuracy: number; epochs: number; diverged: boolean };
  expect(result.epochs).toBe(4);
  expect(result.diverged).toBe(false);
  expect(result.score).toBeGreaterThan(0);
  expect(result.accuracy).toBeGreaterThan(0.5);
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
});
