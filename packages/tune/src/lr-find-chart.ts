import { lineChart, lineChartSvg, type Series } from '@etagrad/sched';
import { formatNumber } from '@etagrad/train';
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
  return lineChartSvg(lrFindSeries(result), { ...labels, width: options.width, height: options.height });
}
