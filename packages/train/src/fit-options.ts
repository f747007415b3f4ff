import { defaultSeed, type Dataset, type Loss, type Module } from '@etagrad/nn';
import { type Optimizer, OptimizerBase } from '@etagrad/optim';
import type { Plateau } from '@etagrad/sched';
import {
  checkBoolean,
  checkFunction,
  checkKeys,
  checkNumber,
  checkObject,
  checkPositiveInteger,
  isRecord,
  show,
} from './check.js';
import type { EarlyStopping } from './early-stopping.js';
import { checkDataValues, checkLabels } from './check-data.js';
import { checkDatasetShape, checkModel } from './evaluate.js';
import type { EpochRecord, StepRecord } from './history.js';
import { checkMetrics, type Metrics, validationName } from './metrics.js';
import { silentReporter, type ProgressReporter } from './progress-reporter.js';
import { checkCheckpoint } from './checkpoint-parse.js';
import type { Checkpoint } from './checkpoint-format.js';

/** What a callback may return to end training (after the current step or epoch). */
export type CallbackResult = void | 'stop';

/** Hooks into the loop. Each is optional; returning `'stop'` ends training (reason `callback`). */
export interface Callbacks {
  /**
   * After every update, with its record (step, epoch, loss, lr).
   *
   * @param record - the update's record: its step, epoch, loss and learning rate
   */
  readonly onStepEnd?: (record: StepRecord) => CallbackResult;
  /**
   * After every epoch, with its record (losses, metrics, lr), before the checkpoint is written.
   *
   * @param record - the epoch's record: its mean loss and every metric measured
   */
  readonly onEpochEnd?: (record: EpochRecord) => CallbackResult;
}

/**
 * Where and how often `fit` saves a checkpoint (browser-safe: `save` decides where it goes; in
 * Node, `@etagrad/train/node`'s `fit` takes a file path instead).
 */
export interface CheckpointOptions {
  /**
   * Called with each checkpoint, a plain-JSON object; `serializeCheckpoint` makes it text. It
   * must not keep the object past the call: the history inside it goes on growing.
   *
   * @param checkpoint - the checkpoint, plain JSON (see `serializeCheckpoint`)
   */
  readonly save: (checkpoint: Checkpoint) => void;
  /**
   * Save every `every` epochs (default 1); the last checkpoint, when the run ends for any reason
   * (also mid-epoch, stopped by a signal or a callback), is saved regardless.
   */
  readonly every?: number;
}

/** Something `fitAsync` checks between updates: an `AbortSignal` (only `aborted` is read). */
export interface AbortSignalLike {
  readonly aborted: boolean;
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
  /** Save a checkpoint at epoch ends (see {@link CheckpointOptions}). */
  readonly checkpoint?: CheckpointOptions;
  /**
   * Continue the run saved in this checkpoint (as `parseCheckpoint` returns it, or as `save`
   * was given it); `epochs` is still the total.
   */
  readonly resumeFrom?: Checkpoint;
  /** Told about every step and epoch (default: nothing is reported; `false` is the same). */
  readonly progress?: ProgressReporter | false;
  /**
   * Run the model through programs compiled by `@etagrad/autograd`'s `compile` (one trace per
   * batch size, replayed on typed arrays): the same numbers as eager, faster. A model whose graph
   * depends on the data (dropout) cannot be replayed: the run goes on eagerly, and the reporter's
   * `notice` is told why in one line. Default false.
   */
  readonly compile?: boolean;
}

/** Options of `fitAsync`: those of `fit` and a signal. */
export interface FitAsyncOptions extends FitOptions {
  /** Abort the run after the current update (see `fitAsync`). */
  readonly signal?: AbortSignalLike;
}

/** The options `fit` and `fitAsync` share, whatever stores their checkpoints. */
export type FitBaseOptions = Omit<FitOptions, 'checkpoint' | 'resumeFrom'>;

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
  readonly checkpoint: { readonly save: (checkpoint: Checkpoint) => void; readonly every: number } | null;
  /** The checkpoint to continue and its name in errors. */
  readonly resume: { readonly checkpoint: Checkpoint; readonly source: string } | null;
  readonly progress: ProgressReporter;
  readonly compile: boolean;
  readonly signal: AbortSignalLike | null;
}

