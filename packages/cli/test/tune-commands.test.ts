import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../src/main.js';
import { captureIo, root, xmlProblem } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-tune-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: readonly string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A one-line error on stderr, nothing on stdout, exit code 2. */
async function expectUsage(args: readonly string[], message: string) {
  const { code, out, err } = await run(args);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.split('\n')).toHaveLength(2);
  expect(err).toContain(message);
}

describe('etagrad lr-find', () => {
  test('the chart, the three suggestions and what to run next', async () => {
    const svg = join(scratch, 'lr.svg');
    const { code, out, err } = await run(['lr-find', '--steps', '60', '--svg', svg]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('learning-rate range test');
    const valley = /valley {8}(\S+)/.exec(out)?.[1];
    expect(Number(valley)).toBeGreaterThan(0);
    expect(out).toContain(`next: etagrad train --dataset moons --optimizer adam --batch-size 32 --lr ${valley}`);
    expect(xmlProblem(readFileSync(svg, 'utf8'))).toBeNull();
  });

  test('bad input exits 2 with one line', async () => {
    await expectUsage(['lr-find', '--start', '1', '--end', '0.1'], 'etagrad lr-find: --end must be above --start (1), got 0.1');
    await expectUsage(['lr-find', '--steps', '1'], 'etagrad lr-find: --steps must be at least 2, got 1');
    await expectUsage(['lr-find', '--optimizer', 'adamm'], "etagrad lr-find: option '--optimizer <name>' argument 'adamm' is invalid.");
  });
});

describe('etagrad tune', () => {
  test('runs examples/search.json on 2 worker threads, journals it, and resumes from the journal', async () => {
    const journal = join(scratch, 'search.jsonl');
    const csv = join(scratch, 'trials.csv');
    const first = await run(['tune', join(root, 'examples', 'search.json'), '--workers', '2', '--out', journal, '--csv', csv]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^etagrad tune: random search from .*search\.json, on 2 worker threads/);
    expect(first.out).toMatch(/best: trial \d+ \{"lr":/);
    expect(first.out).toContain('score against lr');
    expect(first.err).toContain('16/16 trials');
    expect(readFileSync(journal, 'utf8').trimEnd().split('\n')).toHaveLength(17);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('index,status,score,budget,time,lr,batchSize,momentum,schedule,accuracy,epochs,error');
    const again = await run(['tune', join(root, 'examples', 'search.json'), '--workers', '2', '--out', journal, '--json']);
    expect(again.err.match(/\(from the journal\)/g)).toHaveLength(16);
    expect((JSON.parse(again.out) as { trials: unknown[] }).trials).toHaveLength(16);
  }, 60_000);

  test('bad input exits 2 with one line, before any trial', async () => {
    const write = (name: string, text: string) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    };
    const fit = { fit: { dataset: 'moons', model: '2-4-1', optimizer: 'sgd' } };
    await expectUsage(['tune', join(scratch, 'missing.json')], `etagrad tune: the search file ${join(scratch, 'missing.json')} does not exist`);
    // a device would be read until memory ran out (the process aborted), a FIFO would block
    await expectUsage(['tune', '/dev/zero'], 'etagrad tune: the search file /dev/zero must be a regular file, got a character device');
    await expectUsage(['tune', scratch], `etagrad tune: the search file ${scratch} must be a regular file, got a directory`);
    const huge = write('huge.json', `{"x": "${'a'.repeat(1 << 20)}"}`);
    await expectUsage(['tune', huge], `etagrad tune: the search file ${huge} must be at most 1048576 bytes, got ${(1 << 20) + 9} bytes`);
    await expectUsage(['tune', write('a.json', '{')], 'must be JSON');
    await expectUsage(['tune', write('b.json', JSON.stringify({ method: 'anneal', space: {}, objective: fit }))], 'method must be one of grid, random, successiveHalving, got "anneal"');
    await expectUsage(['tune', write('c.json', JSON.stringify({ method: 'random', trials: 2, space: { lr: { logUniform: [0, 1] } }, objective: fit }))], 'etagrad tune: randomSearch: space.lr: logUniform low must be > 0, got 0');
    await expectUsage(['tune', write('d.json', JSON.stringify({ method: 'random', trial: 2, space: {}, objective: fit }))], "unknown field 'trial'");
    await expectUsage(['tune', write('e.json', JSON.stringify({ method: 'grid', space: { lr: [0.1] }, objective: 5 }))], 'objective must be a module path or { "fit": { ... } }, got 5');
    await expectUsage(['tune', write('f.json', JSON.stringify({ method: 'grid', space: { lr: [0.1] }, objective: fit })), '--workers', '2', '--redis', 'redis://127.0.0.1:1'], '--workers is for worker threads');
    // the built-in objective's description is checked before the threads start
    const badFit = write('g.json', JSON.stringify({ method: 'grid', space: { lr: [0.1] }, objective: { fit: { ...fit.fit, compile: 'no' } } }));
    await expectUsage(['tune', badFit, '--workers', '2'], "etagrad tune: fitObjective: compile must be a boolean, got 'no'");
  });

  test('"compile": false in the fit objective trains eagerly, to the same scores', async () => {
    const search = (compile: boolean) => {
      const path = join(scratch, `compile-${compile}.json`);
      const objective = { fit: { dataset: 'moons', model: '2-4-1', optimizer: 'sgd', epochs: 3, compile } };
      writeFileSync(path, JSON.stringify({ method: 'grid', space: { lr: [0.1, 0.5], batchSize: [7, 16] }, objective }));
      return path;
    };
    const scores = async (compile: boolean) => {
      const { code, out } = await run(['tune', search(compile), '--workers', '1', '--json']);
      expect(code).toBe(0);
      return (JSON.parse(out) as { trials: { score: number }[] }).trials.map((t) => t.score);
    };
    const eager = await scores(false);
    expect(eager).toHaveLength(4);
    expect(await scores(true)).toEqual(eager);
  }, 30_000);
});

describe('etagrad worker', () => {
  test('bad input exits 2 with one line', async () => {
    await expectUsage(['worker'], "etagrad worker: required option '--redis <url>' not specified");
    await expectUsage(['worker', '--redis', 'http://x'], "etagrad worker: runWorker: connection must be a redis:// URL or ioredis options, got 'http://x'");
    await expectUsage(['worker', '--redis', 'redis://127.0.0.1:1', '--queue', 'a:b'], "etagrad worker: runWorker: queue must be a non-empty name without ':', got 'a:b'");
  });

  test('a Redis that does not answer is one line and exit code 1, at once (it used to wait forever, silently)', async () => {
    // nothing listens on port 1: the connection is refused
    for (const args of [['worker', '--redis', 'redis://127.0.0.1:1'], ['tune', join(root, 'examples', 'search.json'), '--redis', 'redis://127.0.0.1:1']]) {
      const { code, out, err } = await run(args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(/^etagrad (worker|tune): error: (runWorker|bullmqExecutor): cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED 127\.0\.0\.1:1\)\n$/);
    }
  });
});
