import { checkNumber, checkObject, show } from '@etagrad/check';

/**
 * `x` when it is a list of numbers; a `TypeError` `<owner>: <name> must be a list of numbers, got <value>` otherwise.
 *
 * @param owner The function called, first in the message.
 * @param name The argument, e.g. `'lrs'`.
 * @param x The value to check.
 */
export function checkNumberList(owner: string, name: string, x: unknown): readonly number[] {
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'number')) throw new TypeError(`${owner}: ${name} must be a list of numbers, got ${show(x)}`);
  return x as readonly number[];
}

/**
 * `x` when it is a list of objects (records a function of tune returned); a `TypeError` otherwise.
 *
 * @param owner The function called, first in the message.
 * @param name The argument, e.g. `'records'`.
 * @param x The value to check.
 * @param what What the list holds, in words, e.g. `'run records (what compareRuns returns)'`.
 */
export function checkRecordList(owner: string, name: string, x: unknown, what: string): readonly Record<string, unknown>[] {
  if (!Array.isArray(x)) throw new TypeError(`${owner}: ${name} must be a list of ${what}, got ${show(x)}`);
  x.forEach((item, i) => checkObject(owner, `${name}[${i}]`, item));
  return x as readonly Record<string, unknown>[];
}

/**
 * Checks what a search returned, as the reports read it: `{ trials: [{ config, ... }], best }`.
 *
 * @param owner The report, first in the message.
 * @param result The value to check.
 */
export function checkSearchResult(owner: string, result: unknown): void {
  const given = checkObject(owner, 'result', result);
  checkRecordList(owner, 'result.trials', given['trials'], 'trial records (what a search returns)').forEach((trial, i) =>
    checkObject(owner, `result.trials[${i}].config`, trial['config']),
  );
}

/**
 * Checks the size options of a chart: each a positive integer when given.
 *
 * @param owner The chart, first in the message.
 * @param options The options, already known to be an object.
 */
export function checkChartSize(owner: string, options: Record<string, unknown>): void {
  for (const name of ['width', 'height']) {
    if (options[name] !== undefined) checkNumber(owner, name, options[name], 'a positive integer', (n) => Number.isSafeInteger(n) && n >= 1);
  }
}