/** Where a run's checkpoints go and come from: `fit`'s own options, or files in Node. */
export type CheckpointIo<O> = (owner: string, options: O) => Pick<FitPlan, 'checkpoint' | 'resume'>;

const commonKeys = [
  'data', 'loss', 'optimizer', 'epochs', 'batchSize', 'shuffle', 'seed', 'validation', 'metrics',
  'callbacks', 'earlyStopping', 'reduceOnPlateau', 'checkpoint', 'resumeFrom', 'progress', 'compile',
];

/**
 * Checks every option of `fit` (or `fitAsync`, as `owner` says) at the boundary, before any work;
 * the checkpoint options last, by `io`, which may read the checkpoint to resume.
 */
export function planFit<O extends FitBaseOptions>(model: Module, options: O, owner: string, io: CheckpointIo<O>): FitPlan {
  checkModel(owner, model);
  checkObject(owner, 'options', options);
  const async = owner === 'fitAsync';
  checkKeys(owner, 'options', options as Record<string, unknown>, async ? [...commonKeys, 'signal'] : commonKeys);
  const data = checkDatasetShape(owner, 'data', options.data);
  checkFunction(owner, 'loss', options.loss);
  const optimizer = checkOptimizer(owner, options.optimizer);
  const epochs = checkPositiveInteger(owner, 'epochs', options.epochs);
  const batchSize = checkPositiveInteger(owner, 'batchSize', options.batchSize ?? 32);
  const shuffle = checkBoolean(owner, 'shuffle', options.shuffle ?? true);
  const seed = checkNumber(owner, 'seed', options.seed ?? defaultSeed, 'a safe integer', Number.isSafeInteger);
  const validation = options.validation === undefined ? null : checkDatasetShape(owner, 'validation', options.validation);
  checkDataValues(owner, 'data', data);
  checkLabels(owner, 'data', data, options.loss, model);
  if (validation !== null) {
    checkDataValues(owner, 'validation', validation);
    checkLabels(owner, 'validation', validation, options.loss, model);
  }
  checkHoldsModel(owner, optimizer, model);
  const metrics = checkMetrics(owner, options.metrics ?? {});
  const callbacks = checkCallbacks(owner, options.callbacks);
  const early = options.earlyStopping ?? null;
  if (early !== null) checkMonitor(owner, early, metrics.map(([name]) => name), validation !== null);
  const plateau = options.reduceOnPlateau ?? null;
  if (plateau !== null && (typeof plateau !== 'object' || typeof plateau.observe !== 'function')) {
    throw new TypeError(`${owner}: reduceOnPlateau must be a controller from sched's reduceOnPlateau(), got ${show(plateau)}`);
  }
  const files = io(owner, options);
  // a checkpoint holds optim's stateDict(optimizer), which reads only optim's own optimizers
  if ((files.checkpoint !== null || files.resume !== null) && !(optimizer instanceof OptimizerBase)) {
    const option = files.checkpoint !== null ? 'checkpoint' : 'resumeFrom';
    throw new TypeError(`${owner}: ${option} needs an optimizer from @etagrad/optim (its state goes in the checkpoint), got ${show(optimizer)}`);
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
    progress: checkProgress(owner, options.progress),
    compile: checkBoolean(owner, 'compile', options.compile ?? false),
    signal: async ? checkSignal(owner, (options as FitAsyncOptions).signal) : null,
    ...files,
  };
}

const reporterMethods = ['start', 'step', 'epoch', 'end'] as const;

function checkProgress(owner: string, progress: unknown): ProgressReporter {
  if (progress === undefined || progress === false) return silentReporter;
  const reporter = progress as Partial<Record<string, unknown>> | null;
  if (!isRecord(reporter) || reporterMethods.some((m) => typeof reporter[m] !== 'function')) {
    throw new TypeError(
      `${owner}: progress must be a reporter { start, step, epoch, end } or false, got ${show(progress)}` +
        (progress === true ? " (a terminal bar is @etagrad/cli's progressReporter)" : ''),
    );
  }
  return progress as ProgressReporter;
}

