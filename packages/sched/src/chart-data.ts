// What the text and SVG charts share: checking the series, dropping the points a chart cannot
// show (non-finite values, and values <= 0 on a log scale), the data ranges, ticks and labels.

import { checkNumber, checkOptions, mustBe, show } from './check.js';

/**
 * One line of a chart: its name (for the legend), its y values and, optionally, its x values
 * (default 0, 1, 2, ...).
 */
export interface Series {
  readonly name: string;
  readonly values: ArrayLike<number>;
  readonly xs?: ArrayLike<number>;
}

/** Options of {@link lineChart} and {@link lineChartSvg}. */
export interface ChartOptions {
  /** The plot area's width: characters for `lineChart` (default 72), pixels for `lineChartSvg` (default 640). */
  readonly width?: number | undefined;
  /** The plot area's height: rows for `lineChart` (default 16), pixels for `lineChartSvg` (default 320). */
  readonly height?: number | undefined;
  /** A line above the chart. Default none. */
  readonly title?: string | undefined;
  /** The x axis' name, under it. Default none. */
  readonly xLabel?: string | undefined;
  /** The y axis' name, above it. Default none. */
  readonly yLabel?: string | undefined;
  /** A logarithmic y axis (values <= 0 are then left out). Default false. */
  readonly logY?: boolean | undefined;
  /** A logarithmic x axis (x values <= 0 are then left out), e.g. for learning rates. Default false. */
  readonly logX?: boolean | undefined;
}

/** A run of consecutive drawable points of one series, already on the chart's scales (log10 for logX, logY). */
export type Run = { readonly x: number; readonly y: number }[];

/** The checked, cleaned data of a chart. */
export interface ChartData {
  readonly names: readonly string[];
  /** Per series, its runs: a point that cannot be drawn ends a run (the line has a gap there). */
  readonly runs: readonly (readonly Run[])[];
  /** On the chart's scale (log10 of the value for logX). */
  readonly x: { readonly min: number; readonly max: number };
  /** On the chart's scale (log10 of the value for logY). */
  readonly y: { readonly min: number; readonly max: number };
  /** Whether any point can be drawn. */
  readonly empty: boolean;
  readonly logX: boolean;
  readonly logY: boolean;
}

function checkSeries(owner: string, series: unknown): readonly Series[] {
  if (!Array.isArray(series)) throw mustBe(owner, 'series', 'an array', show(series));
  for (const [i, s] of (series as unknown[]).entries()) {
    const one = s as Partial<Series> | null;
    if (typeof one !== 'object' || one === null) {
      throw mustBe(owner, `series[${i}]`, 'an object', show(s));
    }
    if (typeof one.name !== 'string') {
      throw mustBe(owner, `series[${i}].name`, 'a string', show(one.name));
    }
    if (typeof one.values?.length !== 'number') {
      throw mustBe(owner, `series[${i}].values`, 'an array of numbers', show(one.values));
    }
    if (one.xs !== undefined && one.xs.length !== one.values.length) {
      throw new RangeError(
        `${owner}: series[${i}].xs must have as many entries as values (${one.values.length}), got ${one.xs.length}`,
      );
    }
  }
  return series as readonly Series[];
}

const chartKeys = ['width', 'height', 'title', 'xLabel', 'yLabel', 'logY', 'logX'];

/** Chart options: an object holding only chart options, its labels strings when given. */
export function checkChartOptions(owner: string, options: unknown): ChartOptions {
  checkOptions(owner, options, chartKeys);
  for (const name of ['title', 'xLabel', 'yLabel'] as const) {
    const label = (options as ChartOptions)[name];
    if (label !== undefined && typeof label !== 'string') throw mustBe(owner, name, 'a string', show(label));
  }
  return options as ChartOptions;
}

/** A size option: an integer >= `least`, or its default when left out. */
export function checkSize(owner: string, name: string, x: number | undefined, fallback: number, least: number): number {
  const valid = (n: number) => Number.isSafeInteger(n) && n >= least;
  return checkNumber(owner, name, x ?? fallback, `an integer >= ${least}`, valid);
}

function checkLog(owner: string, name: string, flag: unknown): boolean {
  if (flag !== undefined && typeof flag !== 'boolean') {
    throw mustBe(owner, name, 'a boolean', show(flag));
  }
  return flag ?? false;
}

