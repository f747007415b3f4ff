import { rng } from '@etagrad/nn';
import { describe, expect, test } from 'vitest';
import {
  gridSearch,
  inProcessExecutor,
  logUniform,
  memoryJournal,
  randomSearch,
  successiveHalving,
  uniform,
  type Executor,
  type Objective,
  type SearchResult,
} from '../src/index.js';

/** (log10 lr)^2 - 4 log10 lr: lowest at lr = 100 (outside the spaces here), so a higher lr scores lower. */
const score = (lr: number): number => Math.log10(lr) ** 2 - 4 * Math.log10(lr);
const bowl: Objective = (config) => score(config['lr'] as number);

/** Runs the objective here, `capacity` at a time, finishing them in a seeded random order (a number of microtask ticks each). */
function scrambled(objective: Objective, capacity: number, seed: number): Executor {
  const here = inProcessExecutor(objective);
  const random = rng(seed);
  return {
    capacity,
    async evaluate(task) {
      for (let ticks = random.int(0, 20); ticks > 0; ticks--) await Promise.resolve();
      return here.evaluate(task);
    },
    close: async () => undefined,
  };
}

/** What must not depend on the number of workers: config, score, status (and rungs) of every trial. */
const outcome = (result: SearchResult) => result.trials.map(({ config, score, status, rungs }) => ({ config, score, status, rungs }));

describe('gridSearch', () => {
  test('every combination in order, the best by direction', async () => {
    const result = await gridSearch({ lr: [1, 0.01, 0.1] }, bowl);
    expect(result.trials.map((t) => t.config['lr'])).toEqual([1, 0.01, 0.1]);
    // log10 lr = 0, -2, -1: scores 0, 4 + 8 = 12, 1 + 4 = 5.
    expect(result.trials.map((t) => t.score)).toEqual([0, 12, 5]);
    expect(result.best?.config).toEqual({ lr: 1 });
    expect((await gridSearch({ lr: [1, 0.01, 0.1] }, bowl, { direction: 'max' })).best?.config).toEqual({ lr: 0.01 });
    expect(result.trials.every((t) => t.budget === 1 && t.status === 'ok')).toBe(true);
  });

  test('passes options.budget', async () => {
    const budgets: number[] = [];
    await gridSearch({ a: [1, 2] }, (_, budget) => budgets.push(budget), { budget: 5 });
    expect(budgets).toEqual([5, 5]);
  });
});

