export { checkOutputPath, OutputPathError, writeFileAtomic, type AtomicWriteOptions } from './atomic-write.js';
export { type Checkpoint, checkpointFormat, checkpointVersion } from './checkpoint-format.js';
export { parseCheckpoint } from './checkpoint-parse.js';
export { loadCheckpoint, saveCheckpoint } from './checkpoint-file.js';
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
export {
  progressReporter,
  type ProgressOptions,
  type ProgressReporter,
  type ProgressRun,
  type ProgressStream,
} from './progress.js';
export { evaluate, type EvaluateOptions } from './evaluate.js';
export { fit } from './fit.js';
export { type CallbackResult, type Callbacks, type CheckpointOptions, type FitOptions } from './fit-options.js';
export { type Metrics } from './metrics.js';
export { restoreCheckpoint, type RestoreTargets } from './restore-checkpoint.js';
export { formatNumber, formatDuration } from './format.js';
