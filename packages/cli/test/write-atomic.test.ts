import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeFileAtomic } from '../src/write-atomic.js';

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-atomic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('replaces the file whole and leaves no temporary file', () => {
  const path = join(scratch, 'chart.svg');
  writeFileSync(path, 'old');
  writeFileAtomic(path, '<svg/>');
  expect(readFileSync(path, 'utf8')).toBe('<svg/>');
  expect(readdirSync(scratch)).toEqual(['chart.svg']);
});

test('a failed rename leaves the target as it was and removes the temporary file', () => {
  const dir = join(scratch, 'target-is-a-directory');
  mkdirSync(join(dir, 'chart.svg'), { recursive: true });
  expect(() => writeFileAtomic(join(dir, 'chart.svg'), '<svg/>')).toThrow(/^cannot write .*chart\.svg: E/);
  expect(readdirSync(dir)).toEqual(['chart.svg']);
});

test('a missing directory is an error, and nothing is written', () => {
  const path = join(scratch, 'no-such-dir', 'chart.svg');
  expect(() => writeFileAtomic(path, '<svg/>')).toThrow(`cannot write ${path}: ENOENT: no such file or directory`);
});
