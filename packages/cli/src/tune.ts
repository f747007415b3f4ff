import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { searchCharts, searchCsv, searchTable, type CommonSearchOptions, type SearchResult } from '@etagrad/tune';
import { gridSearch, randomSearch, successiveHalving, type NodeSearchOptions } from '@etagrad/tune/node';
import { positiveInteger } from './args.js';
import { ExitCode, println, UsageError, type Context } from './command.js';
import { interruptible, type Interruption } from './interrupt.js';
import { checkDistinct, checkOutput, svgBeside, writeOutput } from './output-path.js';
import { readSearchFile, type SearchFile } from './search-file.js';
import { trialProgress } from './trial-progress.js';
import { usageOnRefusal } from './worker.js';

/** Options of `etagrad tune`, as commander parses them. */
export interface TuneOptions {
  readonly workers?: number;
  readonly redis?: string;
  readonly queue?: string;
  readonly out?: string;
  readonly csv?: string;
  readonly svg?: string;
  readonly json?: boolean;
}

/** `etagrad tune <search.json>`: runs a hyperparameter search from a file. */
export function tuneCommand(context: Context): Command {
  return new Command('tune')
    .summary('run a hyperparameter search from a JSON file, on worker threads or BullMQ workers')
    .description(
      'Run the grid, random or successive-halving search a JSON file describes, on worker threads ' +
        '(or on `etagrad worker` processes through Redis with --redis), with a progress bar across ' +
        'trials; print the trials best first and a chart of the score against each hyperparameter.',
    )
    .argument('<search.json>', 'the search file (see examples/search.json)')
    .addOption(new Option('--workers <n>', 'worker threads (default: the number of cores)').argParser(positiveInteger))
    .addOption(new Option('--redis <url>', 'run the trials on BullMQ workers (etagrad worker) through this Redis'))
    .addOption(new Option('--queue <name>', 'the BullMQ queue (default etagrad-tune)'))
    .addOption(new Option('--out <file>', 'the journal: one JSON line per finished trial; rerun with the same --out to resume'))
    .addOption(new Option('--csv <file>', 'also write the trials as CSV'))
    .addOption(new Option('--svg <file>', 'also write each chart as SVG: <file>-<hyperparameter>.svg'))
    .addOption(new Option('--json', 'print only the result { trials, best }, as JSON'))
    .addHelpText(
      'after',
      `
A search file:
  { "method": "random", "trials": 16, "seed": 1, "direction": "min",
    "space": { "lr": { "logUniform": [1e-4, 1] }, "batchSize": { "choice": [8, 32] } },
    "objective": { "fit": { "dataset": "moons", "model": "2-16-16-1", "optimizer": "sgd", "epochs": 20 } } }
method: grid (lists of values), random or successiveHalving (minBudget, maxBudget, eta).
objective: { "fit": ... } (scores the held-out loss; trains compiled unless "compile": false) or
a path to an ES module, relative to the file, whose default export is (config, budget) => score.

Examples:
  $ etagrad tune examples/search.json --out search.jsonl
  $ etagrad tune examples/search.json --redis redis://127.0.0.1:6379   (with etagrad worker running)`,
    )
    .action(async (path: string, options: TuneOptions) => {
      context.exitCode = await runTune(context, path, options);
    });
}

/**
 * Runs the search a file describes and reports it; returns the exit code. A SIGINT or SIGTERM
 * (through `Io.onInterrupt`) stops it gracefully: no new trial starts, the journal keeps every
 * finished one, the finished trials are reported, and the exit code is 130 or 143.
 */
export function runTune(context: Context, path: string, options: TuneOptions): Promise<ExitCode> {
  return interruptible(context.io.onInterrupt, (interruption) => tune(context, path, options, interruption));
}

