/**
 * What needs Node's file system. Everything of `@etagrad/train` is here too, except that `fit`
 * and `fitAsync` take checkpoint files (paths) rather than functions.
 *
 * @module @etagrad/train/node
 */
export * from './index.js';
export { checkOutputPath, kindOf, OutputPathError, writeFileAtomic, type AtomicWriteOptions } from './atomic-write.js';
export { CheckpointFile, checkpointFile, loadCheckpoint, saveCheckpoint, type LoadCheckpointOptions } from './checkpoint-file.js';
export { readBounded } from './read-bounded.js';
export {
  fit,
  fitAsync,
  type FileCheckpointOptions,
  type FileFitAsyncOptions,
  type FileFitOptions,
} from './fit-files.js';
