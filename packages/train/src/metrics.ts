import type { Metric } from '@etagrad/nn';
import { checkFunction, checkObject } from './check.js';

/** Metrics by the name they are reported under, e.g. `{ accuracy }` from `@etagrad/nn`. */
export type Metrics = Readonly<Record<string, Metric>>;

/**
 * Validates a metrics record: an object of functions, none named `loss` (the loss is reported
 * under that name). Returns its entries in order.
 */
export function checkMetrics(owner: string, metrics: unknown): [string, Metric][] {
  const record = checkObject(owner, 'metrics', metrics);
  for (const [name, metric] of Object.entries(record)) {
    checkFunction(owner, `metrics.${name}`, metric);
    if (name === 'loss') throw new RangeError(`${owner}: metrics must not have a metric named 'loss' (reserved for the loss), got 'loss'`);
  }
  return Object.entries(record) as [string, Metric][];
}

/** `accuracy` -> `valAccuracy`: the name of a metric measured on validation data. */
export function validationName(name: string): string {
  return `val${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}
