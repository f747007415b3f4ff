import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lineChart } from '@etagrad/sched';
import { asUsage, UsageError } from '../src/command.js';
import { MIN_HEIGHT, MIN_WIDTH } from '../src/plot.js';
import { filesIn, runMain as run } from './helpers.js';

// `main` in-process, with string buffers for the streams: the many small cases of bad input,
// help texts and options that would each cost a child process.

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-main-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


describe('help', () => {
  test('no arguments prints the help and succeeds', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: etagrad \[options\] \[command\]/);
  });

  test.each([
    ['demo', /Examples:\n {2}\$ etagrad demo\n/],
    ['train', /Examples:\n {2}\$ etagrad train\n/],
    ['plot', /Examples:\n {2}\$ etagrad plot "cosine/],
  ])('etagrad %s --help has options and examples', async (command, examples) => {
    const { code, stdout, stderr } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: etagrad ${command} \\[options\\]`));
    expect(stdout).toMatch(examples);
  });

  test('train --help lists the data sets, optimizers and default rates', async () => {
    const { stdout } = await run(['train', '--help']);
    expect(stdout).toMatch(/choices: "moons", "circles", "spirals",\s+"xor"/);
    expect(stdout).toMatch(/Default learning rates, when --lr is not given:\n {2}sgd 0\.1, momentum 0\.05, .*adam 0\.01/);
    expect(stdout).toMatch(/lion 0\.003\n/);
  });

  test('etagrad help <command> is the same as <command> --help', async () => {
    const { code, stdout } = await run(['help', 'train']);
    expect(code).toBe(0);
    expect(stdout).toBe((await run(['train', '--help'])).stdout);
  });

  test('--version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('bad input: one line on stderr, exit code 2, nothing done', () => {
  test.each([
    [['train', '--dataset', 'moon'], /^etagrad train: option '--dataset <name>' argument 'moon' is invalid\. Allowed choices are moons, circles, spirals, xor\.$/],
    [['train', '--optimizer', 'adamm'], /^etagrad train: option '--optimizer <name>' argument 'adamm' is invalid\. Allowed choices are sgd, /],
    [['train', '--lr', '-1'], /^etagrad train: option '--lr <rate>' argument '-1' is invalid\. Expected a positive number\.$/],
    [['train', '--lr', 'cosine({ initial: 0.1 })'], /^etagrad train: option '--lr <rate>' argument .* is invalid\. Not a number or schedule expression: .*steps/],
    [['train', '--batch-size', '1.5'], /^etagrad train: option '--batch-size <n>' argument '1\.5' is invalid\. Expected a positive integer\.$/],
    [['train', '--model', '2-16-x'], /^etagrad train: option '--model <sizes>' argument '2-16-x' is invalid\. Expected layer sizes joined by dashes, like 2-16-16-1\.$/],
    [['train', '--model', '3-16-1'], /^etagrad train: --model must take 2 inputs and give 1 output for this data set, got 3-16-1$/],
    [['train', '--dataset', 'spirals', '--model', '2-16-1'], /^etagrad train: --model must take 2 inputs and give 3 outputs for this data set, got 2-16-1$/],
    [['train', '--epochs'], /^etagrad train: option '--epochs <n>' argument missing$/],
    [['train', '--model', '2-100000000-1'], /^etagrad train: option '--model <sizes>' argument '2-100000000-1' is invalid\. Expected at most 10000 units a layer, got 100000000\.$/],
    [['train', '--model', '2-5000-5000-1'], /^etagrad train: option '--model <sizes>' argument '2-5000-5000-1' is invalid\. Expected at most 10000000 parameters, got 25025001\.$/],
    [['train', '--checkpoint-every', '2'], /^etagrad train: --checkpoint-every needs --save <path>$/],
    [['train', '--checkpoint-every', '0', '--save', 'x.json'], /^etagrad train: option '--checkpoint-every <n>' argument '0' is invalid\. Expected a positive integer\.$/],
    [['train', 'extra'], /^etagrad train: too many arguments for 'train'\. Expected 0 arguments but got 1\.$/],
    [['demo', '--seed', '-1'], /^etagrad demo: option '--seed <n>' argument '-1' is invalid\. Expected an integer >= 0\.$/],
    [['plot'], /^etagrad plot: missing required argument 'expr'$/],
    [['plot', 'constant(0.1)', '--steps', '0'], /^etagrad plot: option '--steps <n>' argument '0' is invalid\. Expected a positive integer\.$/],
    [['plot', 'constant(0.1)', '--width', '1e8'], /^etagrad plot: option '--width <n>' argument '1e8' is invalid\. Expected an integer from 8 to 1000\.$/],
    [['plot', 'constant(0.1)', '--width', '1001'], /^etagrad plot: option '--width <n>' argument '1001' is invalid\. Expected an integer from 8 to 1000\.$/],
    [['plot', 'constant(0.1)', '--width', '3'], /^etagrad plot: option '--width <n>' argument '3' is invalid\. Expected an integer from 8 to 1000\.$/],
    [['plot', 'constant(0.1)', '--height', '1000000'], /^etagrad plot: option '--height <n>' argument '1000000' is invalid\. Expected an integer from 3 to 200\.$/],
    [['plot', 'constant(0.1)', '--height', '2'], /^etagrad plot: option '--height <n>' argument '2' is invalid\. Expected an integer from 3 to 200\.$/],
    [['--colour'], /^etagrad: unknown option '--colour'$/],
    [['help', 'trian'], /^etagrad help: unknown command 'trian' \(see 'etagrad --help'\)$/],
    [['trian'], /^etagrad: unknown command 'trian' \(did you mean train\?\)$/],
    [['plot', 'cosin({ initial: 0.1, steps: 10 })'], /^etagrad plot: command-argument value .* is invalid for argument 'expr'\. Not a schedule expression: .*cosin/],
    [['plot', 'cosine({ initial: 0.1, steps: 5 }'], /^etagrad plot: .* Not a schedule expression: parse: expected ',' or '\)', got the end at column \d+$/],
  ])('etagrad %j', async (argv, line) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^[^\n]+\n$/);
    expect(stderr.trimEnd()).toMatch(line);
  });

  test("a library's validation error while building the output is bad input too", () => {
    // the flags are checked first, so this is the net under them: asUsage makes it a usage error
    expect(() => asUsage(() => lineChart([{ name: 'lr', values: [1] }], { width: 3 }))).toThrow(
      new UsageError('lineChart: width must be an integer >= 8, got 3'),
    );
  });

  test("plot's size bounds are what sched's lineChart draws", () => {
    const draw = (width: number, height: number) => () => lineChart([{ name: 'lr', values: [1, 2] }], { width, height });
    expect(draw(MIN_WIDTH, MIN_HEIGHT)).not.toThrow();
    expect(draw(MIN_WIDTH - 1, MIN_HEIGHT)).toThrow(RangeError);
    expect(draw(MIN_WIDTH, MIN_HEIGHT - 1)).toThrow(RangeError);
  });

  test('a checkpoint that cannot be read fails the run with exit code 1, on one line', async () => {
    const path = join(scratch, 'truncated.json');
    writeFileSync(path, '{"format": "etagrad-checkpoint", "vers');
    const { code, stdout, stderr } = await run(['train', '--epochs', '2', '--resume', path, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^etagrad train: error: [^\n]+\n$/);
  });
});

describe('etagrad train', () => {
  test('shows the run, progress lines on stderr off a terminal, the loss curve and the metrics', async () => {
    const { code, stdout, stderr } = await run(['train', '--epochs', '3', '--batch-size', '50']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^etagrad train: MLP 2-16-16-1 on moons\n/);
    expect(stdout).toContain('optimizer   SGD, lr 0.1');
    // 150 training points in batches of 50: 3 updates an epoch
    expect(stdout).toContain('training    3 epochs × 3 updates = 9 updates, batch size 50, seed 1');
    expect(stdout).toContain('loss (log scale)');
    expect(stdout).toContain('* train (epoch mean)   o held out');
    expect(stdout).toMatch(/\nlearning rate\n/);
    expect(stdout).toMatch(/held out +loss [\d.]+ +accuracy [\d.]+%/);
    // one plain line per epoch, as train's progress writes them off a terminal
    expect(stderr.match(/^epoch \d\/3 /gm)).toHaveLength(3);
  });

  test('--save then --resume continues to the total number of epochs', async () => {
    const path = join(scratch, 'run.json');
    const first = await run(['train', '--epochs', '2', '--batch-size', '50', '--save', path]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`checkpoint saved to ${path}`);
    const resumed = await run(['train', '--epochs', '4', '--batch-size', '50', '--resume', path, '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toBe('');
    const history = JSON.parse(resumed.stdout) as { epochs: unknown[]; steps: unknown[] };
    // 150 points in batches of 50: 3 updates per epoch, 4 epochs in all
    expect(history.epochs).toHaveLength(4);
    expect(history.steps).toHaveLength(12);
    expect(filesIn(scratch)).toEqual(['run.json', 'run.json.history', 'truncated.json']);
  });

  test('a schedule expression is a learning rate', async () => {
    const { code, stdout } = await run([
      'train',
      '--epochs',
      '2',
      '--batch-size',
      '75',
      '--lr',
      'warmup(cosine({ initial: 0.2, steps: 2 }), { steps: 2 })',
      '--json',
    ]);
    expect(code).toBe(0);
    const history = JSON.parse(stdout) as { steps: { lr: number }[] };
    // warmup from 0 over 2 steps to 0.2, then cosine over 2 steps: 0, 0.1, 0.2, 0.1
    const lrs = history.steps.map((record) => record.lr);
    expect(lrs).toHaveLength(4);
    [0, 0.1, 0.2, 0.1].forEach((lr, i) => expect(lrs[i]).toBeCloseTo(lr, 12));
  });
});

describe('schedules that do not fit the run', () => {
  const tooShort = ['train', '--epochs', '4', '--batch-size', '15', '--lr', 'cosine({ initial: 0.5, steps: 4 })'];

  test('a schedule that ends early is one warning line on stderr before training, with the updates the run makes', async () => {
    const { code, stderr } = await run(tooShort);
    expect(code).toBe(0);
    // 150 points in batches of 15: 10 updates an epoch, 40 in all; the cosine ends at update 4
    const [first] = stderr.split('\n');
    expect(first).toBe(
      'etagrad train: warning: for 36 of the 40 updates to run (90%) the learning rate is 0 or its schedule has ' +
        "ended (at update 4); this run makes 4 epochs × 10 updates = 40 updates, the number a schedule's steps: needs",
    );
  });

  test('the warning is given with --json too, and stdout stays JSON', async () => {
    const { code, stdout, stderr } = await run([...tooShort, '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^etagrad train: warning: for 36 of the 40 updates[^\n]*\n$/);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
  });

  test('a schedule that fits says nothing', async () => {
    const { stderr } = await run(['train', '--epochs', '4', '--batch-size', '15', '--lr', 'cosine({ initial: 0.5, steps: 40 })', '--json']);
    expect(stderr).toBe('');
  });
});

describe('--checkpoint-every', () => {
  test('the final checkpoint is written regardless of the cadence', async () => {
    const path = join(scratch, 'every.json');
    const { code } = await run(['train', '--epochs', '3', '--batch-size', '75', '--save', path, '--checkpoint-every', '5', '--json']);
    expect(code).toBe(0);
    const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as { completedEpochs: number };
    expect(checkpoint.completedEpochs).toBe(3);
    rmSync(path);
  });
});

describe('colour', () => {
  test('on a terminal notes are dimmed; NO_COLOR turns colour off', async () => {
    const plot = ['plot', 'constant(0.1)', '--svg', join(scratch, 'c.svg')];
    expect((await run(plot, { tty: true })).stdout).toContain('\u001b[2mwrote');
    expect((await run(plot, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    rmSync(join(scratch, 'c.svg'));
  });
});
