import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { etagrad, xmlProblem, type Run } from './helpers.js';

// Each command runs in a child process, as a user types it. The children start together when the
// file loads (each test awaits its own), so their start-up times overlap.

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-cli-'));
const svgPath = join(scratch, 'lr.svg');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runs = {
  demo: etagrad(['demo']),
  trainJson: etagrad(['train', '--optimizer', 'adam', '--lr', '0.05', '--epochs', '12', '--json']),
  plotSvg: etagrad([
    'plot',
    'warmup(cosine({ initial: 0.1, steps: 90 }), { steps: 10 })',
    'stepDecay({ initial: 0.1, every: 25 })',
    '--svg',
    svgPath,
  ]),
  help: etagrad(['--help']),
  badValue: etagrad(['train', '--epochs', '0']),
  unknownFlag: etagrad(['train', '--seeed', '3']),
} satisfies Record<string, Promise<Run>>;

/** A one-line error on stderr, nothing on stdout, exit code 2. */
function expectUsageError(run: Run, line: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^[^\n]+\n$/);
  expect(run.stderr.trimEnd()).toMatch(line);
}

describe('etagrad demo', () => {
  test('tells the three regimes apart from the runs themselves', async () => {
    const { code, stdout, stderr } = await runs.demo;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/SGD lr 0\.005 +too low: still at loss 0\.\d+ after 100 steps \(from 1\.1\)/);
    expect(stdout).toMatch(/SGD lr 0\.5 +well chosen: 100% accuracy, loss 0\.0\d+ after 100 steps/);
    expect(stdout).toMatch(/SGD lr 4 +too high: diverged at step \d+ \(loss \d+, from 1\.1\)/);
  });

  test('a warmup and cosine decay train at a peak rate that fails as a constant', async () => {
    const { stdout } = await runs.demo;
    expect(stdout).toMatch(/SGD lr 3 +too high: overshooting: the loss climbed to/);
    expect(stdout).toMatch(/warmup \+ cosine +well chosen: 100% accuracy/);
    expect(stdout).toContain('warmup(cosine({ initial: 3, steps: 90 }), { steps: 10 })');
  });

  test('Adam for contrast, then where to go next; no colour off a terminal', async () => {
    const { stdout } = await runs.demo;
    expect(stdout).toMatch(/Adam lr 0\.05 +well chosen: 100% accuracy/);
    expect(stdout).toMatch(/Where to go next\n {2}npx etagrad train/);
    expect(stdout).toContain('training loss (log scale)');
    expect(stdout).not.toContain('\u001b[');
  });
});

describe('etagrad train', () => {
  test('--json prints only the history, which reaches a held-out accuracy', async () => {
    const { code, stdout, stderr } = await runs.trainJson;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const history = JSON.parse(stdout) as {
      steps: { step: number; loss: number; lr: number }[];
      epochs: { valMetrics: { accuracy: number } | null }[];
      stopped: unknown;
    };
    expect(history.epochs).toHaveLength(12);
    expect(history.stopped).toBeNull();
    // 150 training points in batches of 16: ceil(150 / 16) = 10 updates per epoch
    expect(history.steps).toHaveLength(120);
    expect(history.steps[0]?.lr).toBe(0.05);
    expect(history.epochs.at(-1)?.valMetrics?.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('etagrad plot', () => {
  test('--svg writes a well-formed SVG atomically and the chart to stdout', async () => {
    const { code, stdout, stderr } = await runs.plotSvg;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('warmup(cosine({ initial: 0.1, steps: 90 }), { steps: 10 })');
    expect(stdout).toContain('stepDecay({ initial: 0.1, every: 25 })');
    // the warmup's own length, 10 + 90 steps
    expect(stdout).toContain(`wrote ${svgPath} (2 schedules, 100 steps)`);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(xmlProblem(svg)).toBeNull();
    expect(readdirSync(scratch)).toEqual(['lr.svg']); // no temporary file left behind
  });
});

describe('help and bad input', () => {
  test('--help lists the commands with examples', async () => {
    const { code, stdout } = await runs.help;
    expect(code).toBe(0);
    for (const command of ['demo', 'train', 'plot']) expect(stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
    expect(stdout).toContain('Examples:\n  $ etagrad demo');
  });

  test('a bad value is one line and exit code 2', async () => {
    expectUsageError(
      await runs.badValue,
      /^etagrad train: option '--epochs <n>' argument '0' is invalid\. Expected a positive integer\.$/,
    );
  });

  test('an unknown flag is one line with a suggestion, exit code 2', async () => {
    expectUsageError(await runs.unknownFlag, /^etagrad train: unknown option '--seeed' \(did you mean --seed\?\)$/);
  });
});