describe('randomSearch', () => {
  const space = { lr: logUniform(1e-4, 1), momentum: uniform(0, 0.99) };

  test('a trial that throws, diverges or returns nonsense is recorded and the search goes on', async () => {
    let call = 0;
    const objective: Objective = () => {
      call += 1;
      if (call === 1) throw new Error('out of memory');
      if (call === 2) return Number.NaN;
      if (call === 3) return { score: 0.5, diverged: true };
      if (call === 4) return 'fine' as unknown as number;
      return { score: call, accuracy: 0.9 };
    };
    const { trials, best } = await randomSearch(space, objective, { trials: 6, seed: 1 });
    expect(trials.map((t) => t.status)).toEqual(['failed', 'diverged', 'diverged', 'failed', 'ok', 'ok']);
    expect(trials[0]?.error).toBe('out of memory');
    expect(trials[1]?.score).toBeNull();
    expect(trials[3]?.error).toBe('objective must return a number or { score }, got fine');
    expect(trials[4]?.extras).toEqual({ accuracy: 0.9 });
    expect(best?.index).toBe(4);
    expect(trials.every((t) => t.time >= 0)).toBe(true);
  });

  test('a result that cannot be read or kept as JSON, or a thrown value that is not text, fails only its trial', async () => {
    const cyclic: Record<string, unknown> = { score: 1 };
    cyclic['self'] = cyclic;
    const returns: (() => unknown)[] = [
      () => ({ score: 1, steps: 10n }),
      () => cyclic,
      () => ({ get score(): number { throw new Error('lost'); } }),
      () => { throw Object.create(null); },
      () => 2,
    ];
    const objective = (() => (returns.shift() ?? (() => 3))()) as Objective;
    const { trials, best } = await randomSearch(space, objective, { trials: 5, seed: 1 });
    expect(trials.map((t) => t.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'ok']);
    expect(trials[0]?.error).toMatch(/^objective must return a number or \{ score \} with plain JSON extras, got one that fails \(.*BigInt/);
    expect(trials[2]?.error).toContain('(lost)');
    expect(trials[3]?.error).toBe('an object');
    expect(best?.index).toBe(4);
  });

  test('the same seed gives the same trials, whatever the number of workers', async () => {
    const one = await randomSearch(space, bowl, { trials: 12, seed: 5 });
    const four = await randomSearch(space, bowl, { trials: 12, seed: 5, executor: scrambled(bowl, 4, 9) });
    expect(outcome(four)).toEqual(outcome(one));
  });

  test('journal: resuming reuses every finished trial and runs only the rest', async () => {
    const journal = memoryJournal();
    let runs = 0;
    const counted: Objective = (config, budget) => {
      runs += 1;
      return bowl(config, budget);
    };
    const first = await randomSearch(space, counted, { trials: 4, seed: 2, journal });
    expect(runs).toBe(4);
    const lines = journal.text().trimEnd().split('\n');
    expect(lines).toHaveLength(5); // a header and one line per trial
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ format: 'etagrad-tune-journal', version: 1, search: { method: 'random', seed: 2 } });

    // Interrupted after 2 trials: a journal holding the header and the first 2 lines.
    const interrupted = memoryJournal(lines.slice(0, 3).join('\n'));
    const resumed = await randomSearch(space, counted, { trials: 4, seed: 2, journal: interrupted });
    expect(runs).toBe(6);
    expect(outcome(resumed)).toEqual(outcome(first));
    expect(interrupted.text().trimEnd().split('\n')).toHaveLength(5);

    await randomSearch(space, counted, { trials: 4, seed: 2, journal });
    expect(runs).toBe(6); // all reused
  });

  test('journal: one written by a different space or seed is refused', async () => {
    const journal = memoryJournal();
    await randomSearch(space, bowl, { trials: 2, seed: 2, journal });
    await expect(randomSearch(space, bowl, { trials: 2, seed: 3, journal })).rejects.toThrow(
      'randomSearch: journal memory must come from the same search to resume it, got one whose seed differs (use a new journal file)',
    );
    await expect(randomSearch({ lr: logUniform(1e-3, 1) }, bowl, { trials: 2, seed: 2, journal })).rejects.toThrow(
      'randomSearch: journal memory must come from the same search to resume it, got one whose space differs (use a new journal file)',
    );
    await expect(randomSearch(space, bowl, { trials: 2, seed: 2, journal: memoryJournal('{"format":"other"}') })).rejects.toThrow(
      'randomSearch: journal memory must start with an etagrad-tune-journal version 1 header, got {"format":"other"}',
    );
    const bad = memoryJournal(`${journal.text().split('\n')[0]}\nnot json`);
    await expect(randomSearch(space, bowl, { trials: 2, seed: 2, journal: bad })).rejects.toThrow(
      'randomSearch: journal memory line 2 must be a JSON object, got not json',
    );
  });

  test('refuses bad options', async () => {
    await expect(randomSearch(space, bowl, { trials: 0 })).rejects.toThrow('randomSearch: trials must be a positive integer, got 0');
    await expect(randomSearch(space, bowl, { trials: 2, seed: 1.5 })).rejects.toThrow('randomSearch: seed must be a safe integer, got 1.5');
    await expect(randomSearch(space, bowl, { trials: 2, budget: 0 })).rejects.toThrow('randomSearch: budget must be a finite number > 0, got 0');
    await expect(randomSearch(space, bowl, { trials: 2, direction: 'up' as 'min' })).rejects.toThrow('randomSearch: direction must be');
    await expect(randomSearch(space, 'objective.js' as unknown as Objective, { trials: 2 })).rejects.toThrow(
      "randomSearch: objective must be a function or { fit: {...} } (a module specifier needs @etagrad/tune/node), got 'objective.js'",
    );
    await expect(randomSearch({ lr: { logUniform: [0, 1] } }, bowl, { trials: 2 })).rejects.toThrow('randomSearch: space.lr: logUniform low must be > 0, got 0');
  });
});

