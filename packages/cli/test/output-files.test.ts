import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { filesIn, runMain as run, xmlProblem } from './helpers.js';

// Issue 9 §1 through the command: whatever the user names with --svg or --save, nothing but a
// regular file (or no file) is ever replaced, and a path that cannot be written is bad input
// (exit 2), found before any work.

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


/** A fresh directory under the scratch one. */
function dir(name: string): string {
  const path = join(scratch, name);
  mkdirSync(path);
  return path;
}

const TRAIN = ['train', '--epochs', '1', '--batch-size', '150'];

describe('--svg never destroys what is at its path', () => {
  test('/dev/null is refused with exit code 2 before any work; it stays a device', async () => {
    const { code, stdout, stderr } = await run(['plot', 'constant(0.1)', '--svg', '/dev/null']);
    expect(code).toBe(2);
    expect(stdout).toBe(''); // not even the chart: the path is checked first
    expect(stderr).toBe('etagrad plot: --svg must be a regular file or a new file, got /dev/null (a character device)\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a directory is refused', async () => {
    const where = dir('svg-dir');
    const { code, stderr } = await run(['plot', 'constant(0.1)', '--svg', where]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad plot: --svg must be a regular file or a new file, got ${where} (a directory)\n`);
  });

  test('a missing directory is refused, naming the path given', async () => {
    const path = join(scratch, 'no-such-dir', 'lr.svg');
    const { code, stdout, stderr } = await run(['plot', 'constant(0.1)', '--svg', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `etagrad plot: --svg must be in an existing directory, got ${path} (no directory ${join(scratch, 'no-such-dir')})\n`,
    );
  });

  test('a read-only file is refused (mode bits, also for root) and kept', async () => {
    const path = join(dir('read-only'), 'lr.svg');
    writeFileSync(path, 'kept');
    chmodSync(path, 0o444);
    const { code, stderr } = await run(['plot', 'constant(0.1)', '--svg', path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad plot: --svg must be a file with write permission, got ${path} (mode 0444)\n`);
    expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  test("--svg - writes only the SVG, to stdout", async () => {
    const { code, stdout, stderr } = await run(['plot', 'cosine({ initial: 0.1, steps: 50 })', '--svg', '-']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    expect(xmlProblem(stdout.trim())).toBeNull();
  });
});

describe('etagrad train --svg', () => {
  test('writes the training chart as SVG, atomically', async () => {
    const where = dir('train-svg');
    const path = join(where, 'run.svg');
    const { code, stdout } = await run([...TRAIN, '--svg', path]);
    expect(code).toBe(0);
    expect(stdout).toContain(`chart written to ${path}`);
    expect(xmlProblem(readFileSync(path, 'utf8').trim())).toBeNull();
    expect(readdirSync(where)).toEqual(['run.svg']);
  });

  test('--svg - writes only the SVG to stdout', async () => {
    const { code, stdout, stderr } = await run([...TRAIN, '--svg', '-']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(xmlProblem(stdout.trim())).toBeNull();
  });

  test('--svg - with --json is bad input: both would go to stdout', async () => {
    const { code, stderr } = await run([...TRAIN, '--svg', '-', '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe('etagrad train: --svg - and --json both write to stdout: give --svg a file\n');
  });

  test('/dev/null is refused before training', async () => {
    const { code, stdout, stderr } = await run([...TRAIN, '--svg', '/dev/null']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('etagrad train: --svg must be a regular file or a new file, got /dev/null (a character device)\n');
  });
});

describe('--save is checked before training starts', () => {
  test('a missing directory is bad input (exit 2): no epoch is trained', async () => {
    const path = join(scratch, 'missing', 'run.json');
    const { code, stdout, stderr } = await run([...TRAIN, '--save', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `etagrad train: --save must be in an existing directory, got ${path} (no directory ${join(scratch, 'missing')})\n`,
    );
  });

  test('an empty path is bad input', async () => {
    const { code, stdout, stderr } = await run([...TRAIN, '--save', '']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('etagrad train: --save must be a file path, got ""\n');
  });

  test('a directory is bad input', async () => {
    const where = dir('save-dir');
    const { code, stderr } = await run([...TRAIN, '--save', where]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad train: --save must be a regular file or a new file, got ${where} (a directory)\n`);
  });

  test('/dev/null is bad input and stays a device', async () => {
    const { code, stderr } = await run([...TRAIN, '--save', '/dev/null', '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe('etagrad train: --save must be a regular file or a new file, got /dev/null (a character device)\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a read-only checkpoint is refused, not replaced', async () => {
    const path = join(dir('save-read-only'), 'run.json');
    writeFileSync(path, 'kept');
    chmodSync(path, 0o400);
    const { code, stderr } = await run([...TRAIN, '--save', path, '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad train: --save must be a file with write permission, got ${path} (mode 0400)\n`);
    expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  test('a 0600 checkpoint stays 0600, and no temporary file is left', async () => {
    const where = dir('save-mode');
    const path = join(where, 'run.json');
    writeFileSync(path, '');
    chmodSync(path, 0o600);
    const { code } = await run([...TRAIN, '--save', path, '--json']);
    expect(code).toBe(0);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
    expect(filesIn(where)).toEqual(['run.json', 'run.json.history']);
  });
});
