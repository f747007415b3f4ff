import { checkChoice, checkFunction, checkKeys, checkNumber, isRecord, show } from '@etagrad/check';
import { inProcessExecutor, type Executor } from './executor.js';
import { fitObjective, type FitObjectiveSpec } from './fit-objective.js';
import { isFitObjective } from './is-fit-objective.js';
import { hashText } from './hash.js';
import { evaluationKey, openJournal, type Journal, type JournalHeader } from './journal.js';
import type { Scheduler } from './scheduler.js';
import type { Config } from './space.js';
import { beats, type Evaluation, type Objective, type SearchResult, type TrialRecord } from './trial.js';

/** An objective: a function run in-process, or the built-in `{ fit: {...} }` described as data. */
export type ObjectiveSpec = Objective | { readonly fit: FitObjectiveSpec };

/** Where a search is after each evaluation, for a progress display. */
export interface SearchProgress {
  /** The evaluation that just finished (or was reused from the journal). */
  readonly evaluation: Evaluation;
  /** Whether it came from the journal rather than a run. */
  readonly reused: boolean;
  /** Trials with a final status, and how many there are. */
  readonly finished: number;
  readonly total: number;
  /** The best `ok` evaluation so far at the highest budget seen. */
  readonly best: Evaluation | null;
}

/** Options every search takes. */
export interface CommonSearchOptions {
  /** `'min'` (default) or `'max'`: whether a lower or higher score is better. */
  readonly direction?: 'min' | 'max';
  /** Append every finished evaluation here, and reuse what it holds (see `memoryJournal`; `fileJournal` in `@etagrad/tune/node`). */
  readonly journal?: Journal;
  /** What runs the evaluations; default in-process, one at a time. */
  readonly executor?: Executor;
  /**
   * Called after every evaluation, e.g. for a progress bar.
   *
   * @param progress - the evaluation just finished, whether the journal supplied it, and how many of the total are done
   */
  readonly onProgress?: (progress: SearchProgress) => void;
  /**
   * Stops the search when aborted (e.g. on Ctrl-C): no new evaluation starts, the running ones
   * are abandoned (nothing of theirs is journaled or reported) and the executor is closed, which
   * cuts them short where it can: worker threads are terminated; BullMQ jobs not yet started are
   * removed from the queue, the running ones finish on their workers. The search resolves to
   * the trials that had finished, with `stopped: true`. The journal keeps every finished
   * evaluation, so the same search with the same journal resumes where this one stopped (and
   * collects the results of BullMQ jobs that finished meanwhile instead of running them again).
   */
  readonly signal?: AbortSignal;
}

/** A search ready to run: its configs, who decides what runs, and its identity for journals and job ids. */
export interface SearchPlan {
  readonly owner: string;
  readonly configs: readonly Config[];
  readonly scheduler: Scheduler;
  /** Method, space, seed, budgets, direction: what a journal must match. */
  readonly identity: JournalHeader['search'];
}

/** The options every search takes (see {@link CommonSearchOptions}). */
export const commonKeys = ['direction', 'journal', 'executor', 'onProgress', 'signal'] as const;

/**
 * Checks the options every search shares, and that `options` holds no key but those and the
 * search's own `keys` (a typo such as `seeed` is an error, not a default silently used).
 */
export function checkCommon(owner: string, options: CommonSearchOptions, keys: readonly string[]): 'min' | 'max' {
  checkKeys(owner, 'options', options, [...keys, ...commonKeys]);
  if (options.journal !== undefined && (!isRecord(options.journal) || typeof options.journal.append !== 'function')) {
    throw new TypeError(`${owner}: journal must be a Journal (memoryJournal(), or fileJournal(path) from @etagrad/tune/node), got ${show(options.journal)}`);
  }
  if (options.executor !== undefined && (!isRecord(options.executor) || typeof options.executor.evaluate !== 'function')) {
    throw new TypeError(`${owner}: executor must be an Executor, got ${show(options.executor)}`);
  }
  if (options.onProgress !== undefined) checkFunction(owner, 'onProgress', options.onProgress);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new TypeError(`${owner}: signal must be an AbortSignal, got ${show(options.signal)}`);
  }
  return checkChoice(owner, 'direction', options.direction ?? 'min', ['min', 'max'] as const);
}

