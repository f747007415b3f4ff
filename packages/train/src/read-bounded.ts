import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { kindOf } from './atomic-write.js';

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them: a device (`/dev/zero`, which
 * would be read until memory runs out), a directory, a FIFO (which would block the open) or a
 * socket is refused before it is opened, and so is a larger file, each with an `Error` whose
 * message starts with `name`.
 *
 * @param path - the file to read (symbolic links are followed)
 * @param maxBytes - the largest size accepted, in bytes
 * @param name - what the file is, first in every message (`checkpoint run.json`)
 * @param raise - how a caller raises the limit, added to the size message when given
 *   (`'with maxBytes'` gives `... at most 100 bytes (raise the limit with maxBytes), got ...`)
 * @example
 * readBounded('search.json', 1 << 20, 'the search file search.json').toString('utf8');
 */
export function readBounded(path: string, maxBytes: number, name: string, raise?: string): Buffer {
  const stats = statOrThrow(path, name);
  if (!stats.isFile()) throw new Error(`${name} must be a regular file, got ${kindOf(stats)}`);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      const hint = raise === undefined ? '' : ` (raise the limit ${raise})`;
      throw new Error(`${name} must be at most ${maxBytes} bytes${hint}, got ${size} bytes`);
    }
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function statOrThrow(path: string, name: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${name} does not exist`);
    throw new Error(`${name} cannot be read: ${(error as Error).message}`);
  }
}
