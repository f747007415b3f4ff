import { Command, InvalidArgumentError, Option } from 'commander';
import type { Optimizer } from '@etagrad/optim';
import { format, isSchedule, type Schedule } from '@etagrad/sched';
import { compareCharts, compareRuns, compareTable, type CompareRun } from '@etagrad/tune';
import type { Value } from '@etagrad/autograd';
import { layerSizes, learningRate, nonNegativeInteger, plainNumber, positiveInteger } from './args.js';
import { asUsage, ExitCode, println, UsageError, type Context } from './command.js';
import { checkOutput, svgBeside, writeOutputs } from './output-path.js';
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

/** Options of `etagrad compare`, as commander parses them. */
export interface CompareOptions {
  readonly dataset: DatasetName;
  readonly model?: readonly number[];
  readonly optimizer: readonly OptimizerName[];
  readonly lr?: readonly (number | Schedule)[];
  readonly momentum?: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly svg?: string;
  readonly json?: boolean;
}

const DEFAULTS = { dataset: 'moons', optimizer: ['sgd'], epochs: 20, batchSize: 16, seed: 1 } as const;

/** The optimizers that take `--momentum`, built with it. */
/**
 * A list of values each parsed by `parse`: separated by commas, or by semicolons when the text
 * holds a schedule expression (which has commas of its own) or a semicolon.
 */
function listOf<T>(parse: (text: string) => T) {
  return (text: string): T[] => {
    const items = text.includes('(') || text.includes(';') ? text.split(';') : text.split(',');
    if (items.some((item) => item.trim() === '')) throw new InvalidArgumentError('Expected a list without empty items.');
    return items.map((item) => parse(item.trim()));
  };
}

const optimizerName = (text: string): OptimizerName => {
  if (!(optimizerNames as readonly string[]).includes(text)) {
    throw new InvalidArgumentError(`Expected one of ${optimizerNames.join(', ')}, got '${text}'.`);
  }
  return text as OptimizerName;
};

