import type { Value } from '@etagrad/autograd';
import { batches, type Module } from '@etagrad/nn';
import { saveCheckpoint } from './checkpoint-file.js';
import { observeEarlyStopping } from './early-stopping.js';
import { measure } from './evaluate.js';
import { type CallbackResult, type FitOptions, type FitPlan, planFit } from './fit-options.js';
import { formatNumber } from './format.js';
import { forwardBatch } from './forward-batch.js';
import { type EpochRecord, type History, type StepRecord, StopReason, type Stopped } from './history.js';
import { validationName } from './metrics.js';
import { progressReporter, type ProgressReporter } from './progress.js';
import { captureRun, freshRun, resumeRun, type RunState } from './run-state.js';

/**
 * Trains `model` for `epochs` passes over `data` and returns the {@link History}: per epoch, the
 * batches come from nn's `batches` in an order drawn from fit's own seeded generator; for each
 * batch the model's outputs give the loss, `backward()` the gradients, and the optimizer one
 * update (read `optimizer.lr[0]` first: that is the rate recorded for the step). After each
 * epoch: validation (eval mode, no graph), reduce-on-plateau, callbacks, early stopping,
 * progress and the checkpoint, in that order.
 *
 * Batch size picks the flavour of gradient descent: `batchSize >= data.x.length` is batch
 * gradient descent (one update per epoch), 1 stochastic, between mini-batch.
 *
 * It does not throw when training goes wrong, it stops: a non-finite loss, gradient or parameter
 * ends the run with `history.stopped.reason === 'diverged'` and the model at its last finite
 * parameters (the bad update is not applied, or undone). Invalid options, and a checkpoint that
 * is unreadable or does not match the run, throw before anything changes.
 *
 * With `checkpoint: { path }` a checkpoint is saved at epoch ends; `resumeFrom: path` continues
 * it, so that the final parameters are bit-identical to those of a run that never stopped (for
 * models whose forward pass draws no random numbers of their own: a dropout layer's generator is
 * not part of the checkpoint).
 *
 * @example
 * const data = moons({ n: 200, noise: 0.1 });
 * const model = new MLP(2, [16, 16, 1]);
 * const history = fit(model, {
 *   data, loss: bceWithLogits, metrics: { accuracy: binaryAccuracy },
 *   optimizer: new Adam(model.parameters(), { lr: 0.01 }), epochs: 50, batchSize: 16,
 * });
 * history.epochs.at(-1)?.metrics.accuracy; // ~1
 */
export function fit(model: Module, options: FitOptions): History {
  const plan = planFit(model, options);
  const state = plan.resumeFrom === null ? freshRun(plan) : resumeRun(model, plan, plan.resumeFrom);
  const progress = progressReporter(plan.progress);
  const n = plan.data.x.length;
  progress.start({ epochs: plan.epochs, startEpoch: state.completedEpochs, stepsPerEpoch: Math.ceil(n / plan.batchSize) });
  try {
    while (state.completedEpochs < plan.epochs && state.history.stopped === null) {
      const record = trainEpoch(model, plan, state, progress);
      if (record === null) break; // stopped inside the epoch
      endEpoch(model, plan, state, record, progress);
    }
  } finally {
    model.train();
    progress.end(state.history);
  }
  return state.history;
}

/** Running sums over an epoch, each weighted by batch size. */
interface Totals {
  loss: number;
  readonly metrics: number[];
}

/** One pass over the data: the epoch's record, or null when training stopped during it. */
function trainEpoch(model: Module, plan: FitPlan, state: RunState, progress: ProgressReporter): EpochRecord | null {
  const { optimizer, loss, metrics } = plan;
  const epoch = state.completedEpochs;
  const parameters = model.parameters();
  const lastFinite = new Float64Array(parameters.length);
  const totals: Totals = { loss: 0, metrics: metrics.map(() => 0) };
  let lr = optimizer.lr[0] ?? 0;
  model.train();
  for (const batch of batches(plan.data, { batchSize: plan.batchSize, shuffle: plan.shuffle, rng: state.rng })) {
    const outputs = forwardBatch(model, batch.x);
    const lossValue = loss(outputs, batch.y);
    const step = optimizer.stepCount;
    lr = optimizer.lr[0] ?? 0;
    if (!Number.isFinite(lossValue.data)) return diverge(state, 'loss', epoch, step, lr);
    // The model's too: a parameter left out of the optimizer (frozen) must not pile up gradients
    // across steps and trip the finiteness check below.
    model.zeroGrad();
    optimizer.zeroGrad();
    lossValue.backward();
    if (!allFinite(parameters, 'grad')) return diverge(state, 'gradient', epoch, step, lr);
    let saved = 0;
    for (const p of parameters) lastFinite[saved++] = p.data;
    optimizer.step();
    if (!allFinite(parameters, 'data')) {
      let restored = 0;
      for (const p of parameters) p.data = lastFinite[restored++] ?? p.data;
      return diverge(state, 'parameters', epoch, step, lr);
    }
    const size = batch.x.length;
    totals.loss += lossValue.data * size;
    metrics.forEach(([, metric], i) => {
      totals.metrics[i] = (totals.metrics[i] ?? 0) + metric(outputs, batch.y) * size;
    });
    const record: StepRecord = { step, epoch, loss: lossValue.data, lr };
    state.history.steps.push(record);
    progress.step(record);
    if (callAll(plan, (c) => c.onStepEnd?.(record))) {
      state.history.stopped = stop(StopReason.Callback, epoch, step + 1, lr, `a callback asked to stop after step ${step}`);
      return null;
    }
  }
  const n = plan.data.x.length;
  return {
    epoch,
    steps: optimizer.stepCount,
    loss: totals.loss / n,
    metrics: Object.fromEntries(metrics.map(([name], i) => [name, (totals.metrics[i] ?? 0) / n])),
    valLoss: null,
    valMetrics: null,
    lr,
    lrScale: optimizer.lrScale,
  };
}

