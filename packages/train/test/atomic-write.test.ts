import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../src/atomic-write.js';
import { tempDir } from './fixtures.js';

describe('writeFileAtomic', () => {
  test('creates the file, then replaces it whole, leaving no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second, longer ✓');
    expect(readFileSync(path, 'utf8')).toBe('second, longer ✓');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  test('before the rename the old file is untouched and the new text is complete in a sibling', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old');
    let seen: { target: string; temp: string; sameDir: boolean } | undefined;
    expect(() =>
      writeFileAtomic(path, 'new', {
        beforeRename(temp) {
          seen = { target: readFileSync(path, 'utf8'), temp: readFileSync(temp, 'utf8'), sameDir: temp.startsWith(dir) };
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(seen).toEqual({ target: 'old', temp: 'new', sameDir: true });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['state.json']); // the failed write cleaned up its temporary file
  });

  test('a failed rename leaves the target as it was and removes the temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'chart.svg');
    mkdirSync(join(path, 'inside'), { recursive: true }); // a non-empty directory cannot be renamed over
    expect(() => writeFileAtomic(path, '<svg/>')).toThrow(/^E[A-Z]+: /);
    expect(readdirSync(dir)).toEqual(['chart.svg']);
    expect(readdirSync(path)).toEqual(['inside']);
  });

  test('a write into a missing directory fails with the system error and creates nothing', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(join(dir, 'missing', 'state.json'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
