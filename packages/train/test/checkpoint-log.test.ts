import { appendFileSync, copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mse } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { CheckpointFile, checkpointFile, loadCheckpoint, saveCheckpoint } from '../src/checkpoint-file.js';
import { fitAsync } from '../src/fit-async.js';
import { serializeCheckpoint, type Checkpoint } from '../src/checkpoint-format.js';
import { fit } from '../src/fit-files.js';
import { longRun, sampleCheckpoint, tempDir } from './fixtures.js';
import { line, lineModel, weights } from './line-fixture.js';

/** Bytes one save writes: the checkpoint file, and what the history log grew by. */
function bytesOfNextSave(epochs: number): number {
  const dir = tempDir();
  const path = join(dir, 'run.json');
  const file = new CheckpointFile(path);
  file.save(longRun(epochs - 1));
  const logSize = () => statSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.history')) ?? '')).size;
  const before = logSize();
  file.save(longRun(epochs));
  return statSync(path).size + logSize() - before;
}

describe('checkpoint files: the history in an append-only log', () => {
  test('a save at epoch 3000 writes no more than one at epoch 300', () => {
    // the same records and the same checkpoint; only the numbers' digits (step 29990 vs 2990) differ
    const late = bytesOfNextSave(3000);
    const early = bytesOfNextSave(300);
    expect(late).toBeLessThan(early * 1.05);
    expect(early).toBeLessThan(2000);
  });

  test('the checkpoint file holds no step or epoch records; loading puts every one back', () => {
    const path = join(tempDir(), 'run.json');
    const checkpoint = longRun(50);
    saveCheckpoint(path, checkpoint);
    expect(readFileSync(path, 'utf8')).not.toContain('"loss"');
    expect(loadCheckpoint(path)).toEqual(checkpoint);
  });

  test('a resumed run keeps every step of the history and stays bit-identical', () => {
    const run = (epochs: number, extra: object) => {
      const model = lineModel();
      const history = fit(model, { data: line, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.05 }), epochs, batchSize: 1, shuffle: false, ...extra });
      return { model, history };
    };
    const whole = run(6, {});
    const path = join(tempDir(), 'run.json');
    run(3, { checkpoint: { path } });
    const resumed = run(6, { resumeFrom: path, checkpoint: { path } });
    expect(resumed.history).toEqual(whole.history);
    expect(weights(resumed.model)).toEqual(weights(whole.model));
    expect(loadCheckpoint(path).history).toEqual(whole.history);
    // the resumed run wrote a log of its own; the one it was resumed from is left as it was
    expect(readdirSync(join(path, '..')).filter((f) => f.endsWith('.history'))).toHaveLength(2);
  });

  test('what a crash left after the last saved chunk is ignored; the resumed run writes a log of its own', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    const file = new CheckpointFile(path);
    file.save(longRun(2));
    const log = join(dir, readdirSync(dir).find((f) => f.endsWith('.history')) ?? '');
    appendFileSync(log, '{"steps":[{"step":99'); // a chunk appended, then a crash before the rename
    const resumed = new CheckpointFile(path);
    expect(resumed.load()).toEqual(longRun(2));
    const before = readFileSync(log, 'utf8');
    resumed.save(longRun(3));
    expect(loadCheckpoint(path)).toEqual(longRun(3));
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  test('a history log changed after it was written is refused, naming both files', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    saveCheckpoint(path, longRun(2));
    const name = readdirSync(dir).find((f) => f.endsWith('.history')) ?? '';
    const log = join(dir, name);
    writeFileSync(log, readFileSync(log, 'utf8').replace('"loss":0.5', '"loss":0.6'));
    expect(() => loadCheckpoint(path)).toThrow(
      `checkpoint ${path}: its history log ${name} is corrupt: its records do not match the checkpoint's hash (changed after it was written)`,
    );
    writeFileSync(log, '');
    expect(() => loadCheckpoint(path)).toThrow(`checkpoint ${path}: its history log ${name} is truncated: it must hold at least`);
  });

  test("a file of serializeCheckpoint's text, history inline, loads as it is", () => {
    const path = join(tempDir(), 'run.json');
    writeFileSync(path, serializeCheckpoint(longRun(3)));
    expect(loadCheckpoint(path)).toEqual(longRun(3));
  });

  test('saving a new run over an old checkpoint leaves the old history log to the copies that point at it', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    saveCheckpoint(path, longRun(2));
    copyFileSync(path, join(dir, 'copy.json'));
    saveCheckpoint(path, longRun(1));
    expect(readdirSync(dir).filter((f) => f.endsWith('.history'))).toHaveLength(2);
    expect(loadCheckpoint(path)).toEqual(longRun(1));
    expect(loadCheckpoint(join(dir, 'copy.json'))).toEqual(longRun(2));
  });
});

