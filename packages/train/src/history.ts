/**
 * What `fit` returns and what a checkpoint keeps of a run: one record per update, one per epoch,
 * and why training ended early. Plain JSON (no NaN, no Infinity), so it saves and reloads as is.
 *
 * Counting: `step` is the optimizer's update index from 0, as in the schedules (`lr(step)` is the
 * rate of update `step`); `epoch` is the pass index from 0 (a progress display shows it as
 * `epoch + 1`, and so do the `stopped` messages, as Keras does).
 */

/** One optimizer update. */
export interface StepRecord {
  /** Update index from 0 (the optimizer's `stepCount` before the update). */
  readonly step: number;
  /** Epoch index from 0. */
  readonly epoch: number;
  /** The batch loss this update descended (before the update). */
  readonly loss: number;
  /** The learning rate this update used (group 0): the schedule's value at `step` times `lrScale`. */
  readonly lr: number;
}

/** One pass over the training set. */
export interface EpochRecord {
  /** Epoch index from 0. */
  readonly epoch: number;
  /** Updates completed by the end of this epoch (counting all earlier epochs). */
  readonly steps: number;
  /**
   * Mean training loss over the epoch's samples: each batch's loss weighted by its size, measured
   * while training (Keras's convention: the model moves during the epoch).
   */
  readonly loss: number;
  /** Each metric on the training batches, weighted the same way as `loss`. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Loss on `validation` at the end of the epoch, in eval mode; `null` without validation. */
  readonly valLoss: number | null;
  /** Each metric on `validation`; `null` without validation. */
  readonly valMetrics: Readonly<Record<string, number>> | null;
  /** The learning rate of the epoch's last update (group 0). */
  readonly lr: number;
  /** The optimizer's `lrScale` after this epoch (reduce-on-plateau's multiplier; 1 without it). */
  readonly lrScale: number;
}

/** Why a run ended before its last epoch. */
export const StopReason = {
  /** The loss (or a parameter) became non-finite; the model is at its last finite state. */
  Diverged: 'diverged',
  /** The monitored quantity stopped improving for `patience` epochs. */
  EarlyStopping: 'earlyStopping',
  /** A callback returned `'stop'`. */
  Callback: 'callback',
  /** `fitAsync`'s signal was aborted; the run stopped after the update under way. */
  Aborted: 'aborted',
} as const;
export type StopReason = (typeof StopReason)[keyof typeof StopReason];

/** The reason, where and at which learning rate training stopped, and a sentence for people. */
export interface Stopped {
  readonly reason: StopReason;
  /** Epoch index from 0 in which training stopped. */
  readonly epoch: number;
  /** For `diverged` the update that failed (not applied); otherwise updates completed. */
  readonly step: number;
  /** For `diverged` the rate of the failed update; otherwise that of the last update. */
  readonly lr: number;
  /** E.g. `loss diverged at step 37 (lr 2.5): try a smaller learning rate or a warmup`. */
  readonly message: string;
}

/** Everything `fit` learned about a run. Resuming from a checkpoint continues its history. */
export interface History {
  readonly steps: StepRecord[];
  readonly epochs: EpochRecord[];
  stopped: Stopped | null;
}

/** An empty history. */
export function emptyHistory(): History {
  return { steps: [], epochs: [], stopped: null };
}
