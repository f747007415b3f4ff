import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type AtomicWriteOptions, checkOutputPath, OutputPathError, writeFileAtomic } from './atomic-write.js';
import { checkKeys, checkObject, checkPositiveInteger, checkString, isRecord, show } from './check.js';
import { type Checkpoint, checkpointText } from './checkpoint-format.js';
import type { CheckpointOptions } from './fit-options.js';
import { checkCheckpointFields, readCheckpointText } from './checkpoint-parse.js';
import { appendToLog, checkLogRef, type HistoryLogRef, newLog, readLog } from './history-log.js';
import { readBounded } from './read-bounded.js';

/** Options of {@link loadCheckpoint}. */
export interface LoadCheckpointOptions {
  /** The largest checkpoint (and history log) file read, in bytes. Default 256 MiB. */
  readonly maxBytes?: number;
}

/** 256 MiB: far above any checkpoint etagrad writes, far below what exhausts a process. */
export const defaultMaxCheckpointBytes = 256 * 1024 * 1024;

const nativeSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * One checkpoint file and its history log (`<name>.<random>.history` beside it). A save rewrites
 * the checkpoint (model, optimizer, generator: a size that does not grow with the run) and appends
 * only the new step and epoch records to the log, so its cost does not grow with the run's length.
 * `saveCheckpoint`, `loadCheckpoint` and `fit`'s files use it; keep one per file for a run (as
 * `@etagrad/cli` does with `fitAsync`'s `checkpoint.save`), so that each save only appends.
 *
 * The rule that keeps every checkpoint loadable: a `CheckpointFile` writes only to a log it
 * created itself. Its first save starts a new log (a random name, created exclusively) holding
 * the whole history so far, resumed records included; later saves append to that log, at the end
 * of what it last wrote, and never truncate or rewrite it. A log it loaded is only read: a copy
 * of the checkpoint, a second run resumed from the same file, a renamed file all keep the log
 * they point at intact. No log is ever deleted, as a copy may still point at it.
 */
export class CheckpointFile {
  readonly path: string;
  readonly #maxBytes: number;
  readonly #write: AtomicWriteOptions;
  /** The log this object created and appends to; null before its first save. */
  #log: HistoryLogRef | null = null;
  /** The log's directory, found on the first save or load. */
  #logDirectory: string | null = null;

  /**
   * The checkpoint file at `path`, and its history log beside it.
   *
   * @param path - the checkpoint file
   * @param maxBytes - the read limit (see {@link LoadCheckpointOptions})
   * @param write - passed to `writeFileAtomic`
   */
  constructor(path: string, maxBytes = defaultMaxCheckpointBytes, write: AtomicWriteOptions = {}) {
    this.path = path;
    this.#maxBytes = maxBytes;
    this.#write = write;
  }