describe('checkpointFile, for the browser-safe fitAsync in Node', () => {
  test('saves through the history log, keeps fields of the caller, and resumes bit-identically', async () => {
    const path = join(tempDir(), 'run.json');
    const whole = lineModel();
    fit(whole, { data: line, loss: mse, optimizer: new SGD(whole.parameters(), { lr: 0.05 }), epochs: 4, batchSize: 1, shuffle: false });
    const file = checkpointFile(path, { every: 2 });
    const first = lineModel();
    const options = { data: line, loss: mse, epochs: 4, batchSize: 1, shuffle: false };
    await fitAsync(first, { ...options, optimizer: new SGD(first.parameters(), { lr: 0.05 }), epochs: 2, checkpoint: { ...file, save: (c) => file.save({ ...c, mine: 7 } as Checkpoint) } });
    const saved = loadCheckpoint(path);
    expect((saved as Checkpoint & { mine?: number }).mine).toBe(7);
    expect(readdirSync(join(path, '..')).filter((f) => f.endsWith('.history'))).toHaveLength(1);
    const resumed = lineModel();
    await fitAsync(resumed, { ...options, optimizer: new SGD(resumed.parameters(), { lr: 0.05 }), resumeFrom: saved });
    expect(weights(resumed)).toEqual(weights(whole));
  });

  test('refuses bad arguments in the standard format', () => {
    expect(() => checkpointFile('')).toThrow(new RangeError("checkpointFile: path must be a file path, got ''"));
    expect(() => checkpointFile('a.json', { evry: 2 } as never)).toThrow(
      new TypeError("checkpointFile: unknown option 'evry' (did you mean 'every'?); options are every"),
    );
  });
});

describe('reading a checkpoint is bounded', () => {
  test('a device is refused before it is read (/dev/zero would never end)', () => {
    expect(() => loadCheckpoint('/dev/zero')).toThrow('checkpoint /dev/zero must be a regular file, got a character device');
  });

  test('a file over maxBytes is refused, naming the file; the option raises the limit', () => {
    const path = join(tempDir(), 'run.json');
    saveCheckpoint(path, sampleCheckpoint());
    const size = statSync(path).size;
    expect(() => loadCheckpoint(path, { maxBytes: 100 })).toThrow(
      `checkpoint ${path} must be at most 100 bytes (raise the limit with maxBytes), got ${size} bytes`,
    );
    expect(loadCheckpoint(path, { maxBytes: size })).toEqual(sampleCheckpoint());
  });

  test('nesting deeper than 1000 is refused before parsing, naming the file', () => {
    const path = join(tempDir(), 'deep.json');
    writeFileSync(path, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(() => loadCheckpoint(path)).toThrow(
      `checkpoint ${path} is nested 5000 deep; a checkpoint must be nested at most 1000 deep (corrupt?)`,
    );
  });

  test('saveCheckpoint refuses bad arguments in the standard format', () => {
    expect(() => saveCheckpoint(join(tempDir(), 'a.json'), null as never)).toThrow(
      new TypeError('saveCheckpoint: checkpoint must be a checkpoint object from fit, got null'),
    );
    expect(() => saveCheckpoint(5 as never, sampleCheckpoint())).toThrow(new TypeError('saveCheckpoint: path must be a string, got 5'));
  });

  test('loadCheckpoint refuses bad arguments in the standard format', () => {
    expect(() => loadCheckpoint(5 as never)).toThrow(new TypeError('loadCheckpoint: path must be a string, got 5'));
    expect(() => loadCheckpoint('a', { maxbytes: 1 } as never)).toThrow(
      new TypeError("loadCheckpoint: unknown option 'maxbytes' (did you mean 'maxBytes'?); options are maxBytes"),
    );
  });
});
