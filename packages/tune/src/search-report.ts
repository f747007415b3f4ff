import { lineChart, lineChartSvg, type Series } from '@etagrad/sched';
import { formatNumber } from '@etagrad/train';
import { checkBoolean, checkChoice, checkObject, checkOptions } from '@etagrad/check';
import { checkChartSize, checkSearchResult } from './check-results.js';
import type { Space } from './space.js';
import { rankValue, type SearchResult, type TrialRecord } from './trial.js';
import { textTable } from './text-table.js';

/** A config value, a score or an extra as table text. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  return typeof value === 'number' ? formatNumber(value) : typeof value === 'string' ? value : JSON.stringify(value);
}

const hyperparameters = (result: SearchResult): string[] => [...new Set(result.trials.flatMap((t) => Object.keys(t.config)))];

/**
 * The trials as a text table, best first (ok trials by score in `direction`, then the rest in
 * trial order): trial index, status, score, budget, seconds, then each hyperparameter.
 *
 * @param result What a search returned.
 * @param direction `'min'` (default) or `'max'`, as the search ran.
 * @example
 * console.log(searchTable(await randomSearch(space, objective, { trials: 8 })));
 */
export function searchTable(result: SearchResult, direction: 'min' | 'max' = 'min'): string {
  checkSearchResult('searchTable', result);
  checkChoice('searchTable', 'direction', direction, ['min', 'max']);
  const names = hyperparameters(result);
  const order = [...result.trials].sort((a, b) => rankValue(a, direction) - rankValue(b, direction) || a.index - b.index);
  const rows = order.map((t) => [String(t.index), t.status, cell(t.score), cell(t.budget), t.time.toFixed(2), ...names.map((n) => cell(t.config[n]))]);
  return textTable(['trial', 'status', 'score', 'budget', 'seconds', ...names], rows);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The trials as CSV (RFC 4180, a header row, one row per trial in trial order): index, status,
 * score, budget, time (seconds), each hyperparameter, each extra, error. Numbers at full precision.
 *
 * @param result What a search returned.
 * @example
 * writeFileSync('trials.csv', searchCsv(result));
 */
export function searchCsv(result: SearchResult): string {
  checkSearchResult('searchCsv', result);
  const names = hyperparameters(result);
  const extras = [...new Set(result.trials.flatMap((t) => Object.keys(t.extras)))];
  const header = ['index', 'status', 'score', 'budget', 'time', ...names, ...extras, 'error'];
  const row = (t: TrialRecord) => [t.index, t.status, t.score, t.budget, t.time, ...names.map((n) => t.config[n]), ...extras.map((e) => t.extras[e]), t.error];
  return [header, ...result.trials.map(row)].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Options of {@link searchCharts}. */
export interface SearchChartOptions {
  /** SVG documents instead of terminal text (default false). */
  readonly svg?: boolean;
  /** Plot width: characters (default 48) or pixels (default 640). */
  readonly width?: number;
  /** Plot height: rows (default 10) or pixels (default 320). */
  readonly height?: number;
}

/**
 * One chart per numeric hyperparameter: each trial's score (ok and pruned trials) against its
 * value, as unconnected points; a log x axis for a `logUniform` one (or a list of values spanning
 * more than a factor of 100). Hyperparameters with non-numeric values are left out.
 *
 * @param result What a search returned.
 * @param space The space searched (for its log scales).
 * @param options `svg`, `width`, `height`.
 * @example
 * for (const [name, chart] of Object.entries(searchCharts(result, space))) console.log(chart);
 */
export function searchCharts(result: SearchResult, space: Space, options: SearchChartOptions = {}): Record<string, string> {
  checkSearchResult('searchCharts', result);
  checkObject('searchCharts', 'space', space);
  const given = checkOptions('searchCharts', options, ['svg', 'width', 'height']);
  if (given['svg'] !== undefined) checkBoolean('searchCharts', 'svg', given['svg']);
  checkChartSize('searchCharts', given);
  const charts: Record<string, string> = {};
  const scored = result.trials.filter((t) => t.score !== null);
  for (const name of hyperparameters(result)) {
    const points = scored.flatMap((t) => (typeof t.config[name] === 'number' ? [{ x: t.config[name], y: t.score as number }] : []));
    if (points.length === 0) continue;
    const xs = points.map((p) => p.x);
    const domain = space[name];
    const logX = (domain !== undefined && !Array.isArray(domain) && 'logUniform' in domain) || (Math.min(...xs) > 0 && Math.max(...xs) / Math.min(...xs) > 100);
    // A NaN between points breaks the line: each trial is drawn as a point of its own.
    const series: Series = { name: 'score', values: points.flatMap((p) => [p.y, Number.NaN]), xs: points.flatMap((p) => [p.x, Number.NaN]) };
    const chart = { title: `score against ${name}`, xLabel: logX ? `${name} (log scale)` : name, yLabel: 'score', logX, width: options.width ?? (options.svg === true ? undefined : 48), height: options.height ?? (options.svg === true ? undefined : 10) };
    charts[name] = (options.svg === true ? lineChartSvg : lineChart)([series], chart);
  }
  return charts;
}