/** The executor for an objective given in-process: the function itself, or the built-in fit objective. */
export function executorFor(owner: string, objective: unknown, executor: Executor | undefined): Executor {
  if (executor !== undefined) return executor;
  if (typeof objective === 'function') return inProcessExecutor(objective as Objective);
  if (isFitObjective(objective)) return inProcessExecutor(fitObjective(objective.fit));
  throw new TypeError(
    `${owner}: objective must be a function or { fit: {...} } (a module specifier needs @etagrad/tune/node), got ${show(objective)}`,
  );
}

/** A seed option: a safe integer. */
export const checkSeed = (owner: string, seed: unknown): number =>
  checkNumber(owner, 'seed', seed, 'a safe integer', Number.isSafeInteger);

/**
 * Runs a planned search to the end: keeps the executor busy with what the scheduler allows,
 * reuses the journal's evaluations instead of running them again, records each new one in the
 * journal as it finishes, and closes the executor. When `options.signal` aborts, it stops
 * starting evaluations, abandons the running ones and resolves to the finished trials.
 *
 * @param plan The configs, scheduler and identity.
 * @param options Direction, journal, executor, progress.
 * @param executor What runs the evaluations.
 */
export async function runSearch(plan: SearchPlan, options: CommonSearchOptions, executor: Executor): Promise<SearchResult> {
  const direction = options.direction ?? 'min';
  const { scheduler, configs } = plan;
  const searchId = hashText(JSON.stringify(plan.identity));
  try {
    const journal = options.journal === undefined ? null : await openJournal(plan.owner, options.journal, plan.identity);
    let best: Evaluation | null = null;
    const finish = (evaluation: Evaluation, reused: boolean): void => {
      scheduler.report(evaluation);
      if (beats(evaluation, best, direction)) best = evaluation;
      options.onProgress?.({ evaluation, reused, finished: scheduler.finished(), total: configs.length, best });
    };
    const { signal } = options;
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    const running = new Set<Promise<void>>();
    const stopping = (): boolean => signal?.aborted === true;
    const room = (): boolean => !stopping() && running.size < executor.capacity;
    while (!scheduler.done() && !stopping()) {
      for (let job = room() ? scheduler.next() : null; job !== null; job = room() ? scheduler.next() : null) {
        const reused = journal?.done.get(evaluationKey(job.index, job.budget));
        if (reused !== undefined) {
          finish(reused, true);
          continue;
        }
        const config = configs[job.index] as Config; // the scheduler hands out indices of configs
        const task = { id: `${searchId}-${job.index}-${job.budget}`, index: job.index, config, budget: job.budget };
        // A rejection is the executor breaking (not a trial failing): Promise.race below rethrows
        // it. Once stopping, the evaluation is abandoned: closing the executor may cut it short
        // (a rejection then), and whatever it ends in is neither journaled nor reported.
        const done: Promise<void> = executor
          .evaluate(task)
          .then(
            async (evaluation) => {
              if (stopping()) return;
              await journal?.record(evaluation);
              finish(evaluation, false);
            },
            (error: unknown) => {
              if (!stopping()) throw error;
            },
          )
          .finally(() => running.delete(done));
        running.add(done);
      }
      if (running.size === 0 || stopping()) break;
      await Promise.race([...running, aborted]);
    }
    const stopped = !scheduler.done();
    if (stopped && !stopping()) throw new Error(`${plan.owner}: internal error: the scheduler stopped with trials unfinished`);
    const trials = scheduler.records(configs);
    return { trials, best: bestOf(trials, direction), ...(stopped ? { stopped } : {}) };
  } finally {
    await executor.close();
  }
}

/** The best `ok` trial: at the highest budget any ok trial reached, by score in `direction`. */
function bestOf(trials: readonly TrialRecord[], direction: 'min' | 'max'): TrialRecord | null {
  let best: TrialRecord | null = null;
  for (const trial of trials) if (beats(trial, best, direction)) best = trial;
  return best;
}
