import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * Called with the temporary file's path once it is fully written and synced, just before the
   * rename. For tests: a hook that throws or exits the process simulates a crash at the worst
   * moment, and the file at `path` must still be the old one.
   */
  readonly beforeRename?: (tempPath: string) => void;
}

let sequence = 0;

/**
 * Replaces the file at `path` with `text` (UTF-8) atomically: writes a temporary file in the same
 * directory (same file system, so the rename is atomic on POSIX), fsyncs it, then renames it over
 * `path`. A crash at any moment leaves either the old file whole or the new one whole, never half
 * of one. On an error the temporary file is removed and the error rethrown.
 *
 * @example
 * writeFileAtomic('run.ckpt.json', JSON.stringify(state));
 */
export function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): void {
  sequence += 1;
  // A dot file beside the target: same directory, hidden from a casual `ls`, unique per process
  // and call; 'wx' refuses to reuse a name a crashed writer left behind.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${sequence}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a directory: skip there. */
function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // fsync on a directory is refused on some file systems; the data itself is already synced.
  } finally {
    closeSync(fd);
  }
}
