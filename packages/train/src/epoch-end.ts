import type { Module } from '@etagrad/nn';
import { observeEarlyStopping } from './early-stopping.js';
import { measure } from './evaluate.js';
import type { CallbackResult, FitPlan } from './fit-options.js';
import { formatNumber } from './format.js';
import { type EpochRecord, StopReason, type Stopped } from './history.js';
import { validationName } from './metrics.js';
import { diverge, nonFiniteMetric, stop } from './stopping.js';
import type { EpochTotals, RunState } from './run-state.js';

/** The record of the epoch whose sums are `totals`, before validation. */
export function epochRecord(plan: FitPlan, state: RunState, totals: EpochTotals): EpochRecord {
  const n = plan.data.x.length;
  return {
    epoch: state.completedEpochs,
    steps: plan.optimizer.stepCount,
    loss: totals.loss / n,
    metrics: Object.fromEntries(plan.metrics.map(([name], i) => [name, (totals.metrics[i] ?? 0) / n])),
    valLoss: null,
    valMetrics: null,
    lr: totals.lr,
    lrScale: plan.optimizer.lrScale,
  };
}

/**
 * After an epoch: validation, plateau, callbacks, early stopping and progress, in that order.
 * Returns whether a checkpoint is due (every `checkpoint.every` epochs).
 */
export function endEpoch(model: Module, plan: FitPlan, state: RunState, trained: EpochRecord): boolean {
  const { optimizer } = plan;
  const { history } = state;
  let record = trained;
  if (plan.validation !== null) {
    const { loss: valLoss, ...valMetrics } = measure(model, plan.validation, plan.metrics, plan.loss);
    if (valLoss === undefined || !Number.isFinite(valLoss)) {
      diverge(state, 'validation loss', record.epoch, optimizer.stepCount, record.lr);
      return false;
    }
    const bad = Object.entries(valMetrics).find(([, value]) => !Number.isFinite(value));
    if (bad !== undefined) {
      const [name, value] = bad;
      const where = `the end of epoch ${record.epoch + 1} (validation)`;
      diverge(state, `metric ${name}`, record.epoch, optimizer.stepCount, record.lr, nonFiniteMetric(name, value, where));
      return false;
    }
    record = { ...record, valLoss, valMetrics };
  }
  if (state.plateau !== null) {
    optimizer.lrScale = state.plateau.observe(record.valLoss ?? record.loss);
    record = { ...record, lrScale: optimizer.lrScale };
  }
  history.epochs.push(record);
  state.completedEpochs += 1;
  state.current = null;
  state.unsaved = true;
  // Callbacks first, so they see the parameters this epoch trained, before a restoreBest.
  const callbackStop = callAll(plan, (c) => c.onEpochEnd?.(record));
  const earlyStop = observeEarly(model, plan, state, record);
  history.stopped =
    earlyStop ??
    (callbackStop
      ? stop(StopReason.Callback, record.epoch, record.steps, record.lr, `a callback asked to stop after epoch ${record.epoch + 1}`)
      : null);
  plan.progress.epoch(record);
  return plan.checkpoint !== null && state.completedEpochs % plan.checkpoint.every === 0;
}

/** Calls one hook of every callback set in order; true if any asked to stop. */
export function callAll(plan: FitPlan, call: (c: FitPlan['callbacks'][number]) => CallbackResult): boolean {
  let stopRequested = false;
  for (const callbacks of plan.callbacks) if (call(callbacks) === 'stop') stopRequested = true;
  return stopRequested;
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