describe('successiveHalving', () => {
  // Trial i scores scores[i] at any budget (lower is better).
  const scores = [5, 3, 8, 1, 9, 2, 7, 6, 4];
  const space = { i: [0, 1, 2, 3, 4, 5, 6, 7, 8] };

  test('promotes the best 1/eta of each rung, prunes the rest, the best reaches maxBudget', async () => {
    const objective: Objective = (config) => scores[config['i'] as number] ?? Number.NaN;
    const { trials, best } = await successiveHalving(space, objective, { trials: 9, minBudget: 1, maxBudget: 9, eta: 3, seed: 4 });
    expect(trials).toHaveLength(9);
    // Rung budgets 1, 3, 9. The best overall reaches 9 and is best.
    expect(best?.budget).toBe(9);
    expect(best?.score).toBe(Math.min(...trials.map((t) => t.score ?? Infinity)));
    expect(trials.filter((t) => t.status === 'ok')).toHaveLength(1);
    expect(trials.filter((t) => t.status === 'pruned').length).toBe(8);
    for (const t of trials) expect(t.rungs?.map((r) => r.budget)).toEqual([1, 3, 9].slice(0, t.rungs?.length));
  });

  test('the worked example: scores 5 3 8 1 9 2 7 6 4 by trial, eta 3', async () => {
    // Rung 0 in trial order: after 3 results the best 1 (trial 1, score 3) is promoted; after 4 the
    // best 1 is trial 3 (score 1): promoted; after 6 the best 2 are trials 3 and 5: 5 promoted.
    // Rung 1 holds 1, 3, 5 in that order; after all 3 the best 1 (trial 3) goes to rung 2.
    // An executor that scores each trial by its index, whatever config was drawn for it.
    const executor = inProcessExecutor((config) => scores[config['i'] as number] ?? Number.NaN);
    const byIndex: Executor = { capacity: 1, evaluate: (task) => executor.evaluate({ ...task, config: { i: task.index } }), close: async () => undefined };
    const { trials, best } = await successiveHalving({ i: uniform(0, 1) }, () => 0, { trials: 9, minBudget: 1, maxBudget: 9, seed: 1, executor: byIndex });
    expect(trials.map((t) => t.budget)).toEqual([1, 3, 1, 9, 1, 3, 1, 1, 1]);
    expect(trials.map((t) => t.status)).toEqual(['pruned', 'pruned', 'pruned', 'ok', 'pruned', 'pruned', 'pruned', 'pruned', 'pruned']);
    expect(best?.index).toBe(3);
    expect(trials[3]?.rungs).toEqual([
      { budget: 1, score: 1, status: 'ok' },
      { budget: 3, score: 1, status: 'ok' },
      { budget: 9, score: 1, status: 'ok' },
    ]);
  });

  test('the same seed gives the same trials, whatever the number of workers (ASHA)', async () => {
    const space2 = { lr: logUniform(1e-4, 1) };
    const noisy: Objective = (config, budget) => score(config['lr'] as number) / budget + Math.sin(budget * (config['lr'] as number));
    const one = await successiveHalving(space2, noisy, { trials: 20, minBudget: 1, maxBudget: 9, seed: 3 });
    for (const workers of [2, 5]) {
      const many = await successiveHalving(space2, noisy, { trials: 20, minBudget: 1, maxBudget: 9, seed: 3, executor: scrambled(noisy, workers, workers) });
      expect(outcome(many)).toEqual(outcome(one));
    }
  });

  test('refuses bad budgets', async () => {
    const o = { trials: 3, minBudget: 1, maxBudget: 9 };
    await expect(successiveHalving(space, bowl, { ...o, minBudget: 0 })).rejects.toThrow('successiveHalving: minBudget must be a positive integer, got 0');
    await expect(successiveHalving(space, bowl, { ...o, maxBudget: 0.5 })).rejects.toThrow('successiveHalving: maxBudget must be an integer >= minBudget (1), got 0.5');
    await expect(successiveHalving(space, bowl, { ...o, eta: 1 })).rejects.toThrow('successiveHalving: eta must be an integer >= 2, got 1');
    // 8 trials keep 2 at budget 3 and none at 9: every trial would end pruned, with no best.
    let runs = 0;
    await expect(successiveHalving(space, () => ++runs, { trials: 8, minBudget: 1, maxBudget: 9 })).rejects.toThrow(
      new RangeError('successiveHalving: trials must be >= 9 (eta^2, for one trial to reach maxBudget through rungs 1, 3, 9), got 8'),
    );
    expect(runs).toBe(0);
    const byValue: Objective = (config) => config['i'] as number;
    expect((await successiveHalving(space, byValue, { trials: 9, minBudget: 1, maxBudget: 9 })).best?.budget).toBe(9);
    expect((await successiveHalving(space, byValue, { trials: 2, minBudget: 2, maxBudget: 2 })).best?.budget).toBe(2);
  });
});
