import { Value } from '@etagrad/autograd';
import { MLP, bceWithLogits, binaryAccuracy, moons, rng, trainTestSplit, type Loss } from '@etagrad/nn';
import { Adam, SGD } from '@etagrad/optim';
import { evaluate, fit } from '@etagrad/train';
import { describe, expect, test } from 'vitest';
import { lrFind, type LrTrial } from '../src/index.js';

const data = moons({ n: 40, noise: 0.1, seed: 3 });

/** A trial on 40 moons points whose loss is `lossAt(k)` at the k-th call, touching the model so that it has gradients. */
function scriptedTrial(lossAt: (k: number) => number, batchSize = 8): () => LrTrial {
  return () => {
    const model = new MLP(2, [1], { rng: rng(1) });
    let calls = 0;
    const loss: Loss = (outputs) => {
      const first = outputs[0]?.[0] ?? new Value(0);
      return first.mul(0).add(lossAt(calls++));
    };
    return { model, data, loss, optimizer: new SGD(model.parameters(), { lr: 0.1 }), batchSize };
  };
}

describe('lrFind', () => {
  test('the rate grows as start * (end / start)^(k / steps), cycling through the data', () => {
    // 40 points in batches of 8: 5 updates a pass, so 30 steps take 6 passes.
    const found = lrFind(scriptedTrial(() => 1), { start: 1e-4, end: 1, steps: 30 });
    expect(found.lrs).toHaveLength(30);
    found.lrs.forEach((lr, k) => expect(lr).toBeCloseTo(1e-4 * 1e4 ** (k / 30), 12));
    expect(found.divergedAt).toBeNull();
  });

  test('smoothed and bias-corrected: a constant loss stays constant', () => {
    const found = lrFind(scriptedTrial(() => 2), { steps: 20 });
    for (const loss of found.losses) expect(loss).toBeCloseTo(2, 12);
  });

  test('smoothing 0.5 on losses 1, 2, 3 gives 1, 5/3, 17/7', () => {
    // avg: 0.5, 1.25, 2.125; corrected by 1 - 0.5^k: 0.5 / 0.5, 1.25 / 0.75, 2.125 / 0.875.
    const found = lrFind(scriptedTrial((k) => k + 1), { steps: 3, smoothing: 0.5 });
    expect(found.losses[0]).toBeCloseTo(1, 12);
    expect(found.losses[1]).toBeCloseTo(5 / 3, 12);
    expect(found.losses[2]).toBeCloseTo(17 / 7, 12);
  });

  test('stops when the smoothed loss exceeds divergeFactor times the best, keeping that point', () => {
    const found = lrFind(scriptedTrial((k) => (k < 10 ? 1 : 100)), { steps: 50, smoothing: 0 });
    expect(found.divergedAt).toBe(10);
    expect(found.losses).toHaveLength(11);
    expect(found.losses.at(-1)).toBe(100);
  });

  test('refuses a negative loss, which the divergence rule would read as diverged at once', () => {
    // Falling from -1: fastai's rule (loss > 4 x best) would stop at update 0 with no suggestion.
    expect(() => lrFind(scriptedTrial((k) => -1 - k), { steps: 30 })).toThrow(
      new RangeError('lrFind: the loss must be >= 0 (divergence is read as divergeFactor times the lowest loss), got -1 at update 0'),
    );
  });

  test('stops at a non-finite loss without recording it', () => {
    const found = lrFind(scriptedTrial((k) => (k < 12 ? 1 : Infinity)), { steps: 50 });
    expect(found.divergedAt).toBe(12);
    expect(found.losses).toHaveLength(12);
    expect(found.suggestions).not.toBeNull(); // 50 steps: keep indices 5 .. 6
  });

  test('Adam at the valley suggestion trains moons to >= 95% held-out accuracy in 100 updates', () => {
    for (const seed of [1, 2, 3]) {
      const { train, test: heldOut } = trainTestSplit(moons({ n: 200, noise: 0.1, seed }), { testFraction: 0.25, seed });
      const modelFor = () => new MLP(2, [16, 16, 1], { rng: rng(seed) });
      const found = lrFind(
        () => {
          const model = modelFor();
          return { model, data: train, loss: bceWithLogits, optimizer: new Adam(model.parameters(), { lr: 1 }), batchSize: 8 };
        },
        { seed },
      );
      const valley = found.suggestions?.valley ?? Number.NaN;
      const model = modelFor();
      const history = fit(model, {
        data: train,
        loss: bceWithLogits,
        optimizer: new Adam(model.parameters(), { lr: valley }),
        epochs: 100,
        batchSize: 8,
        seed,
        progress: false,
        callbacks: { onStepEnd: ({ step }) => (step + 1 >= 100 ? 'stop' : undefined) },
      });
      expect(history.steps).toHaveLength(100);
      expect(evaluate(model, heldOut, { metrics: { accuracy: binaryAccuracy } })['accuracy']).toBeGreaterThanOrEqual(0.95);
    }
  });

  test('refuses bad options, naming each', () => {
    const trial = scriptedTrial(() => 1);
    expect(() => lrFind(5 as unknown as () => LrTrial)).toThrow(new TypeError('lrFind: makeTrial must be a function, got 5'));
    expect(() => lrFind(trial, { start: 0 })).toThrow(new RangeError('lrFind: start must be a finite number > 0, got 0'));
    expect(() => lrFind(trial, { start: 1, end: 1 })).toThrow(new RangeError('lrFind: end must be a finite number > start (1), got 1'));
    expect(() => lrFind(trial, { steps: 1 })).toThrow(new RangeError('lrFind: steps must be an integer >= 2, got 1'));
    expect(() => lrFind(trial, { smoothing: 1 })).toThrow(new RangeError('lrFind: smoothing must be in [0, 1), got 1'));
    expect(() => lrFind(trial, { divergeFactor: 1 })).toThrow(new RangeError('lrFind: divergeFactor must be a finite number > 1, got 1'));
    expect(() => lrFind(trial, { seed: 0.5 })).toThrow(new RangeError('lrFind: seed must be a safe integer, got 0.5'));
    expect(() => lrFind(() => 3 as unknown as LrTrial)).toThrow(new TypeError('lrFind: makeTrial() must be an object, got 3'));
    expect(() => lrFind(() => ({ ...trial(), optimizer: {} }) as unknown as LrTrial)).toThrow(
      new TypeError('lrFind: makeTrial().optimizer must be an optimizer from @etagrad/optim, got an object'),
    );
  });

  test('refuses an optimizer that has stepped', () => {
    const stepped = (): LrTrial => {
      const t = scriptedTrial(() => 1)();
      t.optimizer.step();
      return t;
    };
    expect(() => lrFind(stepped)).toThrow(new RangeError('lrFind: makeTrial().optimizer must be fresh (stepCount 0), got stepCount 1'));
  });
});
