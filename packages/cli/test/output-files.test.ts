import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { filesIn, root, runMain as run, xmlProblem } from './helpers.js';

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
/** The example search: checked before any trial, so these tests run none. */
const SEARCH = join(root, 'examples', 'search.json');

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

describe('two flags never name the same file', () => {
  test('--save and --svg on one path are bad input before training: no checkpoint is replaced by the chart', async () => {
    const where = dir('same-save-svg');
    const path = join(where, 'run.json');
    const { code, stdout, stderr } = await run([...TRAIN, '--save', path, '--svg', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`etagrad train: --svg must be another file than --save's, got ${path}\n`);
    expect(readdirSync(where)).toEqual([]);
  });

  test('a symbolic link to the checkpoint is the same file', async () => {
    const where = dir('same-save-link');
    const path = join(where, 'run.json');
    writeFileSync(path, 'kept');
    symlinkSync(path, join(where, 'chart.svg'));
    const { code, stderr } = await run([...TRAIN, '--save', path, '--svg', join(where, 'chart.svg')]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad train: --svg must be another file than --save's, got ${join(where, 'chart.svg')}\n`);
    expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  test('--svg on the resumed checkpoint is bad input, and the checkpoint stays loadable', async () => {
    const path = join(dir('same-resume-svg'), 'run.json');
    expect((await run([...TRAIN, '--save', path, '--json'])).code).toBe(0);
    const saved = readFileSync(path, 'utf8');
    const { code, stderr } = await run(['train', '--epochs', '2', '--resume', path, '--svg', path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad train: --svg must be another file than --resume's, got ${path}\n`);
    expect(readFileSync(path, 'utf8')).toBe(saved);
  });

  test('--save on the resumed checkpoint is the usual way to go on, not a clash', async () => {
    const path = join(dir('same-resume-save'), 'run.json');
    expect((await run([...TRAIN, '--save', path, '--json'])).code).toBe(0);
    expect((await run(['train', '--epochs', '2', '--resume', path, '--save', path, '--json'])).code).toBe(0);
  });

  test("tune's --csv on its journal is bad input before the search: the journal is kept", async () => {
    const where = dir('same-out-csv');
    const journal = join(where, 'search.jsonl');
    writeFileSync(journal, 'kept');
    const { code, stdout, stderr } = await run(['tune', SEARCH, '--workers', '1', '--out', journal, '--csv', `${where}/./search.jsonl`]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`etagrad tune: --csv must be another file than --out's, got ${where}/./search.jsonl\n`);
    expect(readFileSync(journal, 'utf8')).toBe('kept');
  });

  test("tune's --csv on the search file itself is bad input", async () => {
    const where = dir('same-search-csv');
    const search = join(where, 'search.json');
    writeFileSync(search, readFileSync(SEARCH, 'utf8'));
    const { code, stderr } = await run(['tune', search, '--workers', '1', '--csv', search]);
    expect(code).toBe(2);
    expect(stderr).toBe(`etagrad tune: --csv must be another file than the search file's, got ${search}\n`);
    expect(readFileSync(search, 'utf8')).toBe(readFileSync(SEARCH, 'utf8'));
  });
});

describe("tune's --svg is checked before the search", () => {
  test('a missing directory is bad input: no trial runs, nothing is printed', async () => {
    const path = join(scratch, 'missing-svg-dir', 'search.svg');
    const { code, stdout, stderr } = await run(['tune', SEARCH, '--workers', '1', '--svg', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `etagrad tune: --svg must be in an existing directory, got ${join(scratch, 'missing-svg-dir', 'search-lr.svg')} (no directory ${join(scratch, 'missing-svg-dir')})\n`,
    );
  });
});

describe("compare's --svg is checked before the runs, for both of its files", () => {
  test('a directory where the rate chart goes is bad input: no run, no loss chart written', async () => {
    const where = dir('compare-lr-dir');
    mkdirSync(join(where, 'runs-lr.svg'));
    const { code, stdout, stderr } = await run(['compare', '--epochs', '1', '--svg', join(where, 'runs.svg')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`etagrad compare: --svg must be a regular file or a new file, got ${join(where, 'runs-lr.svg')} (a directory)\n`);
    expect(readdirSync(where)).toEqual(['runs-lr.svg']);
  });
});

describe('--svg is written with --json too', () => {
  test('compare --json writes both charts and prints only the records', async () => {
    const where = dir('json-compare');
    const { code, stdout } = await run(['compare', '--epochs', '1', '--json', '--svg', join(where, 'runs.svg')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(readdirSync(where).sort()).toEqual(['runs-lr.svg', 'runs.svg']);
    expect(xmlProblem(readFileSync(join(where, 'runs-lr.svg'), 'utf8').trim())).toBeNull();
  });

  test('lr-find --json writes the chart and prints only the result', async () => {
    const where = dir('json-lr-find');
    const { code, stdout } = await run(['lr-find', '--steps', '10', '--json', '--svg', join(where, 'lr.svg')]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { lrs: number[] }).lrs).toHaveLength(10);
    expect(xmlProblem(readFileSync(join(where, 'lr.svg'), 'utf8').trim())).toBeNull();
  });

  test('tune --json writes a chart per hyperparameter and prints only the result', async () => {
    const where = dir('json-tune');
    const search = join(where, 'search.json');
    const objective = { fit: { dataset: 'moons', model: '2-4-1', optimizer: 'sgd', epochs: 1, compile: false } };
    writeFileSync(search, JSON.stringify({ method: 'grid', space: { lr: [0.1, 0.5] }, objective }));
    const { code, stdout } = await run(['tune', search, '--workers', '1', '--json', '--svg', join(where, 'search.svg')]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { trials: unknown[] }).trials).toHaveLength(2);
    expect(xmlProblem(readFileSync(join(where, 'search-lr.svg'), 'utf8').trim())).toBeNull();
  });
});