  /** The directory the log lives in (see {@link logDirectory}). */
  #directory(): string {
    this.#logDirectory ??= logDirectory(this.path);
    return this.#logDirectory;
  }

  /**
   * Saves `checkpoint`: appends its new history to the log, then replaces the checkpoint file.
   *
   * @param checkpoint - as `fit` hands it to `checkpoint.save` (extra plain-JSON fields are kept)
   */
  save(checkpoint: Checkpoint): void {
    const { steps, epochs, stopped } = checkpoint.history;
    let log = this.#log;
    // A history that is not a continuation of our log (another run saved through us) starts a new log.
    if (log === null || log.steps > steps.length || log.epochs > epochs.length) log = newLog(basename(this.path));
    const next = appendToLog(join(this.#directory(), log.file), log, steps, epochs);
    // Ours from here on, even if the checkpoint is not written: the next append goes after these bytes.
    this.#log = next;
    const fields = { ...checkpoint, history: { steps: [], epochs: [], stopped }, historyLog: next };
    writeFileAtomic(this.path, checkpointText(fields, nativeSha256), this.#write);
  }

  /**
   * Reads and validates the checkpoint and its whole history. The log is only read: the next
   * save starts a log of this object's own. A file without a log (`serializeCheckpoint`'s text,
   * history inline) is read as it is.
   */
  load(): Checkpoint {
    const name = `checkpoint ${this.path}`;
    const fields = readCheckpointText(readBounded(this.path, this.#maxBytes, name, 'with maxBytes').toString('utf8'), this.path);
    if (!('historyLog' in fields)) return checkCheckpointFields(fields, this.path);
    const { historyLog, ...rest } = fields;
    const log = checkLogRef(historyLog, name);
    const logName = `${name}: its history log ${log.file}`;
    const records = readLog(readBounded(join(this.#directory(), log.file), this.#maxBytes, logName, 'with maxBytes'), log, logName);
    const history = isRecord(rest['history']) ? rest['history'] : {};
    return checkCheckpointFields({ ...rest, history: { ...history, ...records } }, this.path);
  }
}

/** `maxBytes` of loading options, checked. */
export function checkMaxBytes(owner: string, name: string, options: unknown, known: readonly string[] = ['maxBytes']): number {
  const record = checkObject(owner, name, options);
  checkKeys(owner, name, record, known);
  const field = name === 'options' ? 'maxBytes' : `${name}.maxBytes`;
  return checkPositiveInteger(owner, field, record['maxBytes'] ?? defaultMaxCheckpointBytes);
}

/**
 * Writes `checkpoint` to `path`: the checkpoint file, replaced atomically (temporary file in the
 * same directory, fsync, rename: a crash leaves the previous checkpoint whole), and its history in
 * a new log file beside it (`<name>.<random>.history`; the previous one is left, as a copy of the
 * checkpoint may point at it). Node only.
 *
 * @param path - the checkpoint file
 * @param checkpoint - as `fit` hands it to `checkpoint.save`
 * @param options - see `writeFileAtomic`
 */
export function saveCheckpoint(path: string, checkpoint: Checkpoint, options: AtomicWriteOptions = {}): void {
  checkString('saveCheckpoint', 'path', path);
  if (!isRecord(checkpoint) || !isRecord(checkpoint['history'])) {
    throw new TypeError(`saveCheckpoint: checkpoint must be a checkpoint object from fit, got ${show(checkpoint)}`);
  }
  new CheckpointFile(path, defaultMaxCheckpointBytes, options).save(checkpoint);
}

/**
 * Reads and validates the checkpoint at `path` and its history log, touching nothing else. A
 * missing, unreadable, empty, truncated, corrupt or wrong-version file is refused with an `Error`
 * that names the file and what is wrong; so is anything but a regular file (`/dev/zero`), a file
 * over `maxBytes`, and JSON nested over 1,000 deep. Node only.
 *
 * @param path - the checkpoint file
 * @param options - `maxBytes`, the read limit (default 256 MiB)
 * @example
 * const checkpoint = loadCheckpoint('runs/moons.json');
 * checkpoint.completedEpochs; // 20
 */
export function loadCheckpoint(path: string, options: LoadCheckpointOptions = {}): Checkpoint {
  checkString('loadCheckpoint', 'path', path);
  return new CheckpointFile(path, checkMaxBytes('loadCheckpoint', 'options', options)).load();
}

/**
 * `fit`'s `checkpoint` option for a file, for code that calls the browser-safe `fit` or
 * `fitAsync` in Node, or that adds fields of its own to each checkpoint before saving it
 * (`save: (c) => file.save({ ...c, mine })`: they are kept and read back by `loadCheckpoint`).
 * Saves as `@etagrad/train/node`'s `fit` does: the history appended to a log, the rest replaced
 * atomically, so a save costs the same at any point of a run. Node only.
 *
 * @param path - the checkpoint file
 * @param options - `every`: save every `every` epochs (default 1; the last is saved regardless)
 * @example
 * const file = checkpointFile('run.json', { every: 5 });
 * await fitAsync(model, { ...options, checkpoint: file, signal });
 */
export function checkpointFile(path: string, options: { readonly every?: number } = {}): CheckpointOptions {
  const owner = 'checkpointFile';
  checkKeys(owner, 'options', checkObject(owner, 'options', options), ['every']);
  const every = checkPositiveInteger(owner, 'every', options.every ?? 1);
  const file = checkpointTarget(owner, 'path', path);
  return { save: (checkpoint) => file.save(checkpoint), every };
}

/**
 * The checkpoint file a run will save to, checked before the run starts: a non-empty path where
 * a file can be written (`checkOutputPath`: a regular file or a new one, in a directory that takes
 * new files), so that a run is not trained only to fail at its first save, leaving its history
 * log behind. A refusal names the option: `fit: checkpoint.path must be a regular file or a new
 * file, got /dev/null (a character device)`.
 *
 * @param owner - the function called, first in the message
 * @param name - the option as the user wrote it (`'checkpoint.path'`)
 * @param path - the path given
 */
export function checkpointTarget(owner: string, name: string, path: unknown): CheckpointFile {
  const file = checkString(owner, name, path);
  if (file === '') throw new RangeError(`${owner}: ${name} must be a file path, got ''`);
  try {
    checkOutputPath(file);
  } catch (error) {
    if (error instanceof OutputPathError) throw new RangeError(`${owner}: ${name} ${error.problem}`);
    throw error;
  }
  checkRoomForLog(owner, name, file);
  return new CheckpointFile(file);
}

/**
 * Proves that the history log's name (the checkpoint's plus 21 characters) can be created beside
 * `file`, as `checkOutputPath` proved the checkpoint's own: a name near the file system's limit
 * (255 bytes) would otherwise pass and fail at the first save, after a run's first epoch.
 */
function checkRoomForLog(owner: string, name: string, file: string): void {
  const probe = join(logDirectory(file), newLog(basename(file)).file);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new RangeError(`${owner}: ${name} must leave room for its history log's name (21 more characters), got ${file} (${reason})`);
  }
}

/** The directory a checkpoint's history log lives in: that of the file a symbolic link at `path` ends at. */
function logDirectory(path: string): string {
  return dirname(existsSync(path) ? realpathSync(path) : path);
}
