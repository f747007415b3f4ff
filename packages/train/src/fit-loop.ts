import { type Value, zeroGrad } from '@etagrad/autograd';
import { batches, type Dataset, type Module } from '@etagrad/nn';
import { callAll, endEpoch, epochRecord } from './epoch-end.js';
import type { FitPlan } from './fit-options.js';
import { compiledEngine, eagerEngine, type BatchEngine } from './batch-engine.js';
import { type History, type StepRecord, StopReason } from './history.js';
import { beginEpoch, captureRun, freshRun, resumeRun, type RunState } from './run-state.js';
import { diverge, nonFiniteMetric, stop } from './stopping.js';

/**
 * One run of `fit` or `fitAsync`: its plan, its state, and `steps`, the training loop as a
 * generator that pauses after every update. `fit` runs it to the end at once; `fitAsync` yields
 * to the event loop at each pause. One loop, so both give the same numbers.
 */
export interface Run {
  readonly model: Module;
  readonly plan: FitPlan;
  readonly state: RunState;
  readonly steps: Generator<void, void, undefined>;
}

/** Restores or starts the run and tells the reporter; nothing has been trained yet. */
export function startRun(model: Module, plan: FitPlan): Run {
  const state = plan.resume === null ? freshRun(plan) : resumeRun(model, plan, plan.resume.checkpoint, plan.resume.source);
  plan.progress.start({
    epochs: plan.epochs,
    startEpoch: state.completedEpochs,
    stepsPerEpoch: Math.ceil(plan.data.x.length / plan.batchSize),
  });
  const engine = plan.compile ? compiledEngine(model, (message) => plan.progress.notice?.(message)) : eagerEngine(model);
  return { model, plan, state, steps: trainLoop(model, plan, state, engine) };
}

/** Ends a run that was aborted between two updates (see `fitAsync`). */
export function abortRun(run: Run): void {
  const { state, plan } = run;
  run.steps.return();
  if (state.history.stopped !== null) return;
  const step = plan.optimizer.stepCount;
  const lr = state.current?.lr ?? state.history.epochs.at(-1)?.lr ?? plan.optimizer.lr[0] ?? 0;
  state.history.stopped = stop(StopReason.Aborted, state.completedEpochs, step, lr, `aborted after ${step} updates`);
  state.unsaved = true;
}

/** After the loop ended normally: the last checkpoint, however the run ended. */
export function finishRun(run: Run): void {
  if (run.state.unsaved) saveCheckpoint(run.model, run.plan, run.state);
}

/** Always, even after an error: training mode back on, and the reporter's end. */
export function closeRun(run: Run): History {
  run.model.train();
  run.plan.progress.end(run.state.history);
  return run.state.history;
}

function saveCheckpoint(model: Module, plan: FitPlan, state: RunState): void {
  if (plan.checkpoint === null) return;
  plan.checkpoint.save(captureRun(model, plan, state));
  state.unsaved = false;
}

function* trainLoop(model: Module, plan: FitPlan, state: RunState, engine: BatchEngine): Generator<void, void, undefined> {
  const parameters = model.parameters();
  const lastFinite = new Float64Array(parameters.length);
  const values = new Float64Array(plan.metrics.length);
  const { batchSize, shuffle } = plan;
  while (state.completedEpochs < plan.epochs && state.history.stopped === null) {
    model.train();
    const current = state.current ?? (state.current = beginEpoch(plan, state, plan.optimizer.lr[0] ?? 0));
    // The batch order is drawn from the generator at the epoch's start; a run resumed mid-epoch
    // draws it again from the same state and skips the batches already trained.
    let index = 0;
    for (const batch of batches(plan.data, { batchSize, shuffle, rng: state.rng })) {
      if (index++ < current.batches) continue;
      if (!trainStep(plan, state, batch, engine, parameters, lastFinite, values)) return;
      yield;
    }
    const due = endEpoch(model, plan, state, epochRecord(plan, state, current));
    if (due) saveCheckpoint(model, plan, state);
  }
}

