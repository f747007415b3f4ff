import { closeSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { checkString } from '@etagrad/check';
import type { Journal } from '../journal.js';

/**
 * A journal in a file of JSON lines: each line is appended and flushed to disk (`fsync`) before
 * the search goes on, so an interrupted search (Ctrl-C, a crash, `kill -9`) loses no finished
 * trial. A last line cut short by a crash mid-write is dropped when the journal is read.
 *
 * @param path The journal file; created when missing.
 * @example
 * await randomSearch(space, './objective.mjs', { trials: 16, journal: fileJournal('search.jsonl') });
 */
export function fileJournal(path: string): Journal {
  checkString('fileJournal', 'path', path);
  return {
    name: path,
    async read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw error;
      }
      const complete = text.lastIndexOf('\n') + 1;
      // A crash mid-append leaves a line without its newline: cut it, so the next line starts clean.
      if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
      return text.slice(0, complete);
    },
    async append(line) {
      const fd = openSync(path, 'a');
      try {
        writeSync(fd, `${line}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
