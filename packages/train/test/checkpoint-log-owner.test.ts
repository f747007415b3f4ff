import { copyFileSync, readFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { mse } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { CheckpointFile, loadCheckpoint } from '../src/checkpoint-file.js';
import { fit } from '../src/fit-files.js';
import { longRun, tempDir } from './fixtures.js';
import { line, lineModel, mirrored, weights } from './line-fixture.js';

/** `fit` to `epochs` on `data` (default the line problem), with the given files. */
function train(epochs: number, files: { resumeFrom?: string | { path: string; maxBytes: number }; checkpoint?: { path: string } }, data = line) {
  const model = lineModel();
  const history = fit(model, { data, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.05 }), epochs, batchSize: 1, shuffle: false, ...files });
  return { model, history };
}

/** Every log file's text in `dir`, by name. */
function logs(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.history')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('a history log is written only by the writer that created it', () => {
  test('a copied checkpoint stays resumable when the original and the copy both go on training', () => {
    const dir = tempDir();
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    train(2, { checkpoint: { path: a } });
    copyFileSync(a, b);
    // the copy goes on on other data (a fine-tuning), the original on its own
    train(3, { resumeFrom: b, checkpoint: { path: b } }, mirrored);
    const tuned = loadCheckpoint(b);
    train(4, { resumeFrom: a, checkpoint: { path: a } });
    expect(loadCheckpoint(b)).toEqual(tuned);
    expect(train(5, { resumeFrom: b }, mirrored).history.epochs).toHaveLength(5);
    const whole = train(5, {});
    const resumed = train(5, { resumeFrom: a });
    expect(resumed.history).toEqual(whole.history);
    expect(weights(resumed.model)).toEqual(weights(whole.model));
  });

  test('loading never writes: the logs a checkpoint points at are byte for byte as they were after its save', () => {
    const dir = tempDir();
    const a = join(dir, 'a.json');
    train(2, { checkpoint: { path: a } });
    const before = logs(dir);
    train(4, { resumeFrom: a, checkpoint: { path: a } });
    for (const [name, text] of before) expect(logs(dir).get(name)).toBe(text);
  });

  test('two runs resumed in parallel from one checkpoint and saving to it leave it loadable after every save', () => {
    const path = join(tempDir(), 'run.json');
    new CheckpointFile(path).save(longRun(2));
    const first = new CheckpointFile(path);
    const second = new CheckpointFile(path);
    first.load();
    second.load();
    for (const [file, epochs] of [[first, 3], [second, 3], [first, 4], [second, 5], [first, 5]] as const) {
      file.save(longRun(epochs));
      expect(loadCheckpoint(path)).toEqual(longRun(epochs));
    }
  });

  test('a renamed checkpoint resumes, and a new run saved under the old name does not break it', () => {
    const dir = tempDir();
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    new CheckpointFile(a).save(longRun(3));
    renameSync(a, b);
    const moved = new CheckpointFile(b);
    expect(moved.load()).toEqual(longRun(3));
    new CheckpointFile(a).save(longRun(1));
    moved.save(longRun(4));
    expect(loadCheckpoint(b)).toEqual(longRun(4));
    expect(loadCheckpoint(a)).toEqual(longRun(1));
  });

  test('copies taken during a run stay loadable as the run goes on appending', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    const file = new CheckpointFile(path);
    file.save(longRun(1));
    copyFileSync(path, join(dir, 'copy.json'));
    file.save(longRun(2));
    copyFileSync(path, join(dir, 'copy2.json'));
    file.save(longRun(3));
    expect(loadCheckpoint(join(dir, 'copy.json'))).toEqual(longRun(1));
    expect(loadCheckpoint(join(dir, 'copy2.json'))).toEqual(longRun(2));
    expect(loadCheckpoint(path)).toEqual(longRun(3));
  });

  test('resuming into the file it saves to reads with the given maxBytes', () => {
    const path = join(tempDir(), 'run.json');
    train(1, { checkpoint: { path } });
    expect(() => train(2, { resumeFrom: { path, maxBytes: 100 }, checkpoint: { path } })).toThrow(
      `checkpoint ${path} must be at most 100 bytes (raise the limit with maxBytes)`,
    );
  });
});
