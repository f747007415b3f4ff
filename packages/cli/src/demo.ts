import { Command, Option } from 'commander';
import { fit, type History } from '@etagrad/train';
import { cosine, lineChart, plot, warmup, type Schedule, type Series } from '@etagrad/sched';
import { nonNegativeInteger } from './args.js';
import { println, type Context } from './command.js';
import { measure } from './measure.js';
import { buildModel, datasets, formatSizes, optimizers, splitData, taskFor, type OptimizerName } from './setup.js';
import type { Style } from './style.js';
import { judge, Regime, type Verdict } from './verdict.js';

// The article's story, run for real: one model, one data set, one seed; only the learning rate
// (and then its schedule, then the optimizer) changes between runs. The rates below were chosen
// so that, with the default seed, the three regimes really happen; the verdicts are worked out
// from each run's history by `judge`, so another seed may honestly tell another story.

/** The model every run trains: 2 inputs, two hidden ReLU layers of 16, one logit. */
const SIZES = [2, 16, 16, 1] as const;
/** Full-batch updates per run: each step sees the whole training set. */
const STEPS = 100;
const DEFAULT_SEED = 1;
/** Plain SGD at three rates: too low, well chosen, too high. */
const RATES = [0.005, 0.5, 4] as const;
/** A rate too high to hold from the start... */
const PEAK = 3;
/** ...reached by a warmup over this many steps, and then decayed by cosine. */
const WARMUP_STEPS = 10;
const SCHEDULE = warmup(cosine({ initial: PEAK, steps: STEPS - WARMUP_STEPS }), { steps: WARMUP_STEPS });
const ADAM_LR = 0.05;
const CHART = { width: 64, height: 12 } as const;

/** Options of `etagrad demo`. */
export interface DemoOptions {
  readonly seed: number;
}

/** One training run of the demo and what came of it. */
export interface DemoRun {
  readonly label: string;
  readonly losses: readonly number[];
  readonly history: History;
  readonly verdict: Verdict;
  readonly accuracy: number;
}

