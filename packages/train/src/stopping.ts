import { formatNumber } from './format.js';
import { StopReason, type Stopped } from './history.js';
import type { RunState } from './run-state.js';

/** A `stopped` record. */
export function stop(reason: StopReason, epoch: number, step: number, lr: number, message: string): Stopped {
  return { reason, epoch, step, lr, message };
}

/**
 * Ends the run as diverged; `what` became non-finite at `step`. `message` replaces the usual
 * advice (a smaller rate) where it would mislead. Returns false: do not go on.
 */
export function diverge(state: RunState, what: string, epoch: number, step: number, lr: number, message?: string): false {
  state.history.stopped = stop(
    StopReason.Diverged,
    epoch,
    step,
    lr,
    message ?? `${what} diverged at step ${step} (lr ${formatNumber(lr)}): try a smaller learning rate or a warmup`,
  );
  state.unsaved = true;
  return false;
}

/** Why a run stopped on a metric that is not a finite number. */
export function nonFiniteMetric(name: string, value: number, where: string): string {
  return `metric ${name} was ${value} at ${where}: a metric must give a finite number (the run stopped, so that its checkpoints stay readable)`;
}
