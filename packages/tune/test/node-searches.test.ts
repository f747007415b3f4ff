import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { logUniform, type SearchResult } from '../src/index.js';
import { fileJournal, gridSearch, randomSearch, successiveHalving, threadExecutor } from '../src/node/index.js';
import { until } from './until.js';

const objective = fileURLToPath(new URL('fixtures/objective.mjs', import.meta.url));
const held = fileURLToPath(new URL('fixtures/held-objective.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'etagrad-tune-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const outcome = (result: SearchResult) => result.trials.map(({ config, score, status, rungs }) => ({ config, score, status, rungs }));
const space = { lr: logUniform(1e-4, 1) };

describe('a module objective', () => {
  test('on 2 worker threads gives the same trials as in-process', async () => {
    const here = await randomSearch(space, objective, { trials: 6, seed: 4, workers: 1 });
    const threads = await randomSearch(space, objective, { trials: 6, seed: 4, workers: 2 });
    expect(outcome(threads)).toEqual(outcome(here));
    expect(here.trials.every((t) => t.status === 'ok')).toBe(true);
    const halving = await successiveHalving(space, objective, { trials: 6, minBudget: 1, maxBudget: 3, seed: 4, workers: 2 });
    expect(outcome(halving)).toEqual(outcome(await successiveHalving(space, objective, { trials: 6, minBudget: 1, maxBudget: 3, seed: 4, workers: 1 })));
  });

  test('a thread that dies mid-trial fails that trial; the search goes on', async () => {
    const { trials } = await gridSearch({ lr: [0.01, 0.1], exit: [false, true] }, objective, { workers: 2 });
    expect(trials.map((t) => t.status)).toEqual(['ok', 'failed', 'ok', 'failed']);
    expect(trials[1]?.error).toBe('the worker thread exited with code 3 during the trial');
  });

  test('a search stopped by its signal terminates the trial running on a thread; the resumed search runs it', async () => {
    const dir = mkdtempSync(join(scratch, 'stop-'));
    const space = { dir: [dir], trial: [0, 1] };
    const journal = join(dir, 'search.jsonl');
    const controller = new AbortController();
    // Trial 1 finishes at once; trial 0 holds its thread until the file `release` exists.
    const search = gridSearch(space, held, { workers: 2, journal, signal: controller.signal });
    const markers = ['finished-1-', 'started-0-'];
    await until(() => (markers.every((marker) => readdirSync(dir).some((name) => name.startsWith(marker))) ? true : undefined), 20_000);
    controller.abort();
    const stopped = await search;
    expect(stopped.stopped).toBe(true);
    expect(stopped.trials.map((t) => t.index)).toEqual([1]);
    // Released now, a thread still running trial 0 would finish it within ~20 ms: give it 500.
    writeFileSync(join(dir, 'release'), '');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(dir).filter((name) => name.startsWith('finished-0-'))).toEqual([]);
    const resumed = await gridSearch(space, held, { workers: 2, journal });
    expect(resumed.trials.map((t) => [t.index, t.score])).toEqual([[0, 1], [1, 2]]);
    expect(readdirSync(dir).filter((name) => name.startsWith('started-1-'))).toHaveLength(1); // trial 1 came from the journal
  });

  test('threadExecutor: close() terminates the threads and rejects the evaluations it cut short', async () => {
    const dir = mkdtempSync(join(scratch, 'close-'));
    const executor = threadExecutor({ module: pathToFileURL(held).href }, 1);
    const running = executor.evaluate({ id: 'a', index: 0, config: { dir, trial: 0 }, budget: 1 });
    const queued = executor.evaluate({ id: 'b', index: 1, config: { dir, trial: 1 }, budget: 1 });
    await until(() => readdirSync(dir).find((name) => name.startsWith('started-0-')), 20_000);
    await executor.close();
    await expect(running).rejects.toThrow('threadExecutor: closed before trial 0 finished');
    await expect(queued).rejects.toThrow('threadExecutor: closed before trial 1 finished');
    await expect(executor.evaluate({ id: 'c', index: 2, config: { dir, trial: 2 }, budget: 1 })).rejects.toThrow('threadExecutor: closed, cannot run trial 2');
    expect(readdirSync(dir).filter((name) => name.startsWith('started-1-'))).toEqual([]);
  });

  test('relative to the working directory, or a file URL', async () => {
    const relative = join('packages', 'tune', 'test', 'fixtures', 'objective.mjs');
    const url = new URL('fixtures/objective.mjs', import.meta.url).href;
    const a = await gridSearch({ lr: [0.1] }, relative, { workers: 1 });
    const b = await gridSearch({ lr: [0.1] }, url, { workers: 1 });
    expect(a.trials[0]?.score).toBeCloseTo(2, 12); // (log10 0.1 + 2)^2 + 1 = 1 + 1
    expect(b.trials[0]?.score).toBe(a.trials[0]?.score);
  });

  test('refusals: a function on several workers, a module without a default function', async () => {
    await expect(randomSearch(space, () => 1, { trials: 2, workers: 2 })).rejects.toThrow(
      'randomSearch: workers must be 1 when the objective is a function (a function cannot move to another thread or machine; pass a module specifier instead), got 2',
    );
    const bad = fileURLToPath(new URL('fixtures/not-a-function.mjs', import.meta.url));
    await expect(randomSearch(space, bad, { trials: 2 })).rejects.toThrow('must export the objective function as its default export, got 42');
    // importing a device would read it until memory ran out, a directory is no module
    await expect(randomSearch(space, '/dev/zero', { trials: 2, workers: 2 })).rejects.toThrow(
      new TypeError('objective: the module file:///dev/zero must be a regular file, got a character device'),
    );
    await expect(randomSearch(space, scratch, { trials: 2 })).rejects.toThrow(`objective: the module ${pathToFileURL(scratch).href} must be a regular file, got a directory`);
    await expect(randomSearch(space, objective, { trials: 2, workers: 0 })).rejects.toThrow('randomSearch: workers must be a positive integer, got 0');
    await expect(randomSearch({ lr: { logUniform: [0, 1] } }, objective, { trials: 2, workers: 2 })).rejects.toThrow(
      'randomSearch: space.lr: logUniform low must be > 0, got 0',
    );
  });
});

describe('fileJournal', () => {
  test('one flushed line per trial; a rerun reuses them all; a torn last line is dropped', async () => {
    const path = join(scratch, 'search.jsonl');
    let runs = 0;
    const counted = (config: { lr?: unknown }) => {
      runs += 1;
      return Math.log10(config.lr as number) ** 2;
    };
    const first = await randomSearch(space, counted, { trials: 3, seed: 1, journal: path });
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(4);
    // A crash while appending the 4th line of a longer search: half a line at the end.
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"index":3,"bud`);
    const longer = await randomSearch(space, counted, { trials: 5, seed: 1, journal: path });
    expect(runs).toBe(5); // 3, then only trials 3 and 4
    expect(longer.trials.slice(0, 3)).toEqual(first.trials);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => JSON.parse(line) !== null)).toBe(true);
  });

  test('two searches starting on one new journal at once: the second is refused, the journal stays readable', async () => {
    const path = join(scratch, 'shared.jsonl');
    const search = () => gridSearch({ x: [1, 2] }, (config) => config['x'] as number, { journal: path });
    const [first, second] = await Promise.allSettled([search(), search()]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { trials: [{ score: 1 }, { score: 2 }] } });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining(`fileJournal: the journal ${path} must be written by one search at a time`) } });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.filter((line) => line.includes('etagrad-tune-journal'))).toHaveLength(1);
    let runs = 0;
    const resumed = await gridSearch({ x: [1, 2] }, () => ++runs, { journal: path });
    expect(runs).toBe(0);
    expect(resumed.trials.map((t) => t.score)).toEqual([1, 2]);
  });

  test('a missing file starts a new journal', async () => {
    expect(await fileJournal(join(scratch, 'none.jsonl')).read()).toBe('');
  });

  test('a device or a directory is refused before any trial runs (/dev/zero would be read until memory ran out)', async () => {
    let runs = 0;
    const counted = () => ++runs;
    await expect(randomSearch(space, counted, { trials: 2, seed: 1, journal: '/dev/zero' })).rejects.toThrow(
      'fileJournal: the journal /dev/zero must be a regular file, got a character device',
    );
    await expect(fileJournal(scratch).read()).rejects.toThrow(`fileJournal: the journal ${scratch} must be a regular file, got a directory`);
    expect(runs).toBe(0);
  });
});
