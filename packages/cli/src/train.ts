import { Command, Option } from 'commander';
import { format, isSchedule, type Schedule } from '@etagrad/sched';
import { resolve } from 'node:path';
import { fitAsync, type CheckpointOptions } from '@etagrad/train';
import { CheckpointFile } from '@etagrad/train/node';
import { layerSizes, learningRate, nonNegativeInteger, positiveInteger } from './args.js';
import { ExitCode, println, UsageError, type Context } from './command.js';
import { interruptible, type Interruption } from './interrupt.js';
import { measure } from './measure.js';
import { asFlagError, checkDistinct, checkOutput, writeOutput } from './output-path.js';
import { progressReporter } from './progress.js';
import { withConfig, type RunConfig } from './run-config.js';
import { scheduleFitWarning } from './schedule-fit.js';
import { datasetNames, datasets, formatSizes, optimizerNames, optimizers, type DatasetName, type OptimizerName } from './setup.js';
import { DEFAULTS, planTrain, type TrainPlan } from './train-plan.js';
import { chartColumns, trainingChart, trainingChartSvg } from './training-chart.js';
import { blowUpStep, formatLoss, formatPercent } from './verdict.js';

/** Options of `etagrad train`, as commander parses them. */
export interface TrainOptions {
  readonly dataset: DatasetName;
  readonly model?: readonly number[];
  readonly optimizer: OptimizerName;
  readonly lr?: number | Schedule;
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly save?: string;
  readonly checkpointEvery?: number;
  readonly resume?: string;
  readonly json?: boolean;
  readonly svg?: string;
  readonly compile?: boolean;
}

/** `--svg -`: the SVG goes to stdout instead of a file. */
const STDOUT = '-';


/** `etagrad train`: trains an MLP on a 2-D data set and shows the loss curve and the metrics. */
export function trainCommand(context: Context): Command {
  return new Command('train')
    .summary('train an MLP on a 2-D data set: progress, loss curve, accuracy')
    .description(
      'Train an MLP (ReLU hidden layers) on a generated 2-D data set, holding out a quarter of it for ' +
        'validation; show a progress bar, the loss curve and the final metrics. The learning rate may ' +
        'be a number or any @etagrad/sched schedule expression.',
    )
    .addOption(
      new Option('--dataset <name>', 'the data set').choices(datasetNames).default(DEFAULTS.dataset),
    )
    .addOption(
      new Option('--model <sizes>', 'layer sizes, input to output (default 2-16-16-1, or 2-16-16-3 for spirals)')
        .argParser(layerSizes),
    )
    .addOption(new Option('--optimizer <name>', 'the optimizer').choices(optimizerNames).default(DEFAULTS.optimizer))
    .addOption(
      new Option('--lr <rate>', "learning rate: a number or a schedule expression (default: the optimizer's, see below)")
        .argParser(learningRate),
    )
    .addOption(new Option('--epochs <n>', 'passes over the training set').argParser(positiveInteger).default(DEFAULTS.epochs))
    .addOption(
      new Option('--batch-size <n>', 'samples per update: 1 is stochastic, the whole set is batch gradient descent')
        .argParser(positiveInteger)
        .default(DEFAULTS.batchSize),
    )
    .addOption(
      new Option('--seed <n>', 'seed of the data, the weights and the shuffling').argParser(nonNegativeInteger).default(DEFAULTS.seed),
    )
    .addOption(new Option('--save <path>', 'save a checkpoint (model, optimizer, history) as training goes, at the end and when stopped by Ctrl-C'))
    .addOption(
      new Option('--checkpoint-every <n>', 'with --save: write the checkpoint every n epochs (the last one always)')
        .argParser(positiveInteger),
    )
    .addOption(
      new Option(
        '--resume <path>',
        "continue a saved run up to --epochs in total (default: the run's own); flags not given take the run's values, " +
          '--lr replaces its rate from the next update',
      ),
    )
    .addOption(new Option('--json', 'print only the history, as JSON (for scripts)'))
    .addOption(new Option('--compile', 'run the model through compiled programs (same numbers, faster); a model that cannot be compiled trains eagerly after a notice'))
    .addOption(new Option('--svg <file>', "also write the training chart as an SVG file; '-' writes only the SVG, to stdout"))
    .addHelpText(
      'after',
      `
Ctrl-C (or SIGTERM) stops after the current update and saves the checkpoint
(exit code 130, or 143).

Default learning rates, when --lr is not given:
${wrap(optimizerNames.map((name) => `${name} ${optimizers[name].defaultLr}`), 76, '  ')}

Examples:
  $ etagrad train
  $ etagrad train --lr 10                                  too high: watch the loss blow up
  $ etagrad train --dataset spirals --optimizer adam --epochs 60
  $ etagrad train --batch-size 1 --epochs 5                stochastic gradient descent
  $ etagrad train --lr "warmup(cosine({ initial: 0.5, steps: 360 }), { steps: 40 })"
  $ etagrad train --epochs 20 --save run.json && etagrad train --epochs 40 --resume run.json
  $ etagrad train --resume run.json --epochs 60 --lr 0.01      fine-tune: a smaller rate from here on
  $ etagrad train --epochs 400 --save run.json --checkpoint-every 50
  $ etagrad train --svg run.svg                            the loss and learning rate charts as SVG
  $ etagrad train --json | jq '.epochs[-1].valMetrics'`,
    )
    .action(async (options: TrainOptions, command: Command) => {
      const given = new Set(command.options.map((o) => o.attributeName()).filter((key) => command.getOptionValueSource(key) === 'cli'));
      context.exitCode = await runTrain(context, options, given);
    });
}

