import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { InterruptSignal } from '../src/interrupt.js';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';
import { filesIn } from './helpers.js';

// Issue 9 §5, signals, in-process: an interrupt stops training after the current update, saves
// the checkpoint, restores the terminal and gives exit code 130 (SIGINT) or 143 (SIGTERM). The
// interrupt is fired from the progress output, so it lands at the same update every time.
// (signals.test.ts sends real signals to a child process, also as PID 1.)

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-interrupt-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs `etagrad` with an interrupt `signal` fired when what it wrote (stderr, then stdout) first
 * matches `when` ('start': as soon as the command listens).
 */
async function interrupted(argv: string[], signal: InterruptSignal, when: RegExp | 'start', options: { tty?: boolean } = {}) {
  let out = '';
  let err = '';
  let listener: ((s: InterruptSignal) => void) | null = null;
  let subscribed = 0;
  let fired = false;
  const check = (): void => {
    if (!fired && listener !== null && when !== 'start' && (when.test(err) || when.test(out))) {
      fired = true;
      listener(signal);
    }
  };
  const io: Io = {
    stdout: {
      isTTY: false,
      write: (text: string) => {
        out += text;
        check();
      },
    },
    stderr: {
      isTTY: options.tty === true,
      write: (text: string) => {
        err += text;
        check();
      },
    },
    env: {},
    onInterrupt: (l) => {
      listener = l;
      subscribed += 1;
      if (when === 'start') {
        fired = true;
        queueMicrotask(() => l(signal));
      }
      return () => {
        listener = null;
        subscribed -= 1;
      };
    },
  };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err, fired, subscribed };
}

interface Json {
  steps: { step: number; loss: number; lr: number }[];
  epochs: unknown[];
  stopped: { reason: string } | null;
}

// 150 training points in batches of 30: 5 updates an epoch
const TRAIN = ['train', '--batch-size', '30', '--epochs', '4'];

describe('a signal never cuts a file write short', () => {
  test('plot --svg: a signal while drawing lets the SVG be written whole, then exits 130', async () => {
    const dir = mkdtempSync(join(scratch, 'plot-'));
    const path = join(dir, 'lr.svg');
    const { code, fired } = await interrupted(['plot', 'constant(0.1)', '--svg', path], 'SIGINT', /learning rate/);
    expect(fired).toBe(true);
    expect(code).toBe(130);
    expect(readFileSync(path, 'utf8')).toMatch(/<\/svg>\n$/);
    expect(readdirSync(dir)).toEqual(['lr.svg']);
  });

  test.each([
    ['compare', ['compare', '--lr', '0.1', '--epochs', '1'], ['runs-lr.svg', 'runs.svg']],
    ['lr-find', ['lr-find', '--steps', '20'], ['runs.svg']],
  ])('%s --svg: a signal during the writes lets every chart be written whole, then exits 130', async (_name, argv, files) => {
    // compare and lr-find listen only while they write: a signal then waits for the last file
    const dir = mkdtempSync(join(scratch, 'writes-'));
    const { code, fired } = await interrupted([...argv, '--svg', join(dir, 'runs.svg')], 'SIGINT', 'start');
    expect(fired).toBe(true);
    expect(code).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(dir, file), 'utf8')).toMatch(/<\/svg>\n$/);
  });

  test('train --svg: a signal during the report still writes the chart, then exits 143', async () => {
    const dir = mkdtempSync(join(scratch, 'report-'));
    const path = join(dir, 'run.svg');
    const { code, fired } = await interrupted([...TRAIN, '--svg', path], 'SIGTERM', /held out +loss/);
    expect(fired).toBe(true);
    expect(code).toBe(143);
    expect(readFileSync(path, 'utf8')).toMatch(/<\/svg>\n$/);
    expect(readdirSync(dir)).toEqual(['run.svg']);
  });
});

