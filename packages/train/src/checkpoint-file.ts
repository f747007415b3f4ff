import { readFileSync } from 'node:fs';
import { type AtomicWriteOptions, writeFileAtomic } from './atomic-write.js';
import { type Checkpoint, serializeCheckpoint } from './checkpoint-format.js';
import { parseCheckpoint } from './checkpoint-parse.js';

/**
 * Writes `checkpoint` to `path` as one JSON file with a checksum, atomically (temporary file in
 * the same directory, fsync, rename): a crash leaves the previous checkpoint whole. Node only.
 *
 * @param path - the checkpoint file
 * @param checkpoint - as `fit` hands it to `checkpoint.save`
 * @param options - see `writeFileAtomic`
 */
export function saveCheckpoint(path: string, checkpoint: Checkpoint, options: AtomicWriteOptions = {}): void {
  writeFileAtomic(path, serializeCheckpoint(checkpoint), options);
}

/**
 * Reads and validates the checkpoint at `path` (see `parseCheckpoint`), touching nothing else.
 * A missing, unreadable, empty, truncated, corrupt or wrong-version file is refused with an
 * `Error` that names the file and what is wrong. Node only.
 *
 * @param path - the checkpoint file
 * @example
 * const checkpoint = loadCheckpoint('runs/moons.json');
 * checkpoint.completedEpochs; // 20
 */
export function loadCheckpoint(path: string): Checkpoint {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`checkpoint ${path} does not exist`);
    throw new Error(`checkpoint ${path} cannot be read: ${(error as Error).message}`);
  }
  return parseCheckpoint(text, path);
}
