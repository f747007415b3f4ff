import { lineChart, lineChartSvg, type ChartOptions, type Series } from '@etagrad/sched';
import type { History } from '@etagrad/train';
import type { Output } from './io.js';

/** Columns assumed when the output is not a terminal (a pipe, a file, a test). */
export const DEFAULT_COLUMNS = 80;
/** The narrowest chart drawn, however narrow the terminal. */
export const MIN_COLUMNS = 40;
/** Rows of the loss chart's plot area, and of the learning rate's under it. */
const LOSS_ROWS = 12;
const LR_ROWS = 5;

/**
 * The columns a chart may use on `out`: the terminal's width (`columns`, as Node's TTY streams
 * have it), 80 when it is not a terminal, and never fewer than 40.
 *
 * @param out - where the chart goes
 */
export function chartColumns(out: Output): number {
  const columns = out.isTTY === true && typeof out.columns === 'number' && out.columns > 0 ? out.columns : DEFAULT_COLUMNS;
  return Math.max(MIN_COLUMNS, Math.floor(columns));
}

/** The two charts' series and options: the loss by epoch on a log axis, the learning rate by update. */
function charts(history: History): { loss: [Series[], ChartOptions]; lr: [Series[], ChartOptions] } {
  const epochs = history.epochs.map((record) => record.epoch + 1);
  const loss: Series[] = [{ name: 'train (epoch mean)', values: history.epochs.map((record) => record.loss), xs: epochs }];
  if (history.epochs.some((record) => record.valLoss !== null)) {
    loss.push({ name: 'held out', values: history.epochs.map((record) => record.valLoss ?? Number.NaN), xs: epochs });
  }
  const lr: Series[] = [{ name: 'learning rate', values: history.steps.map((r) => r.lr), xs: history.steps.map((r) => r.step) }];
  return {
    loss: [loss, { title: 'loss (log scale)', xLabel: 'epoch', yLabel: 'loss', logY: true }],
    lr: [lr, { title: 'learning rate', xLabel: 'update' }],
  };
}

/**
 * The training chart for a terminal `columns` wide: the mean training loss of each epoch and the
 * held-out loss on a log axis (the per-update loss would flatten everything after a long run),
 * and the learning rate of every update below it. Every line fits in `columns`.
 *
 * @param history - the run's history, as `fit` returns it
 * @param columns - the width to fit, from {@link chartColumns}
 */
export function trainingChart(history: History, columns: number): string {
  const { loss, lr } = charts(history);
  return [fitted(loss, LOSS_ROWS, columns), fitted(lr, LR_ROWS, columns)].join('\n');
}

/** A text chart whose widest line is at most `columns`: drawn, then narrowed by what it overran. */
function fitted([series, options]: [Series[], ChartOptions], height: number, columns: number): string {
  // the y labels take a few columns left of the plot area; a first guess, corrected once
  let width = columns - 10;
  let chart = lineChart(series, { ...options, width, height });
  const over = Math.max(...chart.split('\n').map((line) => line.length)) - columns;
  if (over > 0) {
    width = Math.max(8, width - over);
    chart = lineChart(series, { ...options, width, height });
  }
  return chart;
}

/**
 * The training chart as one standalone SVG document: the loss chart above, the learning rate's
 * below (sched's `lineChartSvg`, stacked).
 *
 * @param history - the run's history, as `fit` returns it
 */
export function trainingChartSvg(history: History): string {
  const { loss, lr } = charts(history);
  return stackSvg([lineChartSvg(loss[0], loss[1]), lineChartSvg(lr[0], { ...lr[1], height: 160 })]);
}

/** SVG documents one above the other in one document, each kept whole as a nested `<svg>`. */
function stackSvg(documents: readonly string[]): string {
  let width = 0;
  let height = 0;
  const parts = documents.map((document) => {
    const body = document.replace(/^<\?xml[^?]*\?>\s*/, '');
    const size = /^<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(body);
    const [w, h] = [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)];
    const placed = body.replace(/^<svg/, `<svg y="${height}"`);
    width = Math.max(width, w);
    height += h;
    return placed.trimEnd();
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
