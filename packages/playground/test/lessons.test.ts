// The lessons' sentences against the numbers their lanes train to (in Node, on the page's code).
import { expect, test } from 'vitest';
import { laneConfig, laneLabel, type PlaygroundConfig } from '../src/config.js';
import { Lane } from '../src/lane.js';
import { lessons } from '../src/lessons.js';

/** Each lane of `config` trained for `steps` updates (or until it stopped). */
function train(config: PlaygroundConfig, steps: number): Lane[] {
  return config.lanes.map((spec) => {
    const lane = new Lane({ ...laneConfig(config, spec), steps }, spec.multiplier);
    while (lane.update());
    return lane;
  });
}

/** Mean |loss change| from one update to the next over updates `from`.., relative to the mean loss there. */
function jitter(losses: readonly number[], from: number): number {
  const part = losses.slice(from);
  const mean = part.reduce((a, b) => a + b, 0) / part.length;
  let moves = 0;
  for (let k = 1; k < part.length; k++) moves += Math.abs((part[k] ?? 0) - (part[k - 1] ?? 0));
  return moves / (part.length - 1) / mean;
}

test('adam: SGD at 0.5 falls faster at first, Adam at 0.01 is lower by step 200', () => {
  const config = lessons.adam.config;
  expect(config.lanes.map((spec) => laneLabel(spec))).toEqual(['×1', '×1 · Adam · constant(0.01)']);
  expect(config.lanes.map((spec) => laneConfig(config, spec))).toMatchObject([
    { optimizer: 'SGD', options: { momentum: 0 }, schedule: 'constant(0.5)' },
    { optimizer: 'Adam', options: { beta1: 0.9, beta2: 0.999, weightDecay: 0 }, schedule: 'constant(0.01)' },
  ]);
  const [sgd, adam] = train(config, 200).map((lane) => lane.losses);
  expect(sgd?.[50]).toBeLessThan(adam?.[50] ?? 0);
  expect(adam?.[199]).toBeLessThan(sgd?.[199] ?? 0);
}, 60_000);

test('batch: at 0.05 the full batch falls smoothly, one point per update jumps about', () => {
  const config = lessons.batch.config;
  const [batch, stochastic] = train(config, 300);
  expect([batch?.batchSize, stochastic?.batchSize]).toEqual([100, 1]);
  expect([batch?.lrs[0], stochastic?.lrs[0]]).toEqual([0.05, 0.05]);
  expect(jitter(batch?.losses ?? [], 100)).toBeLessThan(0.05);
  expect(jitter(stochastic?.losses ?? [], 100)).toBeGreaterThan(0.5);
}, 60_000);

test('warmup: Adam at 0.5 from the first step diverges within a few steps, warmed up to 0.5 it trains', () => {
  const [warm, cold] = train(lessons.warmup.config, 200);
  expect(cold?.lrs[0]).toBe(0.5);
  expect(cold?.stopped?.step).toBeLessThan(10);
  expect(warm?.lrs[0]).toBe(0);
  expect(warm?.lrs[100]).toBe(0.5);
  expect(warm?.stopped).toBeNull();
  expect(warm?.losses[199]).toBeLessThan((warm?.losses[0] ?? 0) / 10);
}, 60_000);