const momentumValue = (text: string): number => {
  const n = plainNumber(text);
  if (!Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError(`Expected momenta in [0, 1), got '${text}'.`);
  return n;
};

/** `etagrad compare`: trains the same model several times, changing one thing, and shows them side by side. */
export function compareCommand(context: Context): Command {
  return new Command('compare')
    .summary('train the same model with several rates, optimizers or momenta, side by side')
    .description(
      'Train the same MLP from the same initial weights, on the same data and batch order, once per ' +
        'combination of --optimizer, --lr and --momentum; show a table (final and best loss, held-out ' +
        'accuracy, where it diverged), the loss curves (log scale) and the learning rates.',
    )
    .addOption(new Option('--dataset <name>', 'the data set').choices(datasetNames).default(DEFAULTS.dataset))
    .addOption(new Option('--model <sizes>', 'layer sizes, input to output (default 2-16-16-1, or 2-16-16-3 for spirals)').argParser(layerSizes))
    .addOption(new Option('--optimizer <names>', 'optimizers, comma-separated').argParser(listOf(optimizerName)).default(DEFAULTS.optimizer))
    .addOption(
      new Option('--lr <rates>', "rates, comma-separated, or schedule expressions separated by ';' (default: each optimizer's)").argParser(
        listOf(learningRate),
      ),
    )
    .addOption(new Option('--momentum <values>', 'momenta in [0, 1), comma-separated (sgd and rmsprop)').argParser(listOf(momentumValue)))
    .addOption(new Option('--epochs <n>', 'passes over the training set').argParser(positiveInteger).default(DEFAULTS.epochs))
    .addOption(new Option('--batch-size <n>', 'samples per update').argParser(positiveInteger).default(DEFAULTS.batchSize))
    .addOption(new Option('--seed <n>', 'seed of the data, the weights and the shuffling').argParser(nonNegativeInteger).default(DEFAULTS.seed))
    .addOption(new Option('--svg <file>', 'also write the loss chart to this SVG file, and the rate chart next to it (-lr.svg)'))
    .addOption(new Option('--json', 'print only the records, as JSON (for scripts)'))
    .addHelpText(
      'after',
      `
Examples:
  $ etagrad compare --lr 0.01,0.1,1
  $ etagrad compare --optimizer sgd,adam,rmsprop
  $ etagrad compare --momentum 0,0.9,0.99 --lr 0.05
  $ etagrad compare --lr "constant(0.1); cosine({ initial: 0.1, steps: 200 })"`,
    )
    .action(async (options: CompareOptions) => {
      context.exitCode = await runCompare(context, options);
    });
}

/** One run per combination of the lists, named by what varies. */
function runsFor(options: CompareOptions): CompareRun[] {
  const momenta = options.momentum ?? [null];
  if (options.momentum !== undefined) {
    const without = options.optimizer.find((name) => !optimizers[name].takesMomentum);
    if (without !== undefined) throw new UsageError(`--momentum applies to sgd and rmsprop, got --optimizer ${without}`);
  }
  const varies = { optimizer: options.optimizer.length > 1, lr: (options.lr?.length ?? 1) > 1, momentum: momenta.length > 1 };
  const runs: CompareRun[] = [];
  for (const name of options.optimizer) {
    for (const lr of options.lr ?? [optimizers[name].defaultLr]) {
      for (const momentum of momenta) {
        const parts = [
          ...(varies.optimizer || (!varies.lr && !varies.momentum) ? [name] : []),
          ...(varies.lr ? [`lr ${isSchedule(lr) ? format(lr) : lr}`] : []),
          ...(varies.momentum ? [`momentum ${momentum}`] : []),
        ];
        const make = (params: [string, Value][]): Optimizer =>
          optimizers[name].make(params, lr, momentum ?? undefined);
        runs.push({ name: parts.join(' '), optimizer: (params) => asUsage(() => make(params)) });
      }
    }
  }
  return runs;
}

/** Runs the comparison and reports it; returns the exit code. */
export async function runCompare(context: Context, options: CompareOptions): Promise<ExitCode> {
  const { io, style } = context;
  const out = (text = ''): void => println(io.stdout, text);
  // Both charts' files, before any run: the rate chart's found bad at the end would lose the work.
  const files = options.svg === undefined ? null : { loss: options.svg, lr: svgBeside(options.svg, 'lr') };
  if (files !== null) for (const file of [files.loss, files.lr]) checkOutput('--svg', file);
  const dataset = datasets[options.dataset];
  const task = taskFor(dataset.classes);
  const sizes = options.model ?? [2, 16, 16, task.outputs];
  buildModel(sizes, task, options.seed); // refuses a model that does not fit the data before any run
  const data = splitData(dataset, options.seed);
  const runs = runsFor(options);
  if (new Set(runs.map((run) => run.name)).size !== runs.length) throw new UsageError('the lists must not repeat a value');
  const records = compareRuns(runs, {
    model: () => buildModel(sizes, task, options.seed),
    data: data.train,
    validation: data.validation,
    loss: task.loss,
    metrics: { accuracy: task.metric },
    epochs: options.epochs,
    batchSize: options.batchSize,
    seed: options.seed,
  });
  // Written before the report, so that --json writes them too.
  if (files !== null) {
    const svg = compareCharts(records, { svg: true });
    const written = await writeOutputs('--svg', [[files.loss, svg.loss], [files.lr, svg.lr]], io.onInterrupt);
    if (written !== ExitCode.Ok) return written;
  }
  if (options.json === true) {
    out(JSON.stringify(records));
    return ExitCode.Ok;
  }
  out(style.bold(`etagrad compare: MLP ${formatSizes(sizes)} on ${options.dataset}, ${runs.length} runs`));
  out(`  ${options.epochs} epochs, batch size ${options.batchSize}, seed ${options.seed}; the same initial weights and batch order in every run`);
  out();
  out(compareTable(records));
  out();
  const charts = compareCharts(records, { width: 64, height: 12 });
  out(charts.loss);
  out();
  out(charts.lr);
  if (files !== null) out(style.dim(`wrote ${files.loss} and ${files.lr}`));
  return ExitCode.Ok;
}
