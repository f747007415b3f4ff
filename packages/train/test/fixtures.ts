import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, onTestFinished } from 'vitest';
import type { Checkpoint } from '../src/checkpoint-format.js';
import type { EpochRecord, StepRecord } from '../src/history.js';

/**
 * A fresh empty directory for one test's files, removed with everything in it when the test ends
 * (made while a suite is collected, when the suite's tests end).
 */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'etagrad-train-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  if (expect.getState().currentTestName === undefined) afterAll(remove);
  else onTestFinished(remove);
  return dir;
}

/** A small, whole checkpoint (the owned-elsewhere parts are stand-ins: parsing does not read them). */
export function sampleCheckpoint(overrides: Partial<Checkpoint> = {}): Checkpoint {
  return {
    format: 'etagrad-checkpoint',
    version: 2,
    completedEpochs: 1,
    epochInProgress: null,
    model: { 'layers.0.weight': [0.5, -0.25] },
    optimizer: { name: 'SGD', state: { stepCount: 2 } },
    rng: { version: 1, algorithm: 'sfc32', words: [1, 2, 3, 4] },
    history: {
      steps: [
        { step: 0, epoch: 0, loss: 0.75, lr: 0.1 },
        { step: 1, epoch: 0, loss: 0.5, lr: 0.1 },
      ],
      epochs: [
        { epoch: 0, steps: 2, loss: 0.625, metrics: { accuracy: 0.5 }, valLoss: null, valMetrics: null, lr: 0.1, lrScale: 1 },
      ],
      stopped: null,
    },
    plateau: null,
    earlyStopping: null,
    run: { samples: 4, batchSize: 2, shuffle: true },
    ...overrides,
  };
}

/** A checkpoint after `epochs` epochs of 10 steps each (the records are all that grows). */
export function longRun(epochs: number): Checkpoint {
  const steps: StepRecord[] = [];
  const records: EpochRecord[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = 0; k < 10; k++) steps.push({ step: steps.length, epoch, loss: 0.25, lr: 0.1 });
    records.push({ epoch, steps: steps.length, loss: 0.5, metrics: {}, valLoss: null, valMetrics: null, lr: 0.1, lrScale: 1 });
  }
  return sampleCheckpoint({ completedEpochs: epochs, history: { steps, epochs: records, stopped: null } });
}
