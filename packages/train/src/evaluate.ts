import { noGrad } from '@etagrad/autograd';
import type { Dataset, Loss, Module } from '@etagrad/nn';
import { checkFunction, checkKeys, checkObject, show } from './check.js';
import { checkDataValues, checkLabels } from './check-data.js';
import { forwardBatch } from './forward-batch.js';
import { checkMetrics, type Metrics } from './metrics.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Metrics by name, e.g. `{ accuracy }`; default none. */
  readonly metrics?: Metrics;
  /** A loss to report under `loss` (mean over the samples with nn's losses); default none. */
  readonly loss?: Loss;
}

/**
 * Measures `model` on `data`: each metric by its name, and `loss` when a loss is given. The model
 * runs in eval mode (dropout off) without building a graph; its previous mode is restored after.
 *
 * @param model - the model to run, in evaluation mode for the pass
 * @param data - the samples, with their targets
 * @param options - the metrics and the loss to measure (see {@link EvaluateOptions})
 * @example
 * evaluate(model, test, { metrics: { accuracy: binaryAccuracy }, loss: bceWithLogits });
 * // { loss: 0.21, accuracy: 0.95 }
 */
export function evaluate(model: Module, data: Dataset, options: EvaluateOptions = {}): Record<string, number> {
  const owner = 'evaluate';
  checkModel(owner, model);
  checkDatasetShape(owner, 'data', data);
  checkKeys(owner, 'options', checkObject(owner, 'options', options), ['metrics', 'loss']);
  const metrics = checkMetrics(owner, options.metrics ?? {});
  checkDataValues(owner, 'data', data);
  if (options.loss !== undefined) {
    checkFunction(owner, 'loss', options.loss);
    checkLabels(owner, 'data', data, options.loss, model);
  }
  return measure(model, data, metrics, options.loss);
}

/** {@link evaluate} after validation: `fit` calls this for its validation data every epoch. */
export function measure(
  model: Module,
  data: Dataset,
  metrics: readonly [string, Metrics[string]][],
  loss: Loss | undefined,
): Record<string, number> {
  const wasTraining = model.training;
  model.eval();
  try {
    return noGrad(() => {
      const outputs = forwardBatch(model, data.x);
      const result: Record<string, number> = {};
      if (loss !== undefined) result['loss'] = loss(outputs, data.y).data;
      for (const [name, metric] of metrics) result[name] = metric(outputs, data.y);
      return result;
    });
  } finally {
    if (wasTraining) model.train();
  }
}

/** `model` when it is a Module (anything with `forward`); a `TypeError` in the standard format otherwise. */
export function checkModel(owner: string, model: unknown): Module {
  if (typeof model !== 'object' || model === null || typeof (model as Partial<Module>).forward !== 'function') {
    throw new TypeError(`${owner}: model must be a Module from @etagrad/nn, got ${show(model)}`);
  }
  return model as Module;
}

/** A data set `{ x, y }` with one target per row and at least one sample. */
export function checkDatasetShape(owner: string, name: string, data: unknown): Dataset {
  const record = checkObject(owner, name, data);
  const { x, y } = record;
  if (!Array.isArray(x)) throw new TypeError(`${owner}: ${name}.x must be an array of rows, got ${show(x)}`);
  if (!Array.isArray(y)) throw new TypeError(`${owner}: ${name}.y must be an array of targets, got ${show(y)}`);
  if (x.length !== y.length) {
    throw new RangeError(`${owner}: ${name}.y must have one target per row of ${name}.x (${x.length}), got ${y.length}`);
  }
  if (x.length === 0) throw new RangeError(`${owner}: ${name} must have at least one sample, got 0`);
  return record as unknown as Dataset;
}
