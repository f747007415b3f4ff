import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { isRecord, show } from './check.js';
import { maxCheckpointDepth, nestingDepth } from './checkpoint-parse.js';
import type { EpochRecord, StepRecord } from './history.js';

/**
 * A checkpoint file's history log: the step and epoch records, appended a chunk (one JSON line)
 * per save, so that a save writes only what is new. The checkpoint keeps this reference to it;
 * the hash chains every chunk (`sha256(previous hash + line)`), so the log is checked whole
 * without rehashing it on every save.
 */
export interface HistoryLogRef {
  /** The log's file name, in the checkpoint's directory. */
  readonly file: string;
  readonly chunks: number;
  /** Step and epoch records in those chunks. */
  readonly steps: number;
  readonly epochs: number;
  /** Bytes of those chunks; a failed or crashed append may leave more after them, which are ignored. */
  readonly bytes: number;
  readonly hash: string;
}

/** The chain's next link. */
export function chainHash(previous: string, line: string): string {
  return createHash('sha256').update(previous).update(line).digest('hex');
}

/** A new, empty log for the checkpoint `base` (its file name): a random name, created on first write. */
export function newLog(base: string): HistoryLogRef {
  return { file: `${base}.${randomBytes(6).toString('hex')}.history`, chunks: 0, steps: 0, epochs: 0, bytes: 0, hash: '' };
}

/**
 * Appends the records after those `log` holds, written at offset `log.bytes` and fsynced; returns
 * the longer log's reference. Bytes before `log.bytes` are never touched and the file is never
 * truncated: only the writer that created a log appends to it (see `CheckpointFile`), always at
 * the end of what it last appended, so no checkpoint that references a prefix of it can break.
 */
export function appendToLog(path: string, log: HistoryLogRef, steps: readonly StepRecord[], epochs: readonly EpochRecord[]): HistoryLogRef {
  const line = `${JSON.stringify({ steps: steps.slice(log.steps), epochs: epochs.slice(log.epochs) })}\n`;
  const bytes = Buffer.from(line, 'utf8');
  // 'wx' for a new log: its name is random, so an existing file there is not ours to reuse.
  const fd = openSync(path, log.chunks === 0 ? 'wx' : 'r+', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, log.bytes + written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return {
    file: log.file,
    chunks: log.chunks + 1,
    steps: steps.length,
    epochs: epochs.length,
    bytes: log.bytes + bytes.length,
    hash: chainHash(log.hash, line),
  };
}

/** A reference as read from a checkpoint file: checked field by field, `name` starting errors. */
export function checkLogRef(x: unknown, name: string): HistoryLogRef {
  const bad = (field: string, rule: string, value: unknown) =>
    new Error(`${name} is malformed: historyLog${field} must be ${rule}, got ${show(value)}`);
  if (!isRecord(x)) throw bad('', 'an object', x);
  const file = x['file'];
  if (typeof file !== 'string' || !/^[^/\\]+\.history$/.test(file) || file.startsWith('.')) {
    throw bad('.file', 'a file name ending in .history', file);
  }
  for (const field of ['chunks', 'steps', 'epochs', 'bytes']) {
    const value = x[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad(`.${field}`, 'an integer >= 0', value);
  }
  if (typeof x['hash'] !== 'string') throw bad('.hash', 'a string', x['hash']);
  return x as unknown as HistoryLogRef;
}

/**
 * The records of the first `log.chunks` chunks of `bytes` (the log file's content), checked
 * against the reference: length, chained hash, counts. `name` names the log in errors.
 */
export function readLog(bytes: Buffer, log: HistoryLogRef, name: string): { steps: unknown[]; epochs: unknown[] } {
  if (bytes.length < log.bytes) {
    throw new Error(`${name} is truncated: it must hold at least ${log.bytes} bytes, got ${bytes.length}`);
  }
  const lines = bytes.subarray(0, log.bytes).toString('utf8').split('\n');
  lines.pop(); // the text after the last newline: empty
  const corrupt = new Error(`${name} is corrupt: its records do not match the checkpoint's hash (changed after it was written)`);
  if (lines.length !== log.chunks) throw corrupt;
  let hash = '';
  for (const line of lines) hash = chainHash(hash, `${line}\n`);
  if (hash !== log.hash) throw corrupt;
  const steps: unknown[] = [];
  const epochs: unknown[] = [];
  for (const line of lines) {
    if (nestingDepth(line) > maxCheckpointDepth) throw new Error(`${name} is nested more than ${maxCheckpointDepth} deep`);
    const chunk = JSON.parse(line) as unknown;
    if (!isRecord(chunk) || !Array.isArray(chunk['steps']) || !Array.isArray(chunk['epochs'])) throw corrupt;
    for (const step of chunk['steps']) steps.push(step);
    for (const epoch of chunk['epochs']) epochs.push(epoch);
  }
  if (steps.length !== log.steps || epochs.length !== log.epochs) throw corrupt;
  return { steps, epochs };
}
