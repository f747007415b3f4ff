import {
  chartData,
  checkChartOptions,
  checkSize,
  tickLabel,
  xTicks,
  yTicks,
  type ChartData,
  type ChartOptions,
  type Series,
} from './chart-data.js';

/** The mark of each series, in order (then they repeat). */
const glyphs = ['*', 'o', '+', 'x', '#', '@', '%', '&'] as const;
const glyphOf = (i: number): string => glyphs[i % glyphs.length] ?? '*';

/** Where a value lands on a `width` x `height` character grid (fractional columns and rows). */
interface Frame {
  readonly width: number;
  readonly height: number;
  column(x: number): number;
  row(y: number): number;
}

function frameOf(data: ChartData, width: number, height: number): Frame {
  return {
    width,
    height,
    column: (x) => ((x - data.x.min) / (data.x.max - data.x.min)) * (width - 1),
    row: (y) => ((data.y.max - y) / (data.y.max - data.y.min)) * (height - 1),
  };
}

/** The plot area: every series drawn as connected segments, later series over earlier ones. */
function drawSeries(data: ChartData, frame: Frame): string[][] {
  const grid = Array.from({ length: frame.height }, () => Array.from({ length: frame.width }, () => ' '));

  // Marks the rows that the span [r0, r1] overlaps in column c (the nearest row for a point).
  const mark = (c: number, r0: number, r1: number, glyph: string): void => {
    const low = Math.min(r0, r1);
    const high = Math.max(r0, r1);
    let first = Math.floor(low - 0.5) + 1;
    let last = Math.ceil(high + 0.5) - 1;
    if (first > last) first = last = Math.round(low);
    for (let r = first; r <= last; r++) {
      const cells = grid[r];
      if (cells !== undefined && c >= 0 && c < frame.width) cells[c] = glyph;
    }
  };

  // A segment covers, in each column it crosses, the rows the line passes through there.
  const segment = (c0: number, r0: number, c1: number, r1: number, glyph: string): void => {
    const from = Math.round(c0);
    const to = Math.round(c1);
    if (from === to) return mark(from, r0, r1, glyph);
    const at = (c: number) => r0 + ((r1 - r0) * (Math.min(Math.max(c, c0), c1) - c0)) / (c1 - c0);
    for (let c = from; c <= to; c++) mark(c, at(c - 0.5), at(c + 0.5), glyph);
  };

  data.runs.forEach((runs, i) => {
    const glyph = glyphOf(i);
    for (const run of runs) {
      let previous: { c: number; r: number } | undefined;
      for (const point of run) {
        const here = { c: frame.column(point.x), r: frame.row(point.y) };
        if (previous === undefined) mark(Math.round(here.c), here.r, here.r, glyph);
        else segment(previous.c, previous.r, here.c, here.r, glyph);
        previous = here;
      }
    }
  });
  return grid;
}

/**
 * The y axis' label of each row that has one: the first tick to land there; and the top and
 * bottom rows labelled with the values they stand for (3 significant digits) when no tick lands
 * there, so that the range shown is always readable.
 */
function rowLabels(data: ChartData, frame: Frame): Map<number, string> {
  const labels = new Map<number, string>();
  if (data.empty) return labels;
  for (const tick of yTicks(data, 4)) {
    const r = Math.round(frame.row(tick.at));
    if (!labels.has(r)) labels.set(r, tick.label);
  }
  const value = (y: number): number => (data.logY ? 10 ** y : y);
  if (!labels.has(0)) labels.set(0, tickLabel(value(data.y.max), 3));
  if (!labels.has(frame.height - 1)) labels.set(frame.height - 1, tickLabel(value(data.y.min), 3));
  return labels;
}

/** The x axis line with its tick marks, and the tick labels under it (left out where they would touch). */
function xAxis(data: ChartData, frame: Frame, indent: string): string[] {
  const ticks = (data.empty ? [] : xTicks(data, 4)).map((tick) => ({ ...tick, c: Math.round(frame.column(tick.at)) }));
  const axis = Array.from({ length: frame.width }, () => '─');
  for (const { c } of ticks) axis[c] = '┬';
  if (ticks.length === 0) return [`${indent}└${axis.join('')}`];
  const labels = Array.from({ length: frame.width }, () => ' ');
  let free = 0; // the first column a label may start at
  for (const { c, label } of ticks) {
    const start = Math.max(0, Math.min(c - Math.floor(label.length / 2), frame.width - label.length));
    if (start < free) continue;
    labels.splice(start, label.length, ...label);
    free = start + label.length + 1;
  }
  return [`${indent}└${axis.join('')}`, `${indent} ${labels.join('')}`.trimEnd()];
}

/** `* first   o second`, one line if it fits in `width`, else one entry per line. */
function legend(names: readonly string[], width: number): string[] {
  const entries = names.map((name, i) => `${glyphOf(i)} ${name}`);
  const oneLine = entries.join('   ');
  return oneLine.length <= width ? [oneLine] : entries;
}

/**
 * A line chart as text for a terminal: the series drawn with `*`, `o`, `+`, ... on a
 * `width` x `height` character plot area (defaults 72 x 16), a y axis with about 5 labelled
 * round values, an x axis likewise, the optional title and axis names and, for several series, a
 * legend. Points that cannot be drawn (NaN, infinities, a diverged loss; values <= 0 on a log
 * axis, `logX` or `logY`) are left out and break the line; a flat series is drawn mid-chart. Never prints:
 * returns the text (lines joined by `\n`, no trailing newline).
 *
 * @param series - the lines to draw, each with a name and values (and optionally xs)
 * @param options - size, title, axis names and log scales (see ChartOptions)
 * @example
 * const chart = lineChart([{ name: 'loss', values: losses }], { xLabel: 'step', yLabel: 'loss', logY: true });
 * console.log(chart);
 */
export function lineChart(series: readonly Series[], options: ChartOptions = {}): string {
  const owner = 'lineChart';
  checkChartOptions(owner, options);
  const width = checkSize(owner, 'width', options.width, 72, 8);
  const height = checkSize(owner, 'height', options.height, 16, 3);
  const data = chartData(owner, series, options);
  const frame = frameOf(data, width, height);
  const grid = drawSeries(data, frame);
  const labels = rowLabels(data, frame);
  const labelWidth = Math.max(1, ...[...labels.values()].map((l) => l.length));
  const indent = ' '.repeat(labelWidth + 1);

  const rows = grid.map((cells, r) => {
    const label = labels.get(r);
    const axis = label === undefined ? `${indent}│` : `${label.padStart(labelWidth)} ┤`;
    return `${axis}${cells.join('')}`.trimEnd();
  });
  if (data.empty) {
    const note = '(no finite values to draw)';
    rows[Math.floor(height / 2)] = `${indent}│${' '.repeat(Math.max(0, Math.floor((width - note.length) / 2)))}${note}`;
  }
  const lines: string[] = [];
  if (options.title !== undefined) lines.push(options.title);
  if (options.yLabel !== undefined) lines.push(`${' '.repeat(labelWidth)}${options.yLabel}`);
  lines.push(...rows, ...xAxis(data, frame, indent));
  if (options.xLabel !== undefined) {
    lines.push(`${indent} ${' '.repeat(Math.max(0, Math.floor((width - options.xLabel.length) / 2)))}${options.xLabel}`);
  }
  if (data.names.length > 1) lines.push(...legend(data.names, width + indent.length + 1));
  return lines.join('\n');
}