/** Validation, plateau, early stopping, callbacks, progress and checkpoint after an epoch. */
function endEpoch(model: Module, plan: FitPlan, state: RunState, trained: EpochRecord, progress: ProgressReporter): void {
  const { optimizer } = plan;
  const { history } = state;
  let record = trained;
  if (plan.validation !== null) {
    const { loss: valLoss, ...valMetrics } = measure(model, plan.validation, plan.metrics, plan.loss);
    if (valLoss === undefined || !Number.isFinite(valLoss)) {
      diverge(state, 'validation loss', record.epoch, optimizer.stepCount, record.lr);
      return;
    }
    record = { ...record, valLoss, valMetrics };
  }
  if (state.plateau !== null) {
    optimizer.lrScale = state.plateau.observe(record.valLoss ?? record.loss);
    record = { ...record, lrScale: optimizer.lrScale };
  }
  history.epochs.push(record);
  state.completedEpochs += 1;
  // Callbacks first, so they see the parameters this epoch trained, before a restoreBest.
  const callbackStop = callAll(plan, (c) => c.onEpochEnd?.(record));
  const earlyStop = observeEarly(model, plan, state, record);
  history.stopped =
    earlyStop ??
    (callbackStop
      ? stop(StopReason.Callback, record.epoch, record.steps, record.lr, `a callback asked to stop after epoch ${record.epoch + 1}`)
      : null);
  progress.epoch(record);
  const { checkpoint } = plan;
  const last = state.completedEpochs === plan.epochs || history.stopped !== null;
  if (checkpoint !== null && (last || state.completedEpochs % checkpoint.every === 0)) {
    saveCheckpoint(checkpoint.path, captureRun(model, plan, state));
  }
}

/** Early stopping's verdict on this epoch; the `stopped` record when it ends training. */
function observeEarly(model: Module, plan: FitPlan, state: RunState, record: EpochRecord): Stopped | null {
  const rule = plan.earlyStopping;
  if (rule === null || state.early === null) return null;
  const value = monitored(record, rule.monitor);
  const { state: next, verdict } = observeEarlyStopping(rule, state.early, value, record.epoch);
  state.early = next;
  if (verdict === 'improved' && rule.restoreBest) state.bestModel = model.stateDict();
  if (verdict !== 'stop') return null;
  const restored = rule.restoreBest && state.bestModel !== null;
  if (restored && state.bestModel !== null) model.loadStateDict(state.bestModel);
  return stop(
    StopReason.EarlyStopping,
    record.epoch,
    record.steps,
    record.lr,
    `${rule.monitor} did not improve for ${rule.patience} epoch${rule.patience === 1 ? '' : 's'} (best ${formatNumber(next.best ?? value)} at epoch ${(next.bestEpoch ?? record.epoch) + 1})` +
      (restored ? '; restored the parameters of that epoch' : ''),
  );
}

/** The value of `monitor` in an epoch record (names checked by `planFit`). */
function monitored(record: EpochRecord, monitor: string): number {
  if (monitor === 'loss') return record.loss;
  if (monitor === 'valLoss') return record.valLoss ?? Number.NaN;
  const train = record.metrics[monitor];
  if (train !== undefined) return train;
  const name = Object.keys(record.valMetrics ?? {}).find((m) => validationName(m) === monitor);
  return name === undefined ? Number.NaN : (record.valMetrics?.[name] ?? Number.NaN);
}

/** Whether every parameter's `data` (or `grad`) is finite; a plain loop, as it runs every step. */
function allFinite(parameters: readonly Value[], field: 'data' | 'grad'): boolean {
  for (const p of parameters) if (!Number.isFinite(p[field])) return false;
  return true;
}

/** Calls one hook of every callback set in order; true if any asked to stop. */
function callAll(plan: FitPlan, call: (c: FitPlan['callbacks'][number]) => CallbackResult): boolean {
  let stopRequested = false;
  for (const callbacks of plan.callbacks) if (call(callbacks) === 'stop') stopRequested = true;
  return stopRequested;
}

function stop(reason: StopReason, epoch: number, step: number, lr: number, message: string): Stopped {
  return { reason, epoch, step, lr, message };
}

/** Ends the run as diverged; `what` became non-finite at `step`. Returns null for the epoch. */
function diverge(state: RunState, what: string, epoch: number, step: number, lr: number): null {
  state.history.stopped = stop(
    StopReason.Diverged,
    epoch,
    step,
    lr,
    `${what} diverged at step ${step} (lr ${formatNumber(lr)}): try a smaller learning rate or a warmup`,
  );
  return null;
}
