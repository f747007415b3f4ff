// BullMQ's sandboxed processor for tune's jobs: BullMQ runs this file in a child process of the
// worker, so a long synchronous trial never blocks the worker's lock renewal.
import { runObjective, type TrialTask } from '../executor.js';
import type { Objective } from '../trial.js';
import { loadObjective, type ObjectiveRef } from './objective-ref.js';

/** A job's data: the objective (as data) and the trial. */
export interface TrialJobData {
  readonly objective: ObjectiveRef;
  readonly task: TrialTask;
}

// A child process runs job after job: load each objective once.
const loaded = new Map<string, Promise<Objective>>();

/**
 * Runs one trial job; resolves to its evaluation (a trial that throws is a `failed` evaluation,
 * so the job itself completes).
 *
 * @param job The BullMQ job (only its `data` is read).
 */
export default async function processTrial(job: { readonly data: TrialJobData }) {
  const { objective, task } = job.data;
  const key = JSON.stringify(objective);
  let load = loaded.get(key);
  if (load === undefined) {
    load = loadObjective(objective);
    loaded.set(key, load);
  }
  return runObjective(await load, task);
}