/**
 * Trains as `options` say and reports to `context`; resolves to the exit code. Interrupts are
 * listened to for the whole command, so that no signal ends it in the middle of a file write: one
 * before training stops it before the first update, one after it waits for the report.
 */
export async function runTrain(context: Context, options: TrainOptions, given: ReadonlySet<string>): Promise<ExitCode> {
  return interruptible(context.io.onInterrupt, (interruption) => train(context, options, given, interruption));
}

async function train(context: Context, options: TrainOptions, given: ReadonlySet<string>, interruption: Interruption): Promise<ExitCode> {
  const { io, style } = context;
  const out = (text = ''): void => println(io.stdout, text);
  // Before any work: a checkpoint that cannot be written would be lost at the end of the run.
  if (options.save !== undefined) checkOutput('--save', options.save);
  if (options.svg !== undefined && options.svg !== STDOUT) checkOutput('--svg', options.svg);
  if (options.svg === STDOUT && options.json === true) throw new UsageError('--svg - and --json both write to stdout: give --svg a file');
  // The chart must not replace a checkpoint: the one being saved, or the one resumed (--save may be it).
  const svgFile = options.svg === STDOUT ? undefined : options.svg;
  checkDistinct([['--save', options.save], ['--svg', svgFile]]);
  checkDistinct([['--resume', options.resume], ['--svg', svgFile]]);
  if (options.checkpointEvery !== undefined && options.save === undefined) {
    throw new UsageError('--checkpoint-every needs --save <path>');
  }
  const plan = planTrain(options, given);
  const { config, task, data, model, optimizer, lr, resume } = plan;
  // Only one thing goes to stdout: the JSON history, the SVG, or the report.
  const json = options.json === true;
  const quiet = json || options.svg === STDOUT;
  const total = config.epochs * plan.updatesPerEpoch;
  const first = resume?.updates ?? 0;

  if (!quiet) {
    out(style.bold(`etagrad train: MLP ${formatSizes(config.model)} on ${config.dataset}`));
    out(`  data        ${datasets[config.dataset].description}: ${data.train.x.length} to train, ${data.validation.x.length} held out`);
    out(`  optimizer   ${optimizer.name}, lr ${rateText(plan)}`);
    out(
      `  training    ${config.epochs} epochs × ${plan.updatesPerEpoch} updates = ${total} updates, ` +
        `batch size ${config.batchSize}, seed ${config.seed}`,
    );
    if (resume !== null) {
      out(`  resuming    ${resume.path}: ${resume.checkpoint.completedEpochs} epochs, ${resume.updates} updates done`);
    }
  }
  if (isSchedule(lr)) {
    const warning = scheduleFitWarning(lr, { epochs: config.epochs, perEpoch: plan.updatesPerEpoch, first, total });
    if (warning !== null) println(io.stderr, `etagrad train: warning: ${warning}`);
  }

  const history = await fitAsync(model, {
    data: data.train,
    validation: data.validation,
    loss: task.loss,
    optimizer,
    epochs: config.epochs,
    batchSize: config.batchSize,
    seed: config.seed,
    metrics: { accuracy: task.metric },
    // Progress goes to stderr, so stdout holds only results (and --json stays parseable).
    progress: quiet ? false : progressReporter({ stream: io.stderr }),
    // the one-line notice of a compile fallback goes to stderr, with --json too
    ...(options.compile === true
      ? { compile: true, progress: { ...progressReporter(quiet ? false : { stream: io.stderr }), notice: (m: string) => println(io.stderr, m) } }
      : {}),
    signal: interruption.signal,
    ...(options.save === undefined
      ? {}
      : { checkpoint: checkpointFile(options.save, config, options.checkpointEvery ?? 1, resume?.file ?? null) }),
    ...(resume === null ? {} : { resumeFrom: resume.checkpoint }),
  });
  const interrupted = interruption.received();

  if (options.svg !== undefined) {
    const svg = trainingChartSvg(history);
    if (options.svg === STDOUT) io.stdout.write(svg);
    else writeOutput('--svg', options.svg, svg);
  }
  if (json) {
    out(JSON.stringify(history));
    return ExitCode.Ok;
  }
  if (options.svg === STDOUT) return ExitCode.Ok;

  const losses = history.steps.map((record) => record.loss);
  out(trainingChart(history, chartColumns(io.stdout)));
  const trained = measure(model, data.train, task);
  const held = measure(model, data.validation, task);
  out(`  ${'train'.padEnd(10)} loss ${formatLoss(trained.loss).padEnd(8)} accuracy ${formatPercent(trained.accuracy)}`);
  out(`  ${'held out'.padEnd(10)} loss ${formatLoss(held.loss).padEnd(8)} accuracy ${formatPercent(held.accuracy)}`);
  const blowUp = blowUpStep(losses);
  if (interrupted !== null) {
    out(style.yellow(`  stopped by ${interrupted} after update ${history.steps.length}`));
  } else if (history.stopped !== null) {
    out(style.red(`  stopped: ${history.stopped.message}`));
  } else if (blowUp !== -1) {
    const [start, at] = [losses[0] ?? Number.NaN, losses[blowUp] ?? Number.NaN];
    out(
      style.red(
        `  diverged: the loss reached ${formatLoss(at)} at step ${blowUp} (from ${formatLoss(start)}): ` +
          'try a smaller learning rate or a warmup',
      ),
    );
  }
  if (options.save !== undefined) out(style.dim(`  checkpoint saved to ${options.save}`));
  if (options.svg !== undefined) out(style.dim(`  chart written to ${options.svg}`));
  return ExitCode.Ok;
}

