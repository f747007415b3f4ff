import { Command, Option } from 'commander';
import { formatNumber } from '@etagrad/train';
import { lrFind, lrFindChart, lrFindSvg } from '@etagrad/tune';
import { layerSizes, nonNegativeInteger, positiveInteger, positiveNumber } from './args.js';
import { asUsage, ExitCode, println, UsageError, type Context } from './command.js';
import { checkOutput, writeOutputs } from './output-path.js';
import {
  buildModel,
  datasetNames,
  datasets,
  formatSizes,
  optimizerNames,
  optimizers,
  splitData,
  taskFor,
  type DatasetName,
  type OptimizerName,
} from './setup.js';

/** Options of `etagrad lr-find`, as commander parses them. */
export interface LrFindOptions {
  readonly dataset: DatasetName;
  readonly model?: readonly number[];
  readonly optimizer: OptimizerName;
  readonly batchSize: number;
  readonly seed: number;
  readonly steps: number;
  readonly start: number;
  readonly end: number;
  readonly svg?: string;
  readonly json?: boolean;
}

const DEFAULTS = { dataset: 'moons', optimizer: 'adam', batchSize: 32, seed: 1, steps: 100, start: 1e-7, end: 10 } as const;

/** `etagrad lr-find`: the learning-rate range test on a 2-D data set, with fastai's suggestions. */
export function lrFindCommand(context: Context): Command {
  return new Command('lr-find')
    .summary('find a learning rate: the range test, its chart and three suggestions')
    .description(
      "Leslie Smith's learning-rate range test, as fastai runs it: train a fresh MLP while the rate " +
        'grows exponentially from --start to --end over --steps updates, and plot the smoothed loss ' +
        "against the rate. Suggests fastai's valley (try it first), steepest and minimum/10.",
    )
    .addOption(new Option('--dataset <name>', 'the data set').choices(datasetNames).default(DEFAULTS.dataset))
    .addOption(new Option('--model <sizes>', 'layer sizes, input to output (default 2-16-16-1, or 2-16-16-3 for spirals)').argParser(layerSizes))
    .addOption(new Option('--optimizer <name>', 'the optimizer').choices(optimizerNames).default(DEFAULTS.optimizer))
    .addOption(new Option('--batch-size <n>', 'samples per update').argParser(positiveInteger).default(DEFAULTS.batchSize))
    .addOption(new Option('--seed <n>', 'seed of the data, the weights and the shuffling').argParser(nonNegativeInteger).default(DEFAULTS.seed))
    .addOption(new Option('--steps <n>', 'updates in the test').argParser(positiveInteger).default(DEFAULTS.steps))
    .addOption(new Option('--start <lr>', 'the first rate').argParser(positiveNumber).default(DEFAULTS.start))
    .addOption(new Option('--end <lr>', 'the rate the test grows towards').argParser(positiveNumber).default(DEFAULTS.end))
    .addOption(new Option('--svg <file>', 'also write the chart as a standalone SVG file'))
    .addOption(new Option('--json', 'print only the result (rates, losses, suggestions), as JSON'))
    .addHelpText(
      'after',
      `
Examples:
  $ etagrad lr-find
  $ etagrad lr-find --optimizer sgd --batch-size 16 --svg lr-find.svg
  $ etagrad lr-find --dataset spirals --model 2-32-32-3`,
    )
    .action(async (options: LrFindOptions) => {
      context.exitCode = await runLrFind(context, options);
    });
}

/** Runs the range test and reports it; returns the exit code. */
export async function runLrFind(context: Context, options: LrFindOptions): Promise<ExitCode> {
  const { io, style } = context;
  const out = (text = ''): void => println(io.stdout, text);
  if (options.svg !== undefined) checkOutput('--svg', options.svg);
  if (options.end <= options.start) throw new UsageError(`--end must be above --start (${options.start}), got ${options.end}`);
  if (options.steps < 2) throw new UsageError(`--steps must be at least 2, got ${options.steps}`);
  const dataset = datasets[options.dataset];
  const task = taskFor(dataset.classes);
  const sizes = options.model ?? [2, 16, 16, task.outputs];
  const { train } = splitData(dataset, options.seed);
  buildModel(sizes, task, options.seed); // refuses a model that does not fit the data, before any work
  const found = asUsage(() =>
    lrFind(
      () => {
        const model = buildModel(sizes, task, options.seed);
        const optimizer = optimizers[options.optimizer].make(model.namedParameters(), 1);
        return { model, data: train, loss: task.loss, optimizer, batchSize: options.batchSize };
      },
      { start: options.start, end: options.end, steps: options.steps, seed: options.seed },
    ),
  );
  // Written before the report, so that --json writes it too.
  if (options.svg !== undefined) {
    const written = await writeOutputs('--svg', [[options.svg, lrFindSvg(found)]], context.io.onInterrupt);
    if (written !== ExitCode.Ok) return written;
  }
  if (options.json === true) {
    out(JSON.stringify(found));
    return ExitCode.Ok;
  }
  out(style.bold(`etagrad lr-find: MLP ${formatSizes(sizes)} on ${options.dataset}, ${options.optimizer}, batch size ${options.batchSize}`));
  out(`  ${found.lrs.length} updates, rate ${formatNumber(options.start)} to ${formatNumber(options.end)}${found.divergedAt === null ? '' : `; the loss diverged at update ${found.divergedAt}`}`);
  out();
  out(lrFindChart(found, { width: 64, height: 14 }));
  out();
  const { suggestions } = found;
  if (suggestions === null) {
    out(style.red('  the loss diverged too soon to suggest a rate: try a smaller --start or more --steps'));
  } else {
    out(`  valley        ${formatNumber(suggestions.valley)}   (fastai's default: try this first)`);
    out(`  steepest      ${formatNumber(suggestions.steepest)}`);
    out(`  minimum / 10  ${formatNumber(suggestions.minimumDiv10)}`);
    out();
    out(`  next: etagrad train --dataset ${options.dataset} --optimizer ${options.optimizer} --batch-size ${options.batchSize} --lr ${formatNumber(suggestions.valley)}`);
    const rates = [...new Set([suggestions.minimumDiv10, suggestions.valley, suggestions.steepest].map(formatNumber))];
    const sorted = rates.sort((a, b) => Number(a) - Number(b));
    out(`        etagrad compare --dataset ${options.dataset} --optimizer ${options.optimizer} --lr ${sorted.join(',')}`);
  }
  if (options.svg !== undefined) out(style.dim(`wrote ${options.svg}`));
  return ExitCode.Ok;
}
