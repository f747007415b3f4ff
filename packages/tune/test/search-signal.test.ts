import { describe, expect, test } from 'vitest';
import { logUniform, memoryJournal, randomSearch, successiveHalving, type Executor, type Objective } from '../src/index.js';

// Ctrl-C during a search: options.signal stops it. No new evaluation starts, a running one is
// abandoned (never journaled), every finished one stays in the journal, and the same search with
// the same journal resumes from there.

const space = { lr: logUniform(1e-4, 1) };
const objective: Objective = (config) => Math.log10(config['lr'] as number) ** 2;

describe('a search stopped by its signal', () => {
  test('keeps the finished trials, in the result and the journal, and resumes from the journal', async () => {
    const controller = new AbortController();
    const journal = memoryJournal();
    let ran = 0;
    const counted: Objective = (config, budget) => {
      ran += 1;
      return objective(config, budget);
    };
    const stopped = await randomSearch(space, counted, {
      trials: 6,
      seed: 3,
      journal,
      signal: controller.signal,
      onProgress: ({ finished }) => finished === 2 && controller.abort(),
    });
    expect(ran).toBe(2);
    expect(stopped.stopped).toBe(true);
    expect(stopped.trials.map((t) => t.index)).toEqual([0, 1]);
    expect(stopped.best?.index).toBe(stopped.trials[0]!.score! <= stopped.trials[1]!.score! ? 0 : 1);
    expect(journal.text().split('\n').filter((line) => line !== '')).toHaveLength(3); // the header and 2 trials

    ran = 0;
    const resumed = await randomSearch(space, counted, { trials: 6, seed: 3, journal });
    expect(ran).toBe(4);
    expect(resumed.stopped).toBeUndefined();
    expect(resumed.trials.slice(0, 2)).toEqual(stopped.trials);
    expect(resumed.trials).toHaveLength(6);
  });

  test('abandons a running evaluation: it is never journaled, and the executor is closed', async () => {
    const controller = new AbortController();
    const journal = memoryJournal();
    let closed = false;
    let finishLate = (): void => undefined;
    const executor: Executor = {
      capacity: 2,
      evaluate: (task) =>
        new Promise((resolve) => {
          const evaluation = { index: task.index, budget: task.budget, status: 'ok' as const, score: task.index, time: 0, extras: {} };
          if (task.index === 0) resolve(evaluation);
          else finishLate = () => resolve(evaluation); // still running when the signal comes
        }),
      close: async () => void (closed = true),
    };
    const result = await successiveHalving(space, objective, {
      trials: 4,
      minBudget: 1,
      maxBudget: 3,
      seed: 1,
      executor,
      journal,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    finishLate();
    await Promise.resolve();
    expect(closed).toBe(true);
    expect(result.stopped).toBe(true);
    expect(result.trials).toEqual([]); // trial 0 ran its first rung only: not final yet
    expect(journal.text().split('\n').filter((line) => line !== '')).toHaveLength(2); // the header and trial 0's rung
  });

  test('an aborted signal runs nothing', async () => {
    const result = await randomSearch(space, () => expect.unreachable(), { trials: 3, signal: AbortSignal.abort() });
    expect(result).toEqual({ trials: [], best: null, stopped: true });
  });

  test('signal must be an AbortSignal', async () => {
    await expect(randomSearch(space, objective, { trials: 3, signal: 5 as never })).rejects.toThrow(
      'randomSearch: signal must be an AbortSignal, got 5',
    );
  });
});
