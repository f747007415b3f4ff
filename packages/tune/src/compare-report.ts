import { lineChart, lineChartSvg, type ChartOptions, type Series } from '@etagrad/sched';
import { formatNumber } from '@etagrad/train';
import { checkBoolean, checkObject, checkOptions, checkString } from '@etagrad/check';
import { checkChartSize, checkRecordList } from './check-results.js';
import type { RunRecord } from './compare-runs.js';
import { textTable } from './text-table.js';

/** Options of {@link compareCharts}. */
export interface CompareChartOptions {
  /** SVG documents instead of terminal text (default false). */
  readonly svg?: boolean;
  /** Plot width: characters (default 72) or pixels (default 640). */
  readonly width?: number;
  /** Plot height: rows (default 16) or pixels (default 320). */
  readonly height?: number;
}

/** Checks run records as the reports read them: a name, `history.steps`, and `final.metrics`. */
function checkRunRecords(owner: string, records: unknown): void {
  checkRecordList(owner, 'records', records, 'run records (what compareRuns returns)').forEach((record, i) => {
    checkString(owner, `records[${i}].name`, record['name']);
    const steps = checkObject(owner, `records[${i}].history`, record['history'])['steps'];
    checkRecordList(owner, `records[${i}].history.steps`, steps, 'steps');
    checkObject(owner, `records[${i}].final.metrics`, checkObject(owner, `records[${i}].final`, record['final'])['metrics']);
  });
}

/**
 * Two charts of a comparison, one line per run: the training loss of every update on a log-y
 * axis (a diverged run's line ends where it diverged), and the learning rate of every update.
 *
 * @param records What `compareRuns` returned.
 * @param options `svg`, `width`, `height`.
 * @example
 * const { loss, lr } = compareCharts(compareRuns(runs, common));
 * console.log(loss);
 */
export function compareCharts(records: readonly RunRecord[], options: CompareChartOptions = {}): { loss: string; lr: string } {
  checkRunRecords('compareCharts', records);
  const given = checkOptions('compareCharts', options, ['svg', 'width', 'height']);
  if (given['svg'] !== undefined) checkBoolean('compareCharts', 'svg', given['svg']);
  checkChartSize('compareCharts', given);
  const draw = (series: Series[], chart: ChartOptions) =>
    (options.svg === true ? lineChartSvg : lineChart)(series, { ...chart, width: options.width, height: options.height });
  const seriesOf = (field: 'loss' | 'lr'): Series[] =>
    records.map(({ name, history }) => ({ name, values: history.steps.map((s) => s[field]), xs: history.steps.map((s) => s.step) }));
  return {
    loss: draw(seriesOf('loss'), { title: 'training loss', xLabel: 'step', yLabel: 'loss (log scale)', logY: true }),
    lr: draw(seriesOf('lr'), { title: 'learning rate', xLabel: 'step', yLabel: 'lr' }),
  };
}

/**
 * A text table of a comparison, one row per run: final training loss, final held-out loss, best
 * loss and its epoch (from 1), each final held-out (or training) metric, and where it diverged.
 *
 * @param records What `compareRuns` returned.
 * @example
 * console.log(compareTable(compareRuns(runs, common)));
 * // run       final loss  val loss  best loss  accuracy  diverged
 * // sgd 0.1   0.2113      0.2301    0.2301 @8  0.9       -
 */
export function compareTable(records: readonly RunRecord[]): string {
  checkRunRecords('compareTable', records);
  const metricNames = [...new Set(records.flatMap((r) => Object.keys(r.final.metrics)))];
  const number = (x: number | null | undefined) => (x === null || x === undefined ? '-' : formatNumber(x));
  const rows = records.map((r) => [
    r.name,
    number(r.final.loss),
    number(r.final.valLoss),
    r.best === null ? '-' : `${formatNumber(r.best.loss)} @${r.best.epoch + 1}`,
    ...metricNames.map((m) => number(r.final.metrics[m])),
    r.diverged === null ? '-' : `at step ${r.diverged.step}`,
  ]);
  return textTable(['run', 'final loss', 'val loss', 'best loss', ...metricNames, 'diverged'], rows);
}