/** `etagrad demo`: the learning rate too low, well chosen, too high; then a schedule and Adam. */
export function demoCommand(context: Context): Command {
  return new Command('demo')
    .summary('the learning rate too low, well chosen, too high, on a real model (a few seconds)')
    .description(
      `Train the same MLP ${formatSizes(SIZES)} on the moons data set several times, changing only ` +
        'the learning rate, and show the loss curves, the accuracy and a verdict for each run; then ' +
        'the same model with a warmup + cosine schedule, and with Adam.',
    )
    .addOption(
      new Option('--seed <n>', 'seed of the data, the initial weights and the split (verdicts follow the runs)')
        .argParser(nonNegativeInteger)
        .default(DEFAULT_SEED),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ etagrad demo
  $ etagrad demo --seed 7        the same story on other data and weights
  $ NO_COLOR=1 etagrad demo      no colour even on a terminal`,
    )
    .action((options: DemoOptions) => {
      runDemo(context, options);
    });
}

/** Runs the demo, writing each part to stdout as soon as it is computed; returns the runs. */
export function runDemo(context: Context, { seed }: DemoOptions): DemoRun[] {
  const { io, style } = context;
  const out = (text = ''): void => println(io.stdout, text);
  const dataset = datasets.moons;
  const task = taskFor(dataset.classes);
  const data = splitData(dataset, seed);
  const train = (label: string, optimizer: OptimizerName, lr: number | Schedule): DemoRun => {
    const model = buildModel(SIZES, task, seed);
    const history = fit(model, {
      data: data.train,
      loss: task.loss,
      optimizer: optimizers[optimizer].make(model.namedParameters(), lr),
      epochs: STEPS,
      batchSize: data.train.x.length,
      seed,
      progress: false,
    });
    const losses = history.steps.map((record) => record.loss);
    const nonFiniteAt = history.stopped?.reason === 'diverged' ? history.stopped.step : null;
    const finalLoss = measure(model, data.train, task).loss;
    const { accuracy } = measure(model, data.validation, task);
    const verdict = judge({ losses, nonFiniteAt, finalLoss, accuracy });
    return { label, losses, history, verdict, accuracy };
  };

  out(style.bold('etagrad demo: the learning rate (η), on a real model'));
  out();
  out(`  model      MLP ${formatSizes(SIZES)}, ReLU, seed ${seed}`);
  out(`  data       moons: ${data.train.x.length} points to learn from, ${data.validation.x.length} held out`);
  out(`  loss       ${task.lossName}`);
  out(`  training   ${STEPS} steps of full-batch gradient descent (each step sees every training point)`);
  out(`  accuracy   measured on the held-out points`);
  out();

  out(style.bold('1. Plain SGD, three learning rates'));
  out(style.dim('   The rate sets how far each step moves the weights.'));
  const sgdRuns = RATES.map((lr) => train(`SGD lr ${lr}`, 'sgd', lr));
  // Drawn from the highest rate down, so the slow run's line stays on top where they cross.
  out(chart([...sgdRuns].reverse(), 'training loss (log scale)'));
  for (const run of sgdRuns) out(verdictLine(run, style));
  out();

  out(style.bold('2. A schedule: warm up, then decay'));
  out(style.dim(`   The same peak rate, ${PEAK}: reached gently over ${WARMUP_STEPS} steps, then lowered to settle.`));
  out(plot(SCHEDULE, { steps: STEPS, ...CHART }));
  const constantPeak = train(`SGD lr ${PEAK}`, 'sgd', PEAK);
  const scheduled = train('warmup + cosine', 'sgd', SCHEDULE);
  out(chart([constantPeak, scheduled], 'training loss (log scale)'));
  out(verdictLine(constantPeak, style));
  out(verdictLine(scheduled, style));
  out();

  out(style.bold('3. An adaptive method: Adam'));
  out(style.dim('   A step size per weight, from running averages of its gradients (momentum + RMSProp).'));
  const adam = train(`Adam lr ${ADAM_LR}`, 'adam', ADAM_LR);
  const baseline = sgdRuns.filter((run) => run.verdict.regime === Regime.WellChosen);
  out(chart([...baseline, adam], 'training loss (log scale)'));
  out(verdictLine(adam, style));
  out();

  out(style.bold('Where to go next'));
  // `npx` finds the command both in this repository (after `npm ci`, which builds it) and in a
  // project that installed @etagrad/cli
  for (const [command, what] of NEXT) out(`  ${style.cyan(`npx ${command}`)}\n      ${what}`);
  return [...sgdRuns, constantPeak, scheduled, adam];
}

const NEXT: readonly (readonly [string, string])[] = [
  ['etagrad train --lr 10', 'a rate too high on mini-batches: watch the loss blow up'],
  ['etagrad train --batch-size 1 --epochs 5', 'stochastic gradient descent: one sample per update, fast and noisy'],
  ['etagrad train --dataset spirals --optimizer adam --epochs 60', 'a harder data set: three spiral arms'],
  [
    `etagrad train --lr "warmup(cosine({ initial: 0.5, steps: 360 }), { steps: 40 })"`,
    'any schedule expression is a learning rate',
  ],
  ['etagrad plot "cyclic({ min: 0.001, max: 0.1, stepSize: 25 })" --svg lr.svg', 'draw a schedule, in the terminal or as SVG'],
  ['etagrad train --help', 'every option, with examples'],
];

/** The runs' loss curves in one chart, log-y so that slow, fast and diverging runs all show. */
function chart(runs: readonly DemoRun[], title: string): string {
  const series: Series[] = runs.map((run) => ({ name: run.label, values: run.losses }));
  return lineChart(series, { ...CHART, title, xLabel: 'step', yLabel: 'loss', logY: true });
}

function verdictLine(run: DemoRun, style: Style): string {
  const paint =
    run.verdict.regime === Regime.WellChosen
      ? style.green
      : run.verdict.regime === Regime.TooHigh
        ? style.red
        : style.yellow;
  return `  ${run.label.padEnd(16)} ${paint(`${run.verdict.regime}:`)} ${run.verdict.detail}`;
}
