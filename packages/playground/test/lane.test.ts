import { fit, parseCheckpoint } from '@etagrad/train';
import { expect, test } from 'vitest';
import { defaultConfig, laneConfig, laneLabel, plainLanes, withoutApplied, type PlaygroundConfig } from '../src/config.js';
import { exportJson } from '../src/export-json.js';
import { Lane } from '../src/lane.js';

// Small and quick: 40 points, one hidden layer of 4.
const small: PlaygroundConfig = { ...defaultConfig, data: { ...defaultConfig.data, n: 40 }, model: { ...defaultConfig.model, hidden: [4] }, lanes: plainLanes(1) };

function run(config: PlaygroundConfig, multiplier = 1): Lane {
  const lane = new Lane(config, multiplier);
  while (lane.update());
  return lane;
}

test.each([
  ['batch', 'all'],
  ['mini-batch', 16],
  ['stochastic', 1],
] as const)("a %s lane's losses and rates are fit's, update for update", (_, batchSize) => {
  const config = { ...small, batchSize, steps: 24 };
  const lane = run(config);
  const fresh = new Lane(config, 1);
  const { model, data, loss, optimizer } = fresh;
  const history = fit(model, { data, loss, optimizer, batchSize: fresh.batchSize, shuffle: fresh.shuffle, seed: config.seed, epochs: Math.ceil(24 / Math.ceil(40 / fresh.batchSize)) });
  expect(history.steps.slice(0, 24).map((s) => [s.loss, s.lr])).toEqual(lane.losses.map((l, k) => [l, lane.lrs[k]]));
});

test.each([
  ['at an epoch end', 'all', 10],
  ['in the middle of an epoch', 16, 10],
] as const)('a checkpoint exported %s resumes in fit to the same losses as a run that never stopped', (_, batchSize, steps) => {
  const config = { ...small, batchSize, steps };
  const text = exportJson(run(config).checkpoint(), config, 1);
  const checkpoint = parseCheckpoint(text, 'lane.json');
  const fresh = new Lane(config, 1);
  const { model, data, loss, optimizer } = fresh;
  const epochs = batchSize === 'all' ? 20 : 9; // 20 updates either way (3 per epoch of 40 at 16)
  const history = fit(model, { data, loss, optimizer, batchSize: fresh.batchSize, shuffle: fresh.shuffle, seed: config.seed, epochs, resumeFrom: checkpoint });
  const straight = run({ ...config, steps: batchSize === 'all' ? 20 : 27 });
  expect(history.steps.map((s) => s.loss)).toEqual(straight.losses);
  expect(model.stateDict()).toEqual(straight.model.stateDict());
});

test('a lane whose loss passes 10x its start stops as diverged, the bad update not applied', () => {
  const lane = run({ ...small, schedule: 'constant(50)', steps: 50 });
  expect(lane.stopped).not.toBeNull();
  expect(lane.losses).toHaveLength(lane.stopped?.step ?? -1);
  expect(lane.done).toBe(true);
  expect(lane.update()).toBe(false);
});

test('setSchedule changes the rate from the next update on, times the lane multiplier', () => {
  const lane = new Lane({ ...small, steps: 5 }, 10);
  lane.update();
  lane.setSchedule('constant(0.01)');
  lane.update();
  expect(lane.lrs).toEqual([5, 0.1]);
});

test('a schedule applied mid-run is joined at its step, and a new lane on the joined schedule trains the same numbers', () => {
  const config: PlaygroundConfig = { ...small, schedule: 'constant(0.5)', steps: 30 };
  const lane = new Lane(config, 2);
  for (let k = 0; k < 12; k++) lane.update();
  const joined = lane.setSchedule('linear({ from: 0.2, to: 0.1, steps: 10 })');
  expect(joined).toBe('join([constant(0.5), linear({ from: 0.2, to: 0.1, steps: 10 })], [12])');
  while (lane.update());
  expect(lane.lrs.slice(10, 14)).toEqual([1, 1, 0.4, 0.38]);
  const again = run({ ...config, schedule: joined }, 2);
  expect(again.losses).toEqual(lane.losses);
  expect(again.lrs).toEqual(lane.lrs);
});

test("a lane's mid-run schedule replaces its own and the shared one, until training starts again", () => {
  const config: PlaygroundConfig = { ...small, lanes: [{ multiplier: 1, schedule: 'constant(0.2)', applied: 'join([constant(0.2), constant(0.1)], [5])' }] };
  const [spec] = config.lanes;
  expect(spec && laneConfig(config, spec).schedule).toBe('join([constant(0.2), constant(0.1)], [5])');
  expect(withoutApplied(config).lanes).toEqual([{ multiplier: 1, schedule: 'constant(0.2)' }]);
  expect(spec && laneLabel(spec)).toBe('×1 · constant(0.2) · mid-run: join([constant(0.2), constant(0.1)], [5])');
});

test('a configuration with no points is refused', () => {
  expect(() => new Lane({ ...small, data: { ...small.data, kind: 'points', points: [] } }, 1)).toThrow('playground: data must have at least one point, got 0');
});