/** One update on `batch`, recorded; false when the run stops here (diverged or a callback). */
function trainStep(
  plan: FitPlan,
  state: RunState,
  batch: Dataset,
  engine: BatchEngine,
  parameters: readonly Value[],
  lastFinite: Float64Array,
  values: Float64Array,
): boolean {
  const { optimizer, metrics } = plan;
  const current = state.current;
  if (current === null) throw new Error('fit: internal error: a step outside an epoch');
  const epoch = state.completedEpochs;
  const step = optimizer.stepCount;
  const rates = optimizer.lr;
  const lr = rates[0] ?? 0;
  const bad = firstNonFinite(rates);
  if (bad !== undefined) {
    return diverge(state, 'learning rate', epoch, step, bad, `learning rate was ${bad} at step ${step}: a schedule must give finite rates`);
  }
  const outputs = engine.forward(batch.x);
  const lossValue = plan.loss(outputs, batch.y);
  if (!Number.isFinite(lossValue.data)) return diverge(state, 'loss', epoch, step, lr);
  // Metrics read the outputs, which the update does not change: measured first, so that a
  // metric that is not a number stops the run before the update (a NaN could never be saved).
  const badMetric = measureMetrics(metrics, outputs, batch.y, values);
  if (badMetric !== null) {
    const [name, value] = badMetric;
    return diverge(state, `metric ${name}`, epoch, step, lr, nonFiniteMetric(name, value, `step ${step}`));
  }
  // The model's too: a parameter left out of the optimizer (frozen) must not pile up gradients
  // across steps and trip the finiteness check below. A loop over the list made at the start:
  // model.zeroGrad() would walk the module tree again at every step.
  zeroGrad(parameters);
  optimizer.zeroGrad();
  engine.backward(lossValue);
  if (!allFinite(parameters, 'grad')) return diverge(state, 'gradient', epoch, step, lr);
  copyData(parameters, lastFinite);
  optimizer.step();
  if (!allFinite(parameters, 'data')) {
    restoreData(parameters, lastFinite);
    return diverge(state, 'parameters', epoch, step, lr);
  }
  const size = batch.x.length;
  current.loss += lossValue.data * size;
  addMetrics(current.metrics, values, size);
  current.batches += 1;
  current.lr = lr;
  state.unsaved = true;
  const record: StepRecord = { step, epoch, loss: lossValue.data, lr };
  state.history.steps.push(record);
  plan.progress.step(record);
  if (callAll(plan, (c) => c.onStepEnd?.(record))) {
    state.history.stopped = stop(StopReason.Callback, epoch, step + 1, lr, `a callback asked to stop after step ${step}`);
    return false;
  }
  return true;
}

// The loops of a step, each in a function of its own. With loops in trainStep itself, V8 (Node
// 20) would at times re-enter one optimized trainStep (most likely on-stack-replaced code) and
// deoptimize it ("wrong map") at every step, thousands of times a run, in about half of the
// 16-trial searches of bench/tune-workers.ts.

/** Whether every parameter's `data` (or `grad`) is finite; a plain loop, as it runs every step. */
function allFinite(parameters: readonly Value[], field: 'data' | 'grad'): boolean {
  for (const p of parameters) if (!Number.isFinite(p[field])) return false;
  return true;
}

/** The first rate that is not finite, if any. */
function firstNonFinite(rates: readonly number[]): number | undefined {
  for (const rate of rates) if (!Number.isFinite(rate)) return rate;
  return undefined;
}

/** Each metric of the batch into `values`; the name and value of the first that is not finite, or null. */
function measureMetrics(metrics: FitPlan['metrics'], outputs: Value[][], targets: Dataset['y'], values: Float64Array): [string, number] | null {
  for (let i = 0; i < metrics.length; i++) {
    const [name, metric] = metrics[i] as FitPlan['metrics'][number];
    const value = metric(outputs, targets);
    if (!Number.isFinite(value)) return [name, value];
    values[i] = value;
  }
  return null;
}

/** Adds each metric of the batch, weighted by its `size` samples, to the epoch's sums. */
function addMetrics(sums: number[], values: Float64Array, size: number): void {
  for (let i = 0; i < values.length; i++) sums[i] = (sums[i] ?? 0) + (values[i] ?? 0) * size;
}

/** Keeps every parameter's number, to put back if the update makes one non-finite. */
function copyData(parameters: readonly Value[], kept: Float64Array): void {
  for (let i = 0; i < parameters.length; i++) kept[i] = (parameters[i] as Value).data;
}

function restoreData(parameters: readonly Value[], kept: Float64Array): void {
  for (let i = 0; i < parameters.length; i++) (parameters[i] as Value).data = kept[i] as number;
}
