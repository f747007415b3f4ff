/**
 * What needs Node: file journals, module objectives on worker threads, BullMQ.
 *
 * @module @etagrad/tune/node
 */

export { fileJournal } from './file-journal.js';
export { loadObjective, objectiveRef, type ObjectiveRef } from './objective-ref.js';
export { threadExecutor } from './thread-executor.js';
export { bullmqExecutor, type BullmqExecutorOptions } from './bullmq-executor.js';
export { runWorker, type RunWorkerOptions, type TuneWorker } from './bullmq-worker.js';
export { defaultQueue, type Connection } from './bullmq-options.js';
export {
  gridSearch,
  randomSearch,
  successiveHalving,
  type GridSearchOptions,
  type NodeObjective,
  type NodeSearchOptions,
  type RandomSearchOptions,
  type SuccessiveHalvingOptions,
} from './searches.js';