async function tune(context: Context, path: string, options: TuneOptions, interruption: Interruption): Promise<ExitCode> {
  const { io, style } = context;
  const out = (text = ''): void => println(io.stdout, text);
  for (const [flag, file] of [['--out', options.out], ['--csv', options.csv]] as const) if (file !== undefined) checkOutput(flag, file);
  if (options.redis !== undefined && options.workers !== undefined) throw new UsageError('--workers is for worker threads: with --redis, start as many etagrad worker processes as you like');
  if (options.queue !== undefined && options.redis === undefined) throw new UsageError('--queue needs --redis');
  const search = readSearchFile(path);
  // Every file written is checked before the search: one found bad at the end would lose its results.
  const { svg } = options;
  const svgs = svg === undefined ? [] : Object.keys(search.space).map((name) => ['--svg', svgBeside(svg, name)] as const);
  for (const [flag, file] of svgs) checkOutput(flag, file);
  checkDistinct([['the search file', path], ['--out', options.out], ['--csv', options.csv], ...svgs]);
  const json = options.json === true;
  // The header waits for the first trial: a search that tune refuses writes nothing to stdout.
  let header = json;
  const writeHeader = () => {
    if (header) return;
    header = true;
    const where = options.redis === undefined ? `${options.workers ?? availableParallelism()} worker threads` : `BullMQ workers through ${options.redis}`;
    out(style.bold(`etagrad tune: ${search.method} search from ${path}, on ${where}`));
    if (options.out !== undefined) out(style.dim(`  journal ${options.out}: rerun with the same --out to resume`));
  };
  const progress = trialProgress(io.stderr);
  const result = await runSearchFile(search, {
    ...(options.out === undefined ? {} : { journal: options.out }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.redis === undefined ? {} : { executor: { kind: 'bullmq', connection: options.redis, ...(options.queue === undefined ? {} : { queue: options.queue }) } }),
    signal: interruption.signal,
    onProgress: (p) => {
      writeHeader();
      progress.update(p);
    },
  });
  progress.end();
  writeHeader();
  if (options.csv !== undefined) writeOutput('--csv', options.csv, searchCsv(result));
  // Written before the report, so that --json writes them too.
  const written =
    svg === undefined ? [] : Object.entries(searchCharts(result, search.space, { svg: true })).map(([name, chart]) => [svgBeside(svg, name), chart] as const);
  for (const [file, chart] of written) writeOutput('--svg', file, chart);
  if (json) {
    out(JSON.stringify(result));
    return ExitCode.Ok;
  }
  const direction = search.options['direction'] === 'max' ? 'max' : 'min';
  const stopped = interruption.received();
  if (result.stopped === true && stopped !== null) {
    const kept = options.out === undefined ? '' : `; the journal ${options.out} keeps them: rerun with the same --out to resume`;
    out(style.yellow(`stopped by ${stopped}: ${result.trials.length} trials finished${kept}`));
  }
  out();
  out(searchTable(result, direction));
  out();
  out(result.best === null ? style.red('no trial finished ok') : style.green(`best: trial ${result.best.index} ${JSON.stringify(result.best.config)} score ${result.best.score}`));
  for (const chart of Object.values(searchCharts(result, search.space))) {
    out();
    out(chart);
  }
  for (const [file] of written) out(style.dim(`wrote ${file}`));
  return ExitCode.Ok;
}

/** Runs the search with tune's Node entry; its refusals (a bad space, a journal of another search) are bad input. */
async function runSearchFile(search: SearchFile, extra: NodeSearchOptions & Pick<CommonSearchOptions, 'onProgress' | 'signal'>): Promise<SearchResult> {
  const options = { ...search.options, ...extra } as Parameters<typeof successiveHalving>[2];
  const objective = search.objective as Parameters<typeof randomSearch>[1];
  if (search.method === 'grid') return usageOnRefusal(gridSearch(search.space, objective, options));
  if (search.method === 'random') return usageOnRefusal(randomSearch(search.space, objective, options));
  return usageOnRefusal(successiveHalving(search.space, objective, options));
}
