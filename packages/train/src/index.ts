/**
 * The training loop. This entry runs anywhere (browsers, Web Workers, Node): no Node built-ins.
 * Checkpoint files are in `@etagrad/train/node`.
 *
 * @module @etagrad/train
 */
export {
  type Checkpoint,
  type EpochInProgress,
  checkpointFormat,
  checkpointVersion,
  serializeCheckpoint,
} from './checkpoint-format.js';
export { parseCheckpoint } from './checkpoint-parse.js';
export {
  earlyStopping,
  observeEarlyStopping,
  initialEarlyStoppingState,
  type EarlyStopping,
  type EarlyStoppingOptions,
  type EarlyStoppingState,
  type EarlyStoppingVerdict,
} from './early-stopping.js';
export {
  StopReason,
  emptyHistory,
  type EpochRecord,
  type History,
  type StepRecord,
  type Stopped,
} from './history.js';
export { type ProgressReporter, type ProgressRun } from './progress-reporter.js';
export { evaluate, type EvaluateOptions } from './evaluate.js';
export { fit } from './fit.js';
export { fitAsync } from './fit-async.js';
export {
  type AbortSignalLike,
  type CallbackResult,
  type Callbacks,
  type CheckpointOptions,
  type FitAsyncOptions,
  type FitBaseOptions,
  type FitOptions,
} from './fit-options.js';
export { type Metrics } from './metrics.js';
export { restoreCheckpoint, type RestoreTargets } from './restore-checkpoint.js';
export { formatNumber, formatDuration } from './format.js';
