import { join } from 'node:path';
import { MLP, bceWithLogits, moons, rng } from '@etagrad/nn';
import { Adam } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../src/checkpoint-file.js';
import { fit } from '../src/fit-files.js';
import { restoreCheckpoint } from '../src/restore-checkpoint.js';
import { sampleCheckpoint, tempDir } from './fixtures.js';

const data = moons({ n: 16, noise: 0.1, seed: 2 });

/** A checkpoint of 1 epoch of Adam on an MLP 2-4-1, and its path. */
function saved() {
  const path = join(tempDir(), 'run.json');
  const model = new MLP(2, [4, 1], { rng: rng(1) });
  fit(model, { data, loss: bceWithLogits, optimizer: new Adam(model.parameters(), { lr: 0.01 }), epochs: 1, batchSize: 8, progress: false, checkpoint: { path } });
  return { path, checkpoint: loadCheckpoint(path), params: model.parameters().map((p) => p.data) };
}

const values = (model: MLP) => model.parameters().map((p) => p.data);

describe('restoreCheckpoint', () => {
  test('loads the weights alone, for fine-tuning with a new optimizer', () => {
    const { checkpoint, params } = saved();
    const model = new MLP(2, [4, 1], { rng: rng(2) });
    restoreCheckpoint(checkpoint, { model });
    expect(values(model)).toEqual(params);
  });

  test('when the optimizer refuses its part, the model is put back as it was', () => {
    const { checkpoint } = saved();
    const model = new MLP(2, [4, 1], { rng: rng(2) });
    const before = values(model);
    // same model shape, but an Adam over only some of its parameters: optim refuses the state
    const optimizer = new Adam(model.parameters().slice(0, 3), { lr: 0.01 });
    expect(() => restoreCheckpoint(checkpoint, { model, optimizer }, 'checkpoint run.json')).toThrow(
      /^checkpoint run\.json does not fit this optimizer: /,
    );
    expect(values(model)).toEqual(before);
  });

  test('a checkpoint with a broken generator state is refused before the model is touched', () => {
    const { path, checkpoint } = saved();
    saveCheckpoint(path, { ...checkpoint, rng: { version: 1, algorithm: 'sfc32', words: [1, 2, 3] } });
    const model = new MLP(2, [4, 1], { rng: rng(2) });
    const before = values(model);
    expect(() =>
      fit(model, { data, loss: bceWithLogits, optimizer: new Adam(model.parameters(), { lr: 0.01 }), epochs: 2, batchSize: 8, progress: false, resumeFrom: path }),
    ).toThrow(new RegExp(`^fit: checkpoint ${path} has an invalid generator state: rngFromState: state.words must be`));
    expect(values(model)).toEqual(before);
  });
});

describe('restoreCheckpoint refuses bad arguments in the standard format', () => {
  const model = new MLP(2, [3, 1], { rng: rng(1) });
  const cases: [() => void, Error][] = [
    [() => restoreCheckpoint(null as never, { model }), new TypeError('restoreCheckpoint: checkpoint must be a checkpoint object, got null')],
    [() => restoreCheckpoint(sampleCheckpoint(), null as never), new TypeError('restoreCheckpoint: targets must be an object, got null')],
    [() => restoreCheckpoint(sampleCheckpoint(), { model: 5 as never }), new TypeError('restoreCheckpoint: model must be a Module from @etagrad/nn, got 5')],
    [
      () => restoreCheckpoint(sampleCheckpoint(), { model, optimiser: {} } as never),
      new TypeError("restoreCheckpoint: unknown key 'optimiser' in targets (did you mean 'optimizer'?); keys are model, optimizer"),
    ],
    [
      () => restoreCheckpoint(sampleCheckpoint(), { model, optimizer: 'adam' as never }),
      new TypeError("restoreCheckpoint: targets.optimizer must be an optimizer from @etagrad/optim, got 'adam'"),
    ],
    [
      // an Optimizer of one's own: optim's loadStateDict cannot restore it
      () => restoreCheckpoint(sampleCheckpoint(), { model, optimizer: { name: 'Mine', step() {}, zeroGrad() {}, stepCount: 0, lr: [0.1], lrScale: 1, setLr() {}, skippedSteps: 0 } }),
      new TypeError('restoreCheckpoint: targets.optimizer must be an optimizer from @etagrad/optim, got an object'),
    ],
    [() => restoreCheckpoint({ format: 'x' } as never, { model }), new Error("checkpoint is not an etagrad checkpoint: format must be 'etagrad-checkpoint', got 'x'")],
  ];
  for (const [call, error] of cases) {
    test(error.message, () => {
      expect(call).toThrow(error);
    });
  }
});
