import { MLP, accuracy, binaryAccuracy, bceWithLogits, crossEntropy, moons, spirals } from '@etagrad/nn';
import { Adam } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../src/evaluate.js';
import { fit } from '../src/fit.js';

// End to end: fit trains real models from nn with real optimizers from optim, in each flavour of
// gradient descent. Sizes are small so the whole file runs in about a second. The accuracies are
// those of the final model on the training set (evaluate): each moons run reaches 100% and
// asserts >= 97%; spirals reaches 96.7% (58 of 60) and asserts >= 93%.

describe('fit on moons, each batch mode', () => {
  const data = moons({ n: 100, noise: 0.1, seed: 1 });
  const modes = [
    // batch gradient descent: one update per epoch over all 100 samples
    { name: 'batch', batchSize: 100, epochs: 60, lr: 0.05, minAccuracy: 0.97 },
    // stochastic: one sample per update, 100 updates per epoch
    { name: 'stochastic', batchSize: 1, epochs: 8, lr: 0.01, minAccuracy: 0.97 },
    // mini-batch: 10 samples per update
    { name: 'mini-batch', batchSize: 10, epochs: 20, lr: 0.02, minAccuracy: 0.97 },
  ];
  for (const mode of modes) {
    test(`${mode.name} gradient descent reaches ${mode.minAccuracy * 100}% training accuracy`, () => {
      const model = new MLP(2, [16, 16, 1]);
      const history = fit(model, {
        data,
        loss: bceWithLogits,
        metrics: { accuracy: binaryAccuracy },
        optimizer: new Adam(model.parameters(), { lr: mode.lr }),
        epochs: mode.epochs,
        batchSize: mode.batchSize,
        seed: 7,
        progress: false,
      });
      expect(history.stopped).toBeNull();
      expect(history.epochs).toHaveLength(mode.epochs);
      // ceil(100 / batchSize) updates per epoch
      expect(history.steps).toHaveLength(mode.epochs * Math.ceil(100 / mode.batchSize));
      const last = history.epochs.at(-1);
      const final = evaluate(model, data, { metrics: { accuracy: binaryAccuracy } });
            expect(final['accuracy']).toBeGreaterThanOrEqual(mode.minAccuracy);
      expect(last?.loss).toBeLessThan(history.epochs[0]?.loss ?? 0);
    });
  }
});

describe('fit on spirals', () => {
  test('a softmax classifier on 3 spiral arms reaches 93% training accuracy with mini-batches', () => {
    const data = spirals({ n: 60, classes: 3, seed: 1 });
    const model = new MLP(2, [24, 24, 3]);
    const history = fit(model, {
      data,
      loss: crossEntropy,
      metrics: { accuracy },
      optimizer: new Adam(model.parameters(), { lr: 0.02 }),
      epochs: 60,
      batchSize: 20,
      progress: false,
    });
    expect(history.stopped).toBeNull();
    const final = evaluate(model, data, { metrics: { accuracy } });
        expect(final['accuracy']).toBeGreaterThanOrEqual(0.93);
  });
});
