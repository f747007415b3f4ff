import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { filesIn, root } from './helpers.js';

// Issue 9 §5, real signals: a child process training with --save gets SIGINT or SIGTERM once its
// progress shows an epoch done; it must stop after the current update, save the checkpoint, leave
// no temporary file and exit with the code 130 or 143 (not die of the signal). As PID 1 (the
// first process of a container, run here in a new PID namespace) signals without a handler are
// ignored, so this is tested there too. The two children run at once.

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-signals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly dir: string;
}

const CLI = ['--conditions=@etagrad/source', '--import', 'tsx', 'packages/cli/src/main.ts'];

/** Trains "for ever" into `dir`/run.json and sends `signal` to the training process after the first epoch. */
function trainAndSignal(dir: string, signal: NodeJS.Signals, asPid1: boolean): Promise<Ended> {
  const args = [...CLI, 'train', '--epochs', '100000', '--batch-size', '150', '--save', join(dir, 'run.json')];
  const child = asPid1
    ? spawn('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, ...args], { cwd: root })
    : spawn(process.execPath, args, { cwd: root });
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
    if (!sent && /^epoch 1\//m.test(stderr)) {
      sent = true;
      process.kill(asPid1 ? firstChild(child.pid ?? 0) : (child.pid ?? 0), signal);
    }
  });
  return new Promise((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig, stderr, dir })));
}

/** The process `unshare --fork` started: PID 1 of the new namespace. */
function firstChild(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  return Number(children[0]);
}

const runs = {
  sigint: trainAndSignal(mkdtempSync(join(scratch, 'int-')), 'SIGINT', false),
  pid1: trainAndSignal(mkdtempSync(join(scratch, 'pid1-')), 'SIGTERM', true),
};

function expectSaved(dir: string): void {
  expect(filesIn(dir)).toEqual(['run.json', 'run.json.history']); // no temporary file left
  const checkpoint = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { history: { stopped: { reason: string } } };
  expect(checkpoint.history.stopped.reason).toBe('aborted');
}

test('SIGINT stops the run with exit code 130, the checkpoint saved whole', async () => {
  const ended = await runs.sigint;
  expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 130, signal: null });
  expectSaved(ended.dir);
});

test('as PID 1, SIGTERM stops the run with exit code 143, the checkpoint saved whole', async () => {
  const ended = await runs.pid1;
  expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 143, signal: null });
  expectSaved(ended.dir);
});
