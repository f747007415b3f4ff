import type { Config } from './space.js';
import type { Evaluation, TrialRecord } from './trial.js';

/** An evaluation to start. */
export interface Job {
  readonly index: number;
  readonly budget: number;
}

/**
 * Decides which evaluation runs next and when a trial is finished. The driver asks `next()`
 * while it has room, and `report()`s each evaluation as it finishes, in any order.
 */
export interface Scheduler {
  /** The next evaluation to start; null when none can start until a running one reports. */
  next(): Job | null;
  report(evaluation: Evaluation): void;
  /** Trials with a final status so far. */
  finished(): number;
  /** Whether every trial has a final status. */
  done(): boolean;
  /** One record per config with a final status, in config order: every config once done. */
  records(configs: readonly Config[]): TrialRecord[];
}

/**
 * Grid and random search: every config runs once, at one budget, in config order.
 *
 * @param count The number of configs.
 * @param budget The budget of every evaluation.
 */
export function flatScheduler(count: number, budget: number): Scheduler {
  let started = 0;
  const results = new Map<number, Evaluation>();
  return {
    next: () => (started < count ? { index: started++, budget } : null),
    report: (evaluation) => void results.set(evaluation.index, evaluation),
    finished: () => results.size,
    done: () => results.size === count,
    records: (configs) =>
      configs.flatMap((config, index) => {
        const result = results.get(index);
        if (result === undefined) return [];
        const { status, score, time, extras, error } = result;
        return [{ index, config, status, score, budget, time, extras, ...(error === undefined ? {} : { error }) }];
      }),
  };
}
