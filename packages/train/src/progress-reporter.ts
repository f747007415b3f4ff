import type { EpochRecord, History, StepRecord } from './history.js';

/** The run a reporter is told about at the start. */
export interface ProgressRun {
  /** Total epochs of the run (also when resuming). */
  readonly epochs: number;
  /** Epoch index this call starts at (0, or the checkpoint's completed epochs). */
  readonly startEpoch: number;
  /** Updates per epoch. */
  readonly stepsPerEpoch: number;
}

/**
 * What `fit` tells about its progress, for `fit`'s `progress` option. `@etagrad/train` itself
 * never prints: a terminal bar is the CLI's (`@etagrad/cli`), a web page draws its own.
 */
export interface ProgressReporter {
  /**
   * Before the first update.
   *
   * @param run - the run's epochs, the epoch it starts at, and its updates per epoch
   */
  start(run: ProgressRun): void;
  /**
   * After every update, with its record.
   *
   * @param record - the update's record
   */
  step(record: StepRecord): void;
  /**
   * After every epoch, with its record.
   *
   * @param record - the epoch's record
   */
  epoch(record: EpochRecord): void;
  /**
   * When the run ends, however it ends (also on an error).
   *
   * @param history - the run's history so far
   */
  end(history: History): void;
  /**
   * A one-line notice about the run, such as `fit`'s `compile` falling back to the eager engine.
   * Optional.
   *
   * @param message - the notice, one line
   */
  notice?(message: string): void;
}

/** The reporter used without a `progress` option: it reports nothing. */
export const silentReporter: ProgressReporter = Object.freeze({ start() {}, step() {}, epoch() {}, end() {} });
