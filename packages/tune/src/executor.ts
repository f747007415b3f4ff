import { checkFunction, thrownMessage } from '@etagrad/check';
import type { Config } from './space.js';
import { evaluationOf, type Evaluation, type Objective } from './trial.js';

/** One evaluation to run: a trial's config at a budget, with an id unique to the search, trial and budget. */
export interface TrialTask {
  readonly id: string;
  readonly index: number;
  readonly config: Config;
  readonly budget: number;
}

/**
 * What runs a search's evaluations: in-process, on worker threads, on BullMQ workers. A
 * trial that throws is a `failed` evaluation, never a rejection; a rejection means the executor
 * itself broke (and ends the search).
 */
export interface Executor {
  /** How many evaluations it runs at once. */
  readonly capacity: number;
  /**
   * Runs one trial; resolves to its evaluation, and rejects only when the executor itself broke.
   *
   * @param task - the trial to run: its id, index, config and budget
   */
  evaluate(task: TrialTask): Promise<Evaluation>;
  /**
   * Frees what it holds (threads, connections) and cuts short the evaluations still running
   * where it can; those may then reject. A stopped search calls it with evaluations running.
   */
  close(): Promise<void>;
}

/**
 * Runs an objective function here, one evaluation at a time, timing each with `performance.now()`.
 *
 * @param objective The objective.
 * @example
 * const executor = inProcessExecutor((config) => (config.lr as number) ** 2);
 */
export function inProcessExecutor(objective: Objective): Executor {
  checkFunction('inProcessExecutor', 'objective', objective);
  return { capacity: 1, evaluate: (task) => runObjective(objective, task), close: async () => undefined };
}

/**
 * Runs `objective` on a task here and now, timed with `performance.now()`; what it throws
 * becomes a `failed` evaluation. Every executor ends in this, in whatever process or thread.
 *
 * @param objective The objective.
 * @param task The config and budget (and index) to run.
 */
export async function runObjective(objective: Objective, { index, config, budget }: Omit<TrialTask, 'id'>): Promise<Evaluation> {
  const started = performance.now();
  let outcome: { value: unknown } | { error: unknown };
  try {
    outcome = { value: await objective(config, budget) };
  } catch (error) {
    outcome = { error };
  }
  const time = (performance.now() - started) / 1000;
  try {
    return evaluationOf(index, budget, outcome, time);
  } catch (error) {
    // What it returned could not be read (a `score` getter that throws) or kept as JSON (a
    // bigint or a cycle in its extras): that trial failed, the search goes on.
    return evaluationOf(index, budget, { error: new TypeError(`objective must return a number or { score } with plain JSON extras, got one that fails (${thrownMessage(error)})`) }, time);
  }
}
