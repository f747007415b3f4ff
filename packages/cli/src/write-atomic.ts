import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` through a temporary file in the same directory, flushed and then
 * renamed over the target: a crash or a full disk leaves either the old file or the new one,
 * never half of one. The temporary file is removed if anything fails, and the error names `path`
 * and the reason (`cannot write out/lr.svg: ENOENT: no such file or directory`).
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    // Node's message names the temporary file ("ENOENT: no such file or directory, open '...tmp'"):
    // keep its reason, name the file the user asked for.
    const reason = error instanceof Error ? (error.message.split(', ')[0] ?? error.message) : String(error);
    throw new Error(`cannot write ${path}: ${reason}`, { cause: error });
  }
}
