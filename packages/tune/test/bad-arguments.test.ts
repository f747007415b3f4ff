import { describe, expect, test } from 'vitest';
import * as tune from '../src/index.js';
import * as node from '../src/node/index.js';

// Issue 9 §3's one error format on every public function of tune: called with bad arguments, each
// throws (or rejects with) `<function>: <what> must be <rule>, got <value>` or an unknown-option
// error with a suggestion, never a raw JS error and never silence.

const standard = /^(\w+): ([\w.[\]]+ must .+, got .+|unknown option '\w+'( \(did you mean '\w+'\?\))?; options are .+)$/;

/** What `call` throws or rejects with; fails the test when it returns. */
async function refusal(call: () => unknown): Promise<Error> {
  try {
    await call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal, got a value');
}

const bad: Record<string, readonly (() => unknown)[]> = {
  uniform: [() => tune.uniform(null as never, 1), () => tune.uniform(5 as never, undefined as never), () => tune.uniform(2, 1), () => (tune.uniform as (...a: unknown[]) => unknown)(1, 2, { lgo: true })],
  logUniform: [() => tune.logUniform(null as never, 1), () => tune.logUniform(0, 1), () => (tune.logUniform as (...a: unknown[]) => unknown)(1e-3, 1, {})],
  choice: [() => tune.choice(null as never), () => tune.choice(5 as never), () => tune.choice([])],
  memoryJournal: [() => tune.memoryJournal(5 as never)],
  suggestLrs: [() => tune.suggestLrs(null as never, [], 10), () => tune.suggestLrs([1], [1, 2], 10), () => tune.suggestLrs([1], [1], 0)],
  lrFindChart: [() => tune.lrFindChart(null as never), () => tune.lrFindChart({ lrs: [1], losses: [1], suggestions: null } as never, { widht: 3 } as never)],
  lrFindSvg: [() => tune.lrFindSvg(null as never), () => tune.lrFindSvg({ lrs: [1], losses: ['a'] } as never)],
  compareCharts: [() => tune.compareCharts(null as never), () => tune.compareCharts([5] as never), () => tune.compareCharts([], { svg: 'yes' } as never)],
  compareTable: [() => tune.compareTable(null as never), () => tune.compareTable([{ name: 'a' }] as never)],
  searchCharts: [() => tune.searchCharts(null as never, {}), () => tune.searchCharts({ trials: [], best: null }, null as never), () => tune.searchCharts({ trials: [], best: null }, {}, { hieght: 3 } as never)],
  searchCsv: [() => tune.searchCsv(null as never), () => tune.searchCsv({ trials: [5] } as never)],
  searchTable: [() => tune.searchTable(null as never), () => tune.searchTable({ trials: [], best: null }, 'up' as never)],
  inProcessExecutor: [() => tune.inProcessExecutor(5 as never)],
  lrFind: [() => tune.lrFind(null as never), () => tune.lrFind(() => null as never, 5 as never)],
  compareRuns: [() => tune.compareRuns(null as never, null as never)],
  gridSearch: [() => tune.gridSearch(null as never, () => 1), () => tune.gridSearch({ a: [1] }, 5 as never), () => tune.gridSearch({ a: [1] }, () => 1, 5 as never)],
  randomSearch: [() => tune.randomSearch({ a: [1] }, () => 1, null as never), () => tune.randomSearch({ a: [1] }, () => 1, { trials: 0 })],
  successiveHalving: [() => tune.successiveHalving({ a: [1] }, () => 1, null as never)],
  fitObjective: [() => tune.fitObjective(null as never), () => tune.fitObjective({ dataset: 'moon' } as never)],
  fileJournal: [() => node.fileJournal(5 as never)],
  threadExecutor: [() => node.threadExecutor(null as never, 1), () => node.threadExecutor({ fit: {} } as never, 0)],
  bullmqExecutor: [() => node.bullmqExecutor({ fit: {} } as never, null as never), () => node.bullmqExecutor({ fit: {} } as never, { connection: 5 } as never)],
  runWorker: [() => node.runWorker(null as never), () => node.runWorker({ connection: 'redis://127.0.0.1:1', concurrency: 0 })],
  loadObjective: [() => node.loadObjective(null as never)],
  'node gridSearch': [() => node.gridSearch({ a: [1] }, 5 as never)],
  'node randomSearch': [() => node.randomSearch({ a: [1] }, () => 1, null as never)],
  'node successiveHalving': [() => node.successiveHalving({ a: [1] }, () => 1, { trials: 2, minBudget: 1, maxBudget: 3, workers: 2 })],
};

describe('every export of @etagrad/tune and @etagrad/tune/node refuses bad arguments in the standard format', () => {
  test('every function export is covered', () => {
    const functions = [...Object.entries(tune), ...Object.entries(node)].filter(([, value]) => typeof value === 'function').map(([name]) => name);
    const covered = new Set(Object.keys(bad).map((name) => name.replace(/^node /, '')));
    // objectiveRef is a query: it answers null for what is not an objective, never throws.
    expect(functions.filter((name) => !covered.has(name) && name !== 'objectiveRef')).toEqual([]);
  });

  for (const [name, calls] of Object.entries(bad)) {
    test(name, async () => {
      for (const call of calls) {
        const error = await refusal(call);
        expect(error.message.split('\n')[0]).toMatch(standard);
        expect(error.message.split(':')[0]).toBe(name.replace(/^node /, ''));
      }
    });
  }
});

test('a readyTimeout that is not a positive integer is refused before Redis is tried', async () => {
  const objective = new URL('fixtures/objective.mjs', import.meta.url).href;
  for (const bad of [Number.NaN, -1, 0.5]) {
    const executor = await refusal(() => node.bullmqExecutor({ module: objective }, { connection: 'redis://127.0.0.1:1', readyTimeout: bad }));
    expect(executor.message).toMatch(/^bullmqExecutor: readyTimeout must be a positive integer, got /);
    const worker = await refusal(() => node.runWorker({ connection: 'redis://127.0.0.1:1', readyTimeout: bad }));
    expect(worker.message).toMatch(/^runWorker: readyTimeout must be a positive integer, got /);
  }
});

describe('a misspelt option is refused, naming the one meant, before anything runs (it used to be ignored)', () => {
  const common = 'direction, journal, executor, onProgress, signal';
  const objective = new URL('fixtures/objective.mjs', import.meta.url).href;
  const cases: [string, () => unknown, string][] = [
    ['lrFind', () => tune.lrFind(() => null as never, { stpes: 10 } as never), "lrFind: unknown option 'stpes' (did you mean 'steps'?); options are start, end, steps, smoothing, divergeFactor, seed"],
    ['randomSearch', () => tune.randomSearch({ a: [1] }, () => 1, { trials: 2, seeed: 1 } as never), `randomSearch: unknown option 'seeed' (did you mean 'seed'?); options are trials, seed, budget, ${common}`],
    ['gridSearch', () => tune.gridSearch({ a: [1] }, () => 1, { trials: 2 } as never), `gridSearch: unknown option 'trials'; options are budget, ${common}`],
    ['successiveHalving', () => tune.successiveHalving({ a: [1] }, () => 1, { trials: 2, minBudget: 1, maxBudget: 3, eat: 2 } as never), `successiveHalving: unknown option 'eat' (did you mean 'eta'?); options are trials, minBudget, maxBudget, eta, seed, ${common}`],
    ['node randomSearch', () => node.randomSearch({ a: [1] }, objective, { trials: 2, workrs: 2 } as never), `randomSearch: unknown option 'workrs' (did you mean 'workers'?); options are trials, seed, budget, ${common}, workers`],
    ['bullmqExecutor', () => node.bullmqExecutor({ module: objective }, { connection: 'redis://127.0.0.1:1', capcity: 3 } as never), "bullmqExecutor: unknown option 'capcity' (did you mean 'capacity'?); options are connection, queue, capacity, readyTimeout"],
    ['a search on BullMQ', () => node.randomSearch({ a: [1] }, objective, { trials: 2, executor: { kind: 'bullmq', conection: 'redis://127.0.0.1:1' } } as never), "bullmqExecutor: unknown option 'conection' (did you mean 'connection'?); options are connection, queue, capacity, readyTimeout"],
    ['runWorker', () => node.runWorker({ connection: 'redis://127.0.0.1:1', concurency: 2 } as never), "runWorker: unknown option 'concurency' (did you mean 'concurrency'?); options are connection, queue, concurrency, lockDuration, stalledInterval, readyTimeout"],
  ];
  for (const [name, call, message] of cases) {
    test(name, async () => {
      const error = await refusal(call);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe(message);
    });
  }
});
