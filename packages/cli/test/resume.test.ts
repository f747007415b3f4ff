import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cosine } from '@etagrad/sched';
import { fit } from '@etagrad/train/node';
import { buildModel, datasets, optimizers, splitData, taskFor } from '../src/setup.js';
import { runMain as run } from './helpers.js';

// Issue 9 §5, --resume: the checkpoint's values for the flags not given, a refusal (exit 2) for a
// flag that would make it another run, and --lr applied from the first resumed update.

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-resume-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


interface Json {
  steps: { step: number; lr: number; loss: number }[];
  epochs: unknown[];
}

/** A saved run: circles, seed 3, a small model, Adam, batches of 50 (3 updates an epoch), 2 epochs of 4 planned. */
let saved: Promise<string> | undefined;
function savedRun(): Promise<string> {
  saved ??= (async () => {
    const path = join(scratch, 'circles.json');
    const argv = ['train', '--dataset', 'circles', '--seed', '3', '--model', '2-8-1', '--optimizer', 'adam'];
    const { code } = await run([...argv, '--batch-size', '50', '--epochs', '2', '--save', path, '--json']);
    expect(code).toBe(0);
    return path;
  })();
  return saved;
}

describe('--resume takes the checkpoint values for the flags not given', () => {
  test('data set, seed, model, optimizer and batch size come from the checkpoint', async () => {
    const path = await savedRun();
    const { code, stdout, stderr } = await run(['train', '--resume', path, '--epochs', '3']);
    expect(stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^etagrad train: MLP 2-8-1 on circles\n/);
    expect(stdout).toContain('optimizer   Adam, lr 0.01 (the checkpoint\'s)');
    expect(stdout).toContain('training    3 epochs × 3 updates = 9 updates, batch size 50, seed 3');
    expect(stdout).toContain(`resuming    ${path}: 2 epochs, 6 updates done`);
  });

  test('the same values given again are accepted', async () => {
    const path = await savedRun();
    const argv = ['--dataset', 'circles', '--seed', '3', '--model', '2-8-1', '--optimizer', 'adam', '--batch-size', '50'];
    const { code, stdout } = await run(['train', '--resume', path, ...argv, '--epochs', '3', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Json).epochs).toHaveLength(3);
  });

  test.each([
    [['--dataset', 'moons'], '--dataset must be circles', 'got moons'],
    [['--seed', '4'], '--seed must be 3', 'got 4'],
    [['--model', '2-16-1'], '--model must be 2-8-1', 'got 2-16-1'],
    [['--optimizer', 'sgd'], '--optimizer must be adam', 'got sgd'],
    [['--batch-size', '16'], '--batch-size must be 50', 'got 16'],
  ])('%j with another value than the checkpoint is bad input, naming both values', async (flag, rule, got) => {
    const path = await savedRun();
    const { code, stdout, stderr } = await run(['train', '--resume', path, ...flag, '--epochs', '3']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`etagrad train: ${rule} to resume ${path} (the checkpoint's), ${got}\n`);
  });

  test('fewer --epochs than the checkpoint has done is bad input (exit 2)', async () => {
    const path = await savedRun();
    const { code, stdout, stderr } = await run(['train', '--resume', path, '--epochs', '1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `etagrad train: --epochs must be at least 2 to resume ${path} (the epochs it has done; --epochs is the total), got 1\n`,
    );
  });
});

describe('--lr on resume', () => {
  test("is applied: the new schedule's step 0 is the first resumed update, and the header says so", async () => {
    const path = await savedRun();
    const lr = 'cosine({ initial: 0.002, steps: 6 })';
    const header = await run(['train', '--resume', path, '--epochs', '4', '--lr', lr]);
    expect(header.stdout).toContain(
      'optimizer   Adam, lr cosine({ initial: 0.002, steps: 6 }) from update 6 (its step 0), replacing 0.01',
    );
    const { code, stdout } = await run(['train', '--resume', path, '--epochs', '4', '--lr', lr, '--json']);
    expect(code).toBe(0);
    const rates = (JSON.parse(stdout) as Json).steps.map((record) => record.lr);
    // 6 updates at the checkpoint's 0.01, then the cosine from its own step 0
    expect(rates.slice(0, 6)).toEqual([0.01, 0.01, 0.01, 0.01, 0.01, 0.01]);
    const schedule = cosine({ initial: 0.002, steps: 6 });
    rates.slice(6).forEach((rate, i) => expect(rate).toBe(schedule(i)));
    expect(rates).toHaveLength(12);
  });

  test('a number replaces the rate from the first resumed update', async () => {
    const path = await savedRun();
    const { stdout } = await run(['train', '--resume', path, '--epochs', '3', '--lr', '0.001', '--json']);
    expect((JSON.parse(stdout) as Json).steps.map((record) => record.lr).slice(5)).toEqual([0.01, 0.001, 0.001, 0.001]);
  });

  test('without --lr the checkpoint keeps its rate', async () => {
    const path = await savedRun();
    const { stdout } = await run(['train', '--resume', path, '--epochs', '3', '--json']);
    expect((JSON.parse(stdout) as Json).steps.map((record) => record.lr).slice(5)).toEqual([0.01, 0.01, 0.01, 0.01]);
  });
});

test('a checkpoint written by fit from code (no run config) resumes with the flags given', async () => {
  // the run `etagrad train --batch-size 50 --epochs 1` would make, trained by fit itself
  const task = taskFor(datasets.moons.classes);
  const data = splitData(datasets.moons, 1);
  const model = buildModel([2, 16, 16, 1], task, 1);
  const path = join(scratch, 'from-code.json');
  fit(model, {
    data: data.train,
    validation: data.validation,
    loss: task.loss,
    optimizer: optimizers.sgd.make(model.namedParameters(), 0.1),
    epochs: 1,
    batchSize: 50,
    seed: 1,
    metrics: { accuracy: task.metric },
    checkpoint: { path },
  });
  const { code, stdout } = await run(['train', '--resume', path, '--batch-size', '50', '--epochs', '2', '--json']);
  expect(code).toBe(0);
  expect((JSON.parse(stdout) as Json).steps).toHaveLength(6);
});

test('the checkpoint holds the run config beside fit fields, covered by its checksum', async () => {
  const path = await savedRun();
  const file = JSON.parse(readFileSync(path, 'utf8')) as { cli: unknown };
  expect(file.cli).toEqual({ dataset: 'circles', seed: 3, model: [2, 8, 1], optimizer: 'adam', batchSize: 50, epochs: 2 });
});

describe('a copied checkpoint is a checkpoint of its own', () => {
  test('the copy and the original both go on training, and both resume afterwards', async () => {
    const a = join(scratch, 'original.json');
    const b = join(scratch, 'copy.json');
    const ok = async (argv: string[]) => expect((await run(['train', '--model', '2-4-1', ...argv, '--json'])).stderr).toBe('');
    await ok(['--epochs', '2', '--save', a]);
    copyFileSync(a, b);
    await ok(['--epochs', '3', '--resume', b, '--save', b, '--lr', '0.5']);
    await ok(['--epochs', '3', '--resume', a, '--save', a]);
    for (const path of [b, a]) {
      const { code, stderr } = await run(['train', '--epochs', '4', '--resume', path, '--json']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    }
  });
});