/** Check and clean a chart's series. */
export function chartData(owner: string, series: unknown, options: Pick<ChartOptions, 'logX' | 'logY'>): ChartData {
  const checked = checkSeries(owner, series);
  const log = checkLog(owner, 'logY', options.logY);
  const logX = checkLog(owner, 'logX', options.logX);
  const x = { min: Infinity, max: -Infinity };
  const y = { min: Infinity, max: -Infinity };
  const runs = checked.map((s) => {
    const out: Run[] = [];
    let run: Run = [];
    for (let i = 0; i < s.values.length; i++) {
      const value = Number(s.values[i]);
      const rawX = s.xs === undefined ? i : Number(s.xs[i]);
      const px = logX ? Math.log10(rawX) : rawX;
      const py = log ? Math.log10(value) : value;
      if (Number.isFinite(px) && Number.isFinite(py)) {
        run.push({ x: px, y: py });
        x.min = Math.min(x.min, px);
        x.max = Math.max(x.max, px);
        y.min = Math.min(y.min, py);
        y.max = Math.max(y.max, py);
      } else if (run.length > 0) {
        out.push(run);
        run = [];
      }
    }
    if (run.length > 0) out.push(run);
    return out;
  });
  const empty = x.min > x.max;
  const names = checked.map((s) => s.name);
  if (empty) return { names, runs, x: { min: 0, max: 1 }, y: { min: 0, max: 1 }, empty, logX, logY: log };
  if (x.min === x.max) {
    // As a flat y below: a factor of 2 either way on a log scale.
    const pad = logX ? Math.log10(2) : 0.5;
    x.min -= pad;
    x.max += pad;
  }
  if (y.min === y.max) {
    // A flat series sits mid-chart: half its value either way (a factor of 2 on a log scale).
    const pad = log ? Math.log10(2) : Math.abs(y.min) / 2 || 1;
    y.min -= pad;
    y.max += pad;
  }
  return { names, runs, x, y, empty, logX, logY: log };
}

/**
 * A number for an axis label: `digits` significant digits, in the shorter of plain and exponent
 * form (0.05, 1000, 1e-6).
 */
export function tickLabel(value: number, digits: number): string {
  const rounded = Number(value.toPrecision(digits));
  if (rounded === 0) return '0';
  const plain = String(rounded);
  const exponent = rounded.toExponential();
  return exponent.length < plain.length ? exponent : plain;
}

/** A tick: where it sits on the chart's scale, and its label. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/** About `count` round values (multiples of 1, 2, 2.5 or 5 times a power of ten) within [min, max]. */
export function niceValues(min: number, max: number, count: number): number[] {
  if (!(max > min)) return min === max ? [min] : []; // no step to find (and a zero step would never end)
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const values: number[] = [];
  // A little slack so that rounding in min / step never drops an end.
  for (let k = Math.ceil(min / step - 1e-9); k <= Math.floor(max / step + 1e-9); k++) {
    values.push(Number((k * step).toPrecision(12)));
  }
  return values;
}

/** The x axis' ticks (see {@link axisTicks}). */
export const xTicks = (data: ChartData, count: number): Tick[] => axisTicks(data.x, data.logX, count);

/**
 * The y axis' ticks (see {@link axisTicks}); on a log scale spanning fewer decades than `count`,
 * 1, 2 and 5 times each power of ten, as on log paper, so that a loss falling from 0.7 to 0.05
 * gets more than one label.
 */
export function yTicks(data: ChartData, count: number): Tick[] {
  if (!data.logY || Math.floor(data.y.max) - Math.ceil(data.y.min) >= count) return axisTicks(data.y, data.logY, count);
  const values: number[] = [];
  // Powers of ten first, then 5s, then 2s: where two land on one row, the rounder one is shown.
  for (const m of [1, 5, 2]) {
    for (let k = Math.floor(data.y.min); k <= Math.ceil(data.y.max); k++) {
      const v = Number((m * 10 ** k).toPrecision(12));
      const at = Math.log10(v);
      if (at >= data.y.min - 1e-9 && at <= data.y.max + 1e-9) values.push(v);
    }
  }
  if (values.length < 2) return axisTicks(data.y, true, count);
  return values.map((v) => ({ at: Math.log10(v), label: tickLabel(v, 6) }));
}

/**
 * An axis' ticks: round values; on a log scale, the powers of ten in range when there are at
 * least two, else round values placed at their logarithm.
 */
function axisTicks(range: ChartData['x'], log: boolean, count: number): Tick[] {
  if (!log) return niceValues(range.min, range.max, count).map((v) => ({ at: v, label: tickLabel(v, 6) }));
  const decades = niceValues(Math.ceil(range.min), Math.floor(range.max), count).filter(Number.isInteger);
  if (decades.length >= 2) return decades.map((k) => ({ at: k, label: tickLabel(10 ** k, 6) }));
  return niceValues(10 ** range.min, 10 ** range.max, count)
    .filter((v) => v > 0)
    .map((v) => ({ at: Math.log10(v), label: tickLabel(v, 6) }));
}
