import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gridSearch } from '../src/node/index.js';
import { startRedis, type RedisServer } from './redis-server.js';
import { until } from './until.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const objective = fileURLToPath(new URL('fixtures/held-objective.mjs', import.meta.url));
const otherObjective = fileURLToPath(new URL('fixtures/objective.mjs', import.meta.url));
const workerScript = fileURLToPath(new URL('fixtures/bullmq-worker.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'etagrad-bullmq-'));

let redis: RedisServer | string = 'not started';
const workers: ChildProcess[] = [];
beforeAll(async () => {
  redis = await startRedis();
  if (typeof redis === 'string') console.log(`skipping the BullMQ tests: ${redis}`);
}, 20_000);
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  if (typeof redis !== 'string') await redis.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts a worker process on `queue`; resolves once it consumes. */
function startWorker(url: string, queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=@etagrad/source', '--import', 'tsx', workerScript, url, queue], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with code ${code}`)));
  });
}

describe('BullMQ', () => {
  test('a worker killed with SIGKILL mid-trial: the trial is rerun elsewhere and every trial is recorded once', async (context) => {
    if (typeof redis === 'string') return context.skip();
    const { url } = redis;
    const queue = 'kill-test';
    await Promise.all([startWorker(url, queue), startWorker(url, queue)]);
    const journal = join(scratch, 'search.jsonl');
    const search = gridSearch({ dir: [scratch], trial: [0, 1, 2, 3] }, objective, { executor: { kind: 'bullmq', connection: url, queue }, journal });
    // Trial 0 holds its worker until released: kill that worker (and its sandbox) mid-trial.
    const marker = await until(() => readdirSync(scratch).find((name) => name.startsWith('started-0-')), 20_000);
    const [, , workerPid, sandboxPid] = marker.split('-').map(Number);
    process.kill(workerPid ?? 0, 'SIGKILL');
    process.kill(sandboxPid ?? 0, 'SIGKILL');
    writeFileSync(join(scratch, 'release'), '');
    const { trials } = await search;
    expect(trials.map((t) => [t.status, t.score])).toEqual([['ok', 1], ['ok', 2], ['ok', 3], ['ok', 4]]);
    // Trial 0 started on the killed worker and again on the other one.
    const starts = readdirSync(scratch).filter((name) => name.startsWith('started-0-'));
    expect(new Set(starts.map((name) => name.split('-')[2])).size).toBe(2);
    // Every trial recorded exactly once.
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as { index: number });
    expect(lines.map((l) => l.index).sort()).toEqual([0, 1, 2, 3]);
    // Rerun without the journal: the job ids are the trials' identities, so BullMQ hands back
    // the finished jobs and nothing runs again.
    const before = readdirSync(scratch).filter((name) => name.startsWith('started-')).length;
    const again = await gridSearch({ dir: [scratch], trial: [0, 1, 2, 3] }, objective, { executor: { kind: 'bullmq', connection: url, queue } });
    expect(again.trials.map((t) => t.score)).toEqual([1, 2, 3, 4]);
    expect(readdirSync(scratch).filter((name) => name.startsWith('started-')).length).toBe(before);
    // The same space with another objective is another search: its trials run, and it does not
    // collect the first objective's results (objective.mjs reads config.lr, absent here: NaN).
    const other = await gridSearch({ dir: [scratch], trial: [0, 1, 2, 3] }, otherObjective, { executor: { kind: 'bullmq', connection: url, queue } });
    expect(other.trials.map((t) => t.status)).toEqual(['diverged', 'diverged', 'diverged', 'diverged']);
  }, 60_000);

  test('a search stopped by its signal takes its waiting jobs off the queue; the running one finishes and the resumed search collects it', async (context) => {
    if (typeof redis === 'string') return context.skip();
    const { url } = redis;
    const queue = 'stop-test';
    const dir = mkdtempSync(join(scratch, 'stop-'));
    await startWorker(url, queue); // one worker: trials 1-3 wait behind trial 0, which holds it
    const executor = { kind: 'bullmq', connection: url, queue } as const;
    const space = { dir: [dir], trial: [0, 1, 2, 3] };
    const journal = join(dir, 'search.jsonl');
    const controller = new AbortController();
    const search = gridSearch(space, objective, { executor, journal, signal: controller.signal });
    await until(() => readdirSync(dir).find((name) => name.startsWith('started-0-')), 20_000);
    controller.abort();
    expect(await search).toEqual({ trials: [], best: null, stopped: true });
    const inspect = new Queue(queue, { connection: { url, maxRetriesPerRequest: null } });
    try {
      expect(await inspect.getJobCounts('waiting', 'active', 'completed')).toEqual({ waiting: 0, active: 1, completed: 0 });
    } finally {
      await inspect.close();
    }
    writeFileSync(join(dir, 'release'), '');
    const resumed = await gridSearch(space, objective, { executor, journal });
    expect(resumed.trials.map((t) => [t.status, t.score])).toEqual([['ok', 1], ['ok', 2], ['ok', 3], ['ok', 4]]);
    // Trial 0 ran once, on the stopped search's job: the resumed search collected its result.
    const started = readdirSync(dir).filter((name) => name.startsWith('started-')).map((name) => name.split('-')[1]);
    expect(started.sort()).toEqual(['0', '1', '2', '3']);
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as { index: number });
    expect(lines.map((l) => l.index).sort()).toEqual([0, 1, 2, 3]);
  }, 60_000);
});
