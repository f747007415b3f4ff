import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mse } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { checkpointFile, loadCheckpoint } from '../src/checkpoint-file.js';
import { fit, fitAsync, type FileFitOptions } from '../src/fit-files.js';
import { tempDir } from './fixtures.js';
import { line, lineModel, weights } from './line-fixture.js';

describe("@etagrad/train/node's fit and fitAsync take checkpoint files", () => {
  test('an aborted fitAsync leaves a mid-epoch checkpoint file that fit resumes bit-identically', async () => {
    const whole = lineModel();
    fit(whole, { data: line, loss: mse, optimizer: new SGD(whole.parameters(), { lr: 0.05 }), epochs: 3, batchSize: 1, shuffle: false });

    const path = join(tempDir(), 'run.json');
    const first = lineModel();
    const controller = new AbortController();
    const history = await fitAsync(first, {
      data: line,
      loss: mse,
      optimizer: new SGD(first.parameters(), { lr: 0.05 }),
      epochs: 3,
      batchSize: 1,
      shuffle: false,
      signal: controller.signal,
      checkpoint: { path, every: 10 },
      callbacks: { onStepEnd: ({ step }) => void (step === 2 ? controller.abort() : undefined) },
    });
    expect(history.stopped?.reason).toBe('aborted');
    expect(loadCheckpoint(path).epochInProgress?.batches).toBe(1);

    const resumed = lineModel();
    const optimizer = new SGD(resumed.parameters(), { lr: 0.05 });
    fit(resumed, { data: line, loss: mse, optimizer, epochs: 3, batchSize: 1, shuffle: false, resumeFrom: path });
    expect(weights(resumed)).toEqual(weights(whole));
  });

  const model = lineModel();
  const base: FileFitOptions = { data: line, loss: mse, optimizer: new SGD(model.parameters(), { lr: 0.1 }), epochs: 1 };
  const cases: [Record<string, unknown>, Error][] = [
    [{ checkpoint: { path: '' } }, new RangeError("fit: checkpoint.path must be a file path, got ''")],
    [{ checkpoint: { path: 'a', every: 0 } }, new RangeError('fit: checkpoint.every must be a positive integer, got 0')],
    [{ resumeFrom: 3 }, new TypeError('fit: resumeFrom must be a path or { path, maxBytes }, got 3')],
    [{ resumeFrom: { path: 'a', maxbytes: 1 } }, new TypeError("fit: unknown key 'maxbytes' in resumeFrom (did you mean 'maxBytes'?); keys are path, maxBytes")],
    [{ resumeFrom: { path: 'a', maxBytes: 0 } }, new RangeError('fit: resumeFrom.maxBytes must be a positive integer, got 0')],
    [{ checkpoint: { path: 'a', evry: 2 } }, new TypeError("fit: unknown key 'evry' in checkpoint (did you mean 'every'?); keys are path, every")],
    [{ resume: 'a.json' }, new TypeError(
        "fit: unknown option 'resume' (did you mean 'resumeFrom'?); options are data, loss, optimizer, epochs, batchSize, shuffle, seed, validation, metrics, callbacks, earlyStopping, reduceOnPlateau, checkpoint, resumeFrom, progress, compile",
      )],
  ];
  for (const [override, error] of cases) {
    test(error.message, () => {
      expect(() => fit(model, { ...base, ...override } as FileFitOptions)).toThrow(error);
    });
  }

  test('a checkpoint path that cannot be written is refused before training, leaving nothing behind', () => {
    const parent = tempDir();
    const dir = join(parent, 'runs');
    mkdirSync(dir);
    const fresh = lineModel();
    const before = weights(fresh);
    const run = (path: string) => () => fit(fresh, { ...base, optimizer: new SGD(fresh.parameters(), { lr: 0.1 }), checkpoint: { path } });
    // it used to train the epoch, append the history log next to the path, then fail to save
    expect(run(dir)).toThrow(new RangeError(`fit: checkpoint.path must be a regular file or a new file, got ${dir} (a directory)`));
    expect(run('/dev/null')).toThrow(new RangeError('fit: checkpoint.path must be a regular file or a new file, got /dev/null (a character device)'));
    expect(() => checkpointFile('/dev/null')).toThrow(new RangeError('checkpointFile: path must be a regular file or a new file, got /dev/null (a character device)'));
    expect(weights(fresh)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['runs']);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a checkpoint name that leaves no room for its history log is refused before training', () => {
    // 236 characters: the atomic write's temporary name (+18) fits in 255 bytes, the log's (+21) does not
    const dir = tempDir();
    const path = join(dir, `${'c'.repeat(231)}.json`);
    const fresh = lineModel();
    const before = weights(fresh);
    expect(() => fit(fresh, { ...base, optimizer: new SGD(fresh.parameters(), { lr: 0.1 }), checkpoint: { path } })).toThrow(
      new RangeError(`fit: checkpoint.path must leave room for its history log's name (21 more characters), got ${path} (ENAMETOOLONG)`),
    );
    expect(weights(fresh)).toEqual(before);
    expect(readdirSync(dir)).toEqual([]);
    // two characters shorter fits, and saves
    const fits = join(dir, `${'c'.repeat(229)}.json`); // 234 + 21 = 255
    fit(fresh, { ...base, optimizer: new SGD(fresh.parameters(), { lr: 0.1 }), checkpoint: { path: fits } });
    expect(loadCheckpoint(fits).completedEpochs).toBeGreaterThan(0);
  });
});

test("@etagrad/train/node exports every file function its README names", async () => {
  // the README lists them as the entry's API; checkpointFile was missing from the entry
  const entry = await import('@etagrad/train/node');
  for (const name of ['fit', 'fitAsync', 'checkpointFile', 'saveCheckpoint', 'loadCheckpoint', 'writeFileAtomic', 'checkOutputPath']) {
    expect(typeof (entry as Record<string, unknown>)[name], name).toBe('function');
  }
});
