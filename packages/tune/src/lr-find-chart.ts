import { lineChart, lineChartSvg, type Series } from '@etagrad/sched';
import { formatNumber } from '@etagrad/train';
import { checkObject, checkOptions, show } from '@etagrad/check';
import { checkChartSize, checkNumberList } from './check-results.js';
import type { LrFindResult } from './lr-find.js';

/** Size of an lr-find chart: characters for the terminal chart, pixels for the SVG. */
export interface LrFindChartOptions {
  /** Plot width (default 72 characters, or 640 pixels). */
  readonly width?: number;
  /** Plot height (default 16 rows, or 320 pixels). */
  readonly height?: number;
}

/**
 * The curve and the suggestions as chart series: the smoothed loss against the rate, and one
 * single-point series per suggestion (named with its rate), placed on the recorded point whose
 * rate is nearest on the log scale.
 */
function lrFindSeries(result: LrFindResult): Series[] {
  const series: Series[] = [{ name: 'smoothed loss', values: result.losses, xs: result.lrs }];
  for (const [name, lr] of Object.entries(result.suggestions ?? {})) {
    let nearest = 0;
    result.lrs.forEach((recorded, i) => {
      const distance = (r: number) => Math.abs(Math.log(r) - Math.log(lr));
      if (distance(recorded) < distance(result.lrs[nearest] ?? recorded)) nearest = i;
    });
    series.push({ name: `${name} ${formatNumber(lr)}`, values: [result.losses[nearest] ?? Number.NaN], xs: [lr] });
  }
  return series;
}

/** Checks what `lrFind` returned (its lrs, losses and suggestions) and the chart's options. */
function checkLrFindChart(owner: string, result: unknown, options: unknown): void {
  const given = checkObject(owner, 'result', result);
  const lrs = checkNumberList(owner, 'result.lrs', given['lrs']);
  const losses = checkNumberList(owner, 'result.losses', given['losses']);
  if (losses.length !== lrs.length) throw new RangeError(`${owner}: result.losses must hold one loss per rate (${lrs.length}), got ${losses.length}`);
  const suggestions = given['suggestions'];
  if (suggestions !== null && suggestions !== undefined) {
    for (const [name, lr] of Object.entries(checkObject(owner, 'result.suggestions', suggestions))) {
      if (typeof lr !== 'number' || !(lr > 0)) throw new RangeError(`${owner}: result.suggestions.${name} must be a rate > 0, got ${show(lr)}`);
    }
  }
  checkChartSize(owner, checkOptions(owner, options, ['width', 'height']));
}

const labels = { title: 'learning-rate range test', xLabel: 'learning rate (log scale)', yLabel: 'smoothed loss', logX: true };

/**
 * The range test as a terminal chart: smoothed loss against learning rate on a log-x axis, each
 * suggestion marked with its own glyph and named with its rate in the legend. Returns the text.
 *
 * @param result What `lrFind` returned.
 * @param options `width` and `height` of the plot area in characters.
 * @example
 * console.log(lrFindChart(lrFind(makeTrial)));
 */
export function lrFindChart(result: LrFindResult, options: LrFindChartOptions = {}): string {
  checkLrFindChart('lrFindChart', result, options);
  return lineChart(lrFindSeries(result), { ...labels, width: options.width, height: options.height });
}

/**
 * The same chart as {@link lrFindChart}, as a standalone SVG document. Returns the text.
 *
 * @param result What `lrFind` returned.
 * @param options `width` and `height` of the plot area in pixels.
 * @example
 * writeFileSync('lr-find.svg', lrFindSvg(lrFind(makeTrial)));
 */
export function lrFindSvg(result: LrFindResult, options: LrFindChartOptions = {}): string {
  checkLrFindChart('lrFindSvg', result, options);
  return lineChartSvg(lrFindSeries(result), { ...labels, width: options.width, height: options.height });
}
