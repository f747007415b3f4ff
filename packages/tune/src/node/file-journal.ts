import { closeSync, existsSync, fsyncSync, lstatSync, openSync, truncateSync, writeSync } from 'node:fs';
import { checkString } from '@etagrad/check';
import { readBounded } from '@etagrad/train/node';
import type { Journal } from '../journal.js';

/** The largest journal read: about a million trials' lines. */
const MAX_BYTES = 1 << 28;

/**
 * A journal in a file of JSON lines: each line is appended and flushed to disk (`fsync`) before
 * the search goes on, so an interrupted search (Ctrl-C, a crash, `kill -9`) loses no finished
 * trial. A last line cut short by a crash mid-write is dropped when the journal is read. The
 * journal must be a regular file (or none yet) of at most 256 MiB: anything else is refused when
 * it is read, before a trial runs. A journal this one found missing is created by its first line
 * (the header) exclusively: when two searches start on one new journal at once, the second is
 * refused instead of writing a second header into it (which would make it unreadable).
 *
 * @param path The journal file; created when missing.
 * @example
 * await randomSearch(space, './objective.mjs', { trials: 16, journal: fileJournal('search.jsonl') });
 */
export function fileJournal(path: string): Journal {
  checkString('fileJournal', 'path', path);
  // Whether read() found nothing at `path`: then the first append creates the file, exclusively.
  // (A dangling symlink is appended through, creating its target, as before.)
  let creating = false;
  return {
    name: path,
    async read() {
      // a regular file only: a device (/dev/zero) would be read until memory ran out, a FIFO block
      if (!existsSync(path)) {
        creating = lstatSync(path, { throwIfNoEntry: false }) === undefined;
        return '';
      }
      creating = false;
      const text = readBounded(path, MAX_BYTES, `fileJournal: the journal ${path}`).toString('utf8');
      const complete = text.lastIndexOf('\n') + 1;
      // A crash mid-append leaves a line without its newline: cut it, so the next line starts clean.
      if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
      return text.slice(0, complete);
    },
    async append(line) {
      const create = creating;
      creating = false;
      let fd: number;
      try {
        fd = openSync(path, create ? 'wx' : 'a');
      } catch (error) {
        if (!create || (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        throw new Error(`fileJournal: the journal ${path} must be written by one search at a time, got one that another search created since this one read it`);
      }
      try {
        writeSync(fd, `${line}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
