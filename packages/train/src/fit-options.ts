import { defaultSeed, type Dataset, type Loss, type Module } from '@etagrad/nn';
import type { Optimizer } from '@etagrad/optim';
import type { Plateau } from '@etagrad/sched';
import {
  checkBoolean,
  checkFunction,
  checkNumber,
  checkObject,
  checkPositiveInteger,
  checkString,
  isRecord,
  show,
} from './check.js';
import type { EarlyStopping } from './early-stopping.js';
import { checkDatasetShape } from './evaluate.js';
import type { EpochRecord, StepRecord } from './history.js';
import { checkMetrics, type Metrics, validationName } from './metrics.js';
import type { ProgressOptions } from './progress.js';

/** What a callback may return to end training (after the current step or epoch). */
export type CallbackResult = void | 'stop';

/** Hooks into the loop. Each is optional; returning `'stop'` ends training (reason `callback`). */
export interface Callbacks {
  /** After every update, with its record (step, epoch, loss, lr). */
  readonly onStepEnd?: (record: StepRecord) => CallbackResult;
  /** After every epoch, with its record (losses, metrics, lr), before the checkpoint is written. */
  readonly onEpochEnd?: (record: EpochRecord) => CallbackResult;
}

/** Where and how often `fit` saves a checkpoint. */
export interface CheckpointOptions {
  /** The checkpoint file (one JSON file, replaced atomically). */
  readonly path: string;
  /** Save every `every` epochs (default 1), and always after the last epoch or an early stop. */
  readonly every?: number;
}

/** Options of `fit`. */
export interface FitOptions {
  /** Training data `{ x, y }`, as nn's data sets return. */
  readonly data: Dataset;
  /** A batch-level loss from nn (`bceWithLogits`, `crossEntropy`, ...) or any function of its shape. */
  readonly loss: Loss;
  /** An optimizer from `@etagrad/optim` built on `model.parameters()` (or its named parameters). */
  readonly optimizer: Optimizer;
  /** Total epochs (passes over `data`), also when resuming. */
  readonly epochs: number;
  /**
   * Samples per update (default 32, Keras's): `data.x.length` or more is batch gradient descent,
   * 1 stochastic, anything between mini-batch.
   */
  readonly batchSize?: number;
  /** Visit the samples in a new random order each epoch (default true). */
  readonly shuffle?: boolean;
  /** Seed of fit's own generator for the batch order (default nn's `defaultSeed`). */
  readonly seed?: number;
  /** Held-out data measured after every epoch (`valLoss`, `valMetrics`). */
  readonly validation?: Dataset;
  /** Metrics by name, e.g. `{ accuracy: binaryAccuracy }`. */
  readonly metrics?: Metrics;
  /** One set of hooks or a list of them, called in order. */
  readonly callbacks?: Callbacks | readonly Callbacks[];
  /** Stop when a monitored quantity stops improving (see `earlyStopping`). */
  readonly earlyStopping?: EarlyStopping;
  /**
   * sched's `reduceOnPlateau` controller: after every epoch it observes `valLoss` (the training
   * loss without validation) and its multiplier becomes `optimizer.lrScale`.
   */
  readonly reduceOnPlateau?: Plateau;
  /** Save a checkpoint at epoch ends. */
  readonly checkpoint?: CheckpointOptions;
  /** Continue the run saved in this checkpoint file (`epochs` is still the total). */
  readonly resumeFrom?: string;
  /** A live bar on a terminal, plain lines otherwise (default true, to stderr); false is silent. */
  readonly progress?: boolean | ProgressOptions;
}

/** Validated options with their defaults in place. */
export interface FitPlan {
  readonly data: Dataset;
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly validation: Dataset | null;
  readonly metrics: readonly [string, Metrics[string]][];
  readonly callbacks: readonly Callbacks[];
  readonly earlyStopping: EarlyStopping | null;
  readonly plateau: Plateau | null;
  readonly checkpoint: { readonly path: string; readonly every: number } | null;
  readonly resumeFrom: string | null;
  readonly progress: boolean | ProgressOptions;
}

const owner = 'fit';