describe('SIGINT and SIGTERM stop training after the current update', () => {
  test('SIGINT: exit code 130, the checkpoint saved mid-epoch, nothing left behind', async () => {
    const dir = mkdtempSync(join(scratch, 'int-'));
    const path = join(dir, 'run.json');
    const { code, stdout, fired, subscribed } = await interrupted([...TRAIN, '--save', path], 'SIGINT', /^epoch 1\/4 /m);
    expect(fired).toBe(true);
    expect(subscribed).toBe(0); // the handlers are removed when training ends
    expect(code).toBe(130);
    expect(stdout).toMatch(/stopped by SIGINT after update \d+/);
    expect(stdout).toContain(`checkpoint saved to ${path}`);
    const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as { completedEpochs: number; history: Json };
    expect(checkpoint.completedEpochs).toBeLessThan(4);
    expect(checkpoint.history.stopped?.reason).toBe('aborted');
    expect(filesIn(dir)).toEqual(['run.json', 'run.json.history']);
  });

  test('the stop is saved whatever --checkpoint-every says', async () => {
    const dir = mkdtempSync(join(scratch, 'every-'));
    const path = join(dir, 'run.json');
    const argv = [...TRAIN, '--save', path, '--checkpoint-every', '1000'];
    const { code } = await interrupted(argv, 'SIGINT', /^epoch 1\/4 /m);
    expect(code).toBe(130);
    const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as { history: Json };
    expect(checkpoint.history.stopped?.reason).toBe('aborted');
  });

  test('SIGTERM: exit code 143; --json still prints the history so far', async () => {
    const { code, stdout, fired } = await interrupted([...TRAIN, '--json'], 'SIGTERM', 'start');
    expect(fired).toBe(true);
    expect(code).toBe(143);
    const history = JSON.parse(stdout) as Json;
    expect(history.stopped?.reason).toBe('aborted');
    expect(history.steps.length).toBeLessThan(20);
  });

  test('an interrupted run resumed without --epochs goes on to the planned total, as if never stopped', async () => {
    const dir = mkdtempSync(join(scratch, 'resume-'));
    const path = join(dir, 'run.json');
    const stopped = await interrupted([...TRAIN, '--save', path], 'SIGINT', /^epoch 2\/4 /m);
    expect(stopped.code).toBe(130);
    const resumed = await interrupted(['train', '--resume', path, '--json'], 'SIGINT', /$^never/);
    expect(resumed.code).toBe(0);
    const whole = await interrupted([...TRAIN, '--json'], 'SIGINT', /$^never/);
    const [a, b] = [JSON.parse(resumed.stdout) as Json, JSON.parse(whole.stdout) as Json];
    expect(a.epochs).toHaveLength(4);
    expect(a.steps.map((s) => s.loss)).toEqual(b.steps.map((s) => s.loss)); // bit for bit
  });

  test('on a terminal the live bar is closed and the cursor shown again', async () => {
    const { code, stderr } = await interrupted(TRAIN, 'SIGINT', /\[/, { tty: true });
    expect(code).toBe(130);
    const hidden = stderr.lastIndexOf('\u001b[?25l');
    expect(hidden).toBeGreaterThanOrEqual(0); // the bar hid it
    expect(stderr.lastIndexOf('\u001b[?25h')).toBeGreaterThan(hidden);
  });
});

describe('SIGINT and SIGTERM stop etagrad tune after the running trials', () => {
  // 6 trials in-process (one worker), 4 updates each: the signal comes as trial 1 is reported.
  const search = {
    method: 'random',
    trials: 6,
    seed: 1,
    space: { lr: { logUniform: [0.01, 1] } },
    objective: { fit: { dataset: 'moons', model: '2-4-1', optimizer: 'sgd', epochs: 1 } },
  };

  test('SIGINT: no new trial starts, the journal keeps the finished ones whole, their table is printed, exit 130', async () => {
    const dir = mkdtempSync(join(scratch, 'tune-'));
    const file = join(dir, 'search.json');
    const journal = join(dir, 'search.jsonl');
    writeFileSync(file, JSON.stringify(search));
    const argv = ['tune', file, '--workers', '1', '--out', journal];
    const { code, stdout, stderr, fired, subscribed } = await interrupted(argv, 'SIGINT', /^trial 1 /m);
    expect(fired).toBe(true);
    expect(subscribed).toBe(0);
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/^trial 2 /m);
    expect(stdout).toContain(`stopped by SIGINT: 2 trials finished; the journal ${journal} keeps them`);
    expect(stdout.match(/^ *[01] +ok /gm)).toHaveLength(2); // the table: trials 0 and 1 only
    const text = readFileSync(journal, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { index?: number });
    expect(lines.slice(1).map((line) => line.index)).toEqual([0, 1]);

    const resumed = await interrupted(argv, 'SIGTERM', /^trial 4 /m);
    expect(resumed.code).toBe(143);
    expect(resumed.stderr.match(/\(from the journal\)/g)).toHaveLength(2);
    expect(resumed.stdout).toContain('stopped by SIGTERM: 5 trials finished');
  });

  test('--json: the finished trials and stopped: true', async () => {
    const dir = mkdtempSync(join(scratch, 'tune-json-'));
    const file = join(dir, 'search.json');
    writeFileSync(file, JSON.stringify(search));
    const { code, stdout } = await interrupted(['tune', file, '--workers', '1', '--json'], 'SIGTERM', /^trial 0 /m);
    expect(code).toBe(143);
    const result = JSON.parse(stdout) as { trials: { index: number }[]; stopped: boolean };
    expect(result.trials.map((t) => t.index)).toEqual([0]);
    expect(result.stopped).toBe(true);
  });
});
