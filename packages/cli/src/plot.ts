import { Argument, Command, Option } from 'commander';
import { plot, toSvg, type Schedule } from '@etagrad/sched';
import { integerFromTo, positiveInteger, scheduleExpression } from './args.js';
import { asUsage, ExitCode, println, type Context } from './command.js';
import { interruptible } from './interrupt.js';
import { checkOutput, writeOutput } from './output-path.js';
import { scheduleLength } from './schedule-length.js';

/** Steps shown when no schedule names its own length and `--steps` is not given. */
const DEFAULT_STEPS = 100;
/** The largest chart: wider or taller than any terminal shows, and quick to draw. */
export const MAX_WIDTH = 1000;
export const MAX_HEIGHT = 200;
/** The smallest chart sched's `lineChart` draws (test/plot-size.test.ts holds them equal). */
export const MIN_WIDTH = 8;
export const MIN_HEIGHT = 3;
/** `--svg -`: the SVG goes to stdout instead of a file. */
const STDOUT = '-';

/** Options of `etagrad plot`, as commander parses them. */
export interface PlotOptions {
  readonly steps?: number;
  readonly width: number;
  readonly height: number;
  readonly svg?: string;
}

/**
 * `etagrad plot "<expr>" ["<expr>" ...]`: draws one or more learning-rate schedules as a terminal
 * chart (sched's `plot`), and with `--svg file` also writes a standalone SVG (sched's `toSvg`),
 * atomically; `--svg -` writes only the SVG, to stdout.
 */
export function plotCommand(context: Context): Command {
  return new Command('plot')
    .summary('draw learning-rate schedules in the terminal or as SVG')
    .description(
      'Draw one or more learning-rate schedules, written in the same call syntax as the ' +
        '@etagrad/sched functions. Several schedules share one chart, with a legend.',
    )
    .addArgument(
      new Argument('<expr...>', 'schedule expressions, e.g. "cosine({ initial: 0.1, steps: 100 })"').argParser(
        (text: string, previous: Schedule[] | undefined) => [...(previous ?? []), scheduleExpression(text)],
      ),
    )
    .addOption(
      new Option('--steps <n>', "steps to draw (default: the schedules' own length, or 100)").argParser(
        positiveInteger,
      ),
    )
    .addOption(new Option('--width <n>', `chart width in columns (${MIN_WIDTH} to ${MAX_WIDTH})`).argParser(integerFromTo(MIN_WIDTH, MAX_WIDTH)).default(72))
    .addOption(new Option('--height <n>', `chart height in rows (${MIN_HEIGHT} to ${MAX_HEIGHT})`).argParser(integerFromTo(MIN_HEIGHT, MAX_HEIGHT)).default(16))
    .addOption(new Option('--svg <file>', "also write the chart as a standalone SVG file; '-' writes only the SVG, to stdout"))
    .addHelpText(
      'after',
      `
Examples:
  $ etagrad plot "cosine({ initial: 0.1, steps: 100 })"
  $ etagrad plot "warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })" --svg lr.svg
  $ etagrad plot "cosine({ initial: 0.1, steps: 100 })" --svg - > lr.svg
  $ etagrad plot "stepDecay({ initial: 0.1, every: 20 })" "exponential({ initial: 0.1, rate: 0.97 })" --steps 100
  $ etagrad plot "cyclic({ min: 0.001, max: 0.1, stepSize: 25, shape: 'cosine' })"`,
    )
    .action(async (schedules: Schedule[], options: PlotOptions) => {
      // A signal during the SVG's write waits for it to finish (no temporary file is left).
      context.exitCode = await interruptible(context.io.onInterrupt, () => {
        runPlot(context, schedules, options);
        return ExitCode.Ok;
      });
    });
}

/** Draws `schedules` to stdout and, with `--svg`, to a file (or, with `--svg -`, only the SVG to stdout). */
export function runPlot(context: Context, schedules: readonly Schedule[], options: PlotOptions): void {
  const { svg } = options;
  // Before any work: a path that cannot be written is bad input, found before the chart is drawn.
  if (svg !== undefined && svg !== STDOUT) checkOutput('--svg', svg);
  const steps = options.steps ?? defaultSteps(schedules);
  const target = schedules.length === 1 && schedules[0] !== undefined ? schedules[0] : schedules;
  if (svg === STDOUT) {
    println(context.io.stdout, asUsage(() => toSvg(target, { steps })));
    return;
  }
  const chart = asUsage(() => plot(target, { steps, width: options.width, height: options.height }));
  println(context.io.stdout, chart);
  if (svg !== undefined) {
    writeOutput('--svg', svg, asUsage(() => toSvg(target, { steps })));
    const what = schedules.length === 1 ? '1 schedule' : `${schedules.length} schedules`;
    println(context.io.stdout, context.style.dim(`wrote ${svg} (${what}, ${steps} steps)`));
  }
}

function defaultSteps(schedules: readonly Schedule[]): number {
  const lengths = schedules.map(scheduleLength).filter((n): n is number => n !== undefined);
  return lengths.length === 0 ? DEFAULT_STEPS : Math.ceil(Math.max(...lengths));
}