function checkSignal(owner: string, signal: unknown): AbortSignalLike | null {
  if (signal === undefined) return null;
  if (typeof signal !== 'object' || signal === null || typeof (signal as { aborted?: unknown }).aborted !== 'boolean') {
    throw new TypeError(`${owner}: signal must be an AbortSignal, got ${show(signal)}`);
  }
  return signal as AbortSignalLike;
}

/**
 * Refuses an optimizer that holds none of the model's parameters (built on another model), which
 * would train nothing and say nothing. Probed by `zeroGrad` (the only view of an optimizer's
 * parameters): it zeroes the model's gradients when it holds any of them. Gradients are zeroed
 * before every update anyway; the model's are put back.
 */
function checkHoldsModel(owner: string, optimizer: Optimizer, model: Module): void {
  const parameters = model.parameters();
  if (parameters.length === 0) return;
  const grads = parameters.map((p) => p.grad);
  for (const p of parameters) p.grad = 1;
  optimizer.zeroGrad();
  const holds = parameters.some((p) => p.grad === 0);
  parameters.forEach((p, i) => (p.grad = grads[i] ?? 0));
  if (!holds) {
    throw new RangeError(
      `${owner}: optimizer must hold the model's parameters (build it on model.parameters()), got ${optimizer.name} holding none of them`,
    );
  }
}

function checkOptimizer(owner: string, optimizer: unknown): Optimizer {
  const o = optimizer as Partial<Optimizer> | null;
  if (typeof o !== 'object' || o === null || typeof o.step !== 'function' || !Array.isArray(o.lr)) {
    throw new TypeError(`${owner}: optimizer must be an optimizer from @etagrad/optim, got ${show(optimizer)}`);
  }
  return optimizer as Optimizer;
}

function checkCallbacks(owner: string, callbacks: FitOptions['callbacks']): readonly Callbacks[] {
  if (callbacks === undefined) return [];
  const list: readonly unknown[] = Array.isArray(callbacks) ? callbacks : [callbacks];
  list.forEach((entry, i) => {
    const name = Array.isArray(callbacks) ? `callbacks[${i}]` : 'callbacks';
    const record = checkObject(owner, name, entry);
    checkKeys(owner, name, record, ['onStepEnd', 'onEpochEnd']);
    for (const hook of ['onStepEnd', 'onEpochEnd'] as const) {
      if (record[hook] !== undefined) checkFunction(owner, `${name}.${hook}`, record[hook]);
    }
  });
  return list as readonly Callbacks[];
}

function checkMonitor(owner: string, early: EarlyStopping, metricNames: readonly string[], hasValidation: boolean): void {
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

/** fit's own checkpoint options: a `save` function, and a checkpoint object to resume. */
export function checkpointsInMemory(owner: string, options: FitOptions): Pick<FitPlan, 'checkpoint' | 'resume'> {
  let checkpoint: FitPlan['checkpoint'] = null;
  if (options.checkpoint !== undefined) {
    const record = checkObject(owner, 'checkpoint', options.checkpoint);
    if ('path' in record) {
      throw new TypeError(`${owner}: checkpoint.save must be a function (a checkpoint.path needs fit from '@etagrad/train/node'), got ${show(record['save'])}`);
    }
    checkKeys(owner, 'checkpoint', record, ['save', 'every']);
    const save = checkFunction(owner, 'checkpoint.save', record['save']) as (checkpoint: Checkpoint) => void;
    checkpoint = { save, every: checkEvery(owner, record['every']) };
  }
  if (typeof options.resumeFrom === 'string') {
    throw new TypeError(`${owner}: resumeFrom must be a checkpoint object (a path needs fit from '@etagrad/train/node'), got ${show(options.resumeFrom)}`);
  }
  const resume =
    options.resumeFrom === undefined ? null : { checkpoint: checkCheckpoint(options.resumeFrom, 'resumeFrom'), source: 'resumeFrom' };
  return { checkpoint, resume };
}

/** `checkpoint.every`: a positive integer, default 1. */
export function checkEvery(owner: string, every: unknown): number {
  return checkPositiveInteger(owner, 'checkpoint.every', every ?? 1);
}