/**
 * fit's checkpoint option: each checkpoint, with the run's config, saved to `path` as train's
 * checkpoint files are (the file replaced atomically, the history appended to its log); the
 * resumed file's own store when it is the same file, so that its log goes on.
 */
function checkpointFile(path: string, config: RunConfig, every: number, resumed: CheckpointFile | null): CheckpointOptions {
  const file = resumed !== null && resolve(resumed.path) === resolve(path) ? resumed : new CheckpointFile(path);
  return { save: (checkpoint) => asFlagError('--save', () => file.save(withConfig(checkpoint, config))), every };
}

/**
 * The rate for the header, as training will use it: on resume with `--lr`, the new rate, the
 * update it starts at (a schedule's step 0 there) and the rate it replaces; on resume without,
 * the checkpoint's.
 */
function rateText({ lr, resume }: TrainPlan): string {
  const text = (rate: number | Schedule): string => (isSchedule(rate) ? format(rate) : String(rate));
  if (resume === null) return text(lr);
  if (resume.newLr === null) return `${text(lr)} (the checkpoint's)`;
  const replaced = resume.savedLr === null ? '' : `, replacing ${text(resume.savedLr)}`;
  const start = isSchedule(resume.newLr) ? ` from update ${resume.updates} (its step 0)` : '';
  return `${text(resume.newLr)}${start}${replaced}`;
}

/** Joins `items` with commas into lines of at most `width` characters, each after `indent`. */
function wrap(items: readonly string[], width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && line.length + item.length + 2 > width) {
      lines.push(`${indent}${line},`);
      line = '';
    }
    line = line === '' ? item : `${line}, ${item}`;
  }
  return [...lines, `${indent}${line}`].join('\n');
}