/** Checks every option of `fit` at the boundary, before any work. */
export function planFit(model: Module, options: FitOptions): FitPlan {
  if (typeof model !== 'object' || model === null || typeof (model as Partial<Module>).forward !== 'function') {
    throw new TypeError(`${owner}: model must be a Module from @etagrad/nn, got ${show(model)}`);
  }
  checkObject(owner, 'options', options);
  const data = checkDatasetShape(owner, 'data', options.data);
  checkFunction(owner, 'loss', options.loss);
  const optimizer = checkOptimizer(options.optimizer);
  const epochs = checkPositiveInteger(owner, 'epochs', options.epochs);
  const batchSize = checkPositiveInteger(owner, 'batchSize', options.batchSize ?? 32);
  const shuffle = checkBoolean(owner, 'shuffle', options.shuffle ?? true);
  const seed = checkNumber(owner, 'seed', options.seed ?? defaultSeed, 'a safe integer', Number.isSafeInteger);
  const validation = options.validation === undefined ? null : checkDatasetShape(owner, 'validation', options.validation);
  const metrics = checkMetrics(owner, options.metrics ?? {});
  const callbacks = checkCallbacks(options.callbacks);
  const early = options.earlyStopping ?? null;
  if (early !== null) checkMonitor(early, metrics.map(([name]) => name), validation !== null);
  const plateau = options.reduceOnPlateau ?? null;
  if (plateau !== null && (typeof plateau !== 'object' || typeof plateau.observe !== 'function')) {
    throw new TypeError(`${owner}: reduceOnPlateau must be a controller from sched's reduceOnPlateau(), got ${show(plateau)}`);
  }
  return {
    data,
    loss: options.loss,
    optimizer,
    epochs,
    batchSize,
    shuffle,
    seed,
    validation,
    metrics,
    callbacks,
    earlyStopping: early,
    plateau,
    checkpoint: checkCheckpoint(options.checkpoint),
    resumeFrom: options.resumeFrom === undefined ? null : checkString(owner, 'resumeFrom', options.resumeFrom),
    progress: checkProgress(options.progress ?? true),
  };
}

function checkProgress(progress: unknown): boolean | ProgressOptions {
  if (typeof progress === 'boolean') return progress;
  if (!isRecord(progress)) {
    throw new TypeError(`${owner}: progress must be a boolean or { stream }, got ${show(progress)}`);
  }
  const stream = progress['stream'];
  if (stream !== undefined && (typeof stream !== 'object' || stream === null || typeof (stream as { write?: unknown }).write !== 'function')) {
    throw new TypeError(`${owner}: progress.stream must be a writable stream, got ${show(stream)}`);
  }
  return progress as ProgressOptions;
}

function checkOptimizer(optimizer: unknown): Optimizer {
  const o = optimizer as Partial<Optimizer> | null;
  if (typeof o !== 'object' || o === null || typeof o.step !== 'function' || !Array.isArray(o.lr)) {
    throw new TypeError(`${owner}: optimizer must be an optimizer from @etagrad/optim, got ${show(optimizer)}`);
  }
  return optimizer as Optimizer;
}

function checkCallbacks(callbacks: FitOptions['callbacks']): readonly Callbacks[] {
  if (callbacks === undefined) return [];
  const list: readonly unknown[] = Array.isArray(callbacks) ? callbacks : [callbacks];
  list.forEach((entry, i) => {
    const name = Array.isArray(callbacks) ? `callbacks[${i}]` : 'callbacks';
    const record = checkObject(owner, name, entry);
    for (const hook of ['onStepEnd', 'onEpochEnd'] as const) {
      if (record[hook] !== undefined) checkFunction(owner, `${name}.${hook}`, record[hook]);
    }
  });
  return list as readonly Callbacks[];
}

function checkMonitor(early: EarlyStopping, metricNames: readonly string[], hasValidation: boolean): void {
  if (early.kind !== 'earlyStopping') {
    throw new TypeError(`${owner}: earlyStopping must be made by earlyStopping({ ... }), got ${show(early)}`);
  }
  const names = ['loss', ...metricNames];
  if (hasValidation) names.push('valLoss', ...metricNames.map(validationName));
  if (!names.includes(early.monitor)) {
    const hint = hasValidation ? '' : ' (no validation data given)';
    throw new RangeError(`${owner}: earlyStopping.monitor must be one of ${names.join(', ')}${hint}, got '${early.monitor}'`);
  }
}

function checkCheckpoint(checkpoint: CheckpointOptions | undefined): FitPlan['checkpoint'] {
  if (checkpoint === undefined) return null;
  checkObject(owner, 'checkpoint', checkpoint);
  const path = checkString(owner, 'checkpoint.path', checkpoint.path);
  if (path === '') throw new RangeError(`${owner}: checkpoint.path must be a file path, got ''`);
  return { path, every: checkPositiveInteger(owner, 'checkpoint.every', checkpoint.every ?? 1) };
}
