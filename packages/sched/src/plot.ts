import { checkArray, checkOptions, checkSchedule, positiveInteger } from './check.js';
import type { ChartOptions, Series } from './chart-data.js';
import { describe } from './format.js';
import { lineChartSvg } from './line-chart-svg.js';
import { lineChart } from './line-chart.js';
import type { Schedule } from './types.js';

/** Options of {@link plot} and {@link toSvg}. */
export interface PlotOptions {
  /** The last step drawn (a positive integer): the x axis runs from 0 to `steps`. */
  readonly steps: number;
  /** The plot area's width: characters for `plot` (default 72), pixels for `toSvg` (default 640). */
  readonly width?: number | undefined;
  /** The plot area's height: rows for `plot` (default 16), pixels for `toSvg` (default 320). */
  readonly height?: number | undefined;
  /** A logarithmic y axis. Default false. */
  readonly logY?: boolean | undefined;
  /** The chart's title. Default: the expression for one schedule, none for several. */
  readonly title?: string | undefined;
}

// Enough points that every step is drawn for any usual length; longer runs are sampled evenly.
const maxPoints = 20_000;

/** The schedules as chart series (named by their expressions) and the chart options. */
function schedulesChart(owner: string, schedules: Schedule | readonly Schedule[], options: PlotOptions) {
  const list = Array.isArray(schedules)
    ? checkArray(owner, 'schedules', schedules).map((s, i) => checkSchedule(owner, `schedules[${i}]`, s))
    : [checkSchedule(owner, 'schedule', schedules)];
  if (list.length === 0) throw new RangeError(`${owner}: schedules must not be empty, got 0 schedules`);
  checkOptions(owner, options, ['steps', 'width', 'height', 'logY', 'title']);
  const steps = positiveInteger(owner, 'steps', options.steps);
  const count = Math.min(steps, maxPoints);
  const xs = Float64Array.from({ length: count + 1 }, (_, i) => Math.round((i * steps) / count));
  const series: Series[] = list.map((s) => ({ name: describe(s), values: xs.map((t) => s(t)), xs }));
  const only = list.length === 1 ? series[0] : undefined;
  const chart: ChartOptions = {
    width: options.width,
    height: options.height,
    title: options.title ?? only?.name,
    xLabel: 'step',
    yLabel: 'learning rate',
    logY: options.logY,
  };
  return { series, chart };
}

/**
 * A terminal chart of one schedule, or several in one chart with a legend: step 0 to `steps` on
 * the x axis, the learning rate on the y axis, the expression (`format`) as the title. Returns
 * the text; see {@link lineChart} for the layout.
 *
 * @param schedules - one schedule, or several to draw in one chart
 * @param options - `steps`, and optionally `width`, `height`, `logY`, `title`
 * @example
 * console.log(plot(warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 }), { steps: 1000 }));
 * const decays = [stepDecay({ initial: 0.1, every: 20 }), exponential({ initial: 0.1, rate: 0.97 })];
 * console.log(plot(decays, { steps: 100 }));
 */
export function plot(schedules: Schedule | readonly Schedule[], options: PlotOptions): string {
  const { series, chart } = schedulesChart('plot', schedules, options);
  return lineChart(series, chart);
}

/**
 * The same chart as {@link plot} as a standalone SVG document (see {@link lineChartSvg}).
 *
 * @param schedules - one schedule, or several to draw in one chart
 * @param options - `steps`, and optionally `width`, `height` (pixels), `logY`, `title`
 * @example
 * writeFileSync('lr.svg', toSvg(cyclic({ min: 0.001, max: 0.1, stepSize: 25 }), { steps: 200 }));
 */
export function toSvg(schedules: Schedule | readonly Schedule[], options: PlotOptions): string {
  const { series, chart } = schedulesChart('toSvg', schedules, options);
  return lineChartSvg(series, chart);
}
