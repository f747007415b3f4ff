import { expect, test } from 'vitest';
import { judgeLane, type LaneOutcome } from '../src/verdict.js';

const lane = (losses: number[], over: Partial<LaneOutcome> = {}): LaneOutcome => ({
  losses,
  diverged: null,
  window: 1,
  accuracy: 1,
  lr: 0.1,
  finished: false,
  ...over,
});
const falling = (from: number, to: number, n: number): number[] => Array.from({ length: n }, (_, k) => from + ((to - from) * k) / (n - 1));

test('a lane that diverged says where and at which rate', () => {
  expect(judgeLane(lane([1, 2], { diverged: { step: 2, lr: 10 } }))).toEqual({ verdict: 'diverged', text: 'diverged at step 2 (lr 10)' });
});

test('a lane is running until it has 100 updates', () => {
  expect(judgeLane(lane(falling(1, 0.01, 99))).verdict).toBe('running');
});

test('at most 20% of the first loss left (mean of the last 10) and 95% accuracy is well chosen', () => {
  // last 10 of a straight fall from 1 to 0.1 over 100 steps: mean (0.1 + 0.1818...) / 2 ≈ 0.141 <= 0.2
  expect(judgeLane(lane(falling(1, 0.1, 100), { accuracy: 0.95 })).verdict).toBe('well chosen');
  expect(judgeLane(lane(falling(1, 0.1, 100), { accuracy: 0.94 })).verdict).toBe('running');
});

test('half or more of the first loss left is too low; no lower than the start is running, then diverged when done', () => {
  expect(judgeLane(lane(falling(1, 0.6, 100))).verdict).toBe('too low');
  expect(judgeLane(lane(falling(1, 1.2, 100))).verdict).toBe('running');
  expect(judgeLane(lane(falling(1, 1.2, 100), { finished: true })).verdict).toBe('diverged');
});

test('a finished lane between the thresholds is too low (learning, not done)', () => {
  expect(judgeLane(lane(falling(1, 0.3, 100), { finished: true, accuracy: 0.9 })).verdict).toBe('too low');
});

test('with mini-batches the start and now are epoch means, and two epochs pass before a verdict', () => {
  // 10 updates an epoch: the first epoch's mean is 1, the last 10's 0.1
  const losses = [...Array(10).fill(1), ...Array(190).fill(0.5), ...Array(10).fill(0.1)];
  expect(judgeLane(lane(losses, { window: 10 })).verdict).toBe('well chosen');
  expect(judgeLane(lane(losses.slice(0, 150), { window: 100 })).verdict).toBe('running');
});
