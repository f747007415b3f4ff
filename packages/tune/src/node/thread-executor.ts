import { Worker } from 'node:worker_threads';
import type { Executor, TrialTask } from '../executor.js';
import type { Evaluation } from '../trial.js';
import { checkPositiveInteger } from '@etagrad/check';
import { checkObjectiveRef, type ObjectiveRef } from './objective-ref.js';
import { threadEntry } from './source-exec-argv.js';

/** A worker thread and the task it runs, if any. */
interface Slot {
  worker: Worker;
  busy: Pending | null;
  /** Whether it loaded the objective: a thread that dies before that is broken, not unlucky. */
  proven: boolean;
}

interface Pending {
  readonly task: TrialTask;
  resolve(evaluation: Evaluation): void;
  reject(error: Error): void;
}


/**
 * Runs evaluations on `workers` worker threads, each of which loads the objective once. A thread
 * that dies mid-trial (the objective called `process.exit`, ran out of memory) fails that trial
 * with a message and is replaced; the search goes on. `close()` terminates the threads at once,
 * cutting short the trials they run (a search stopped by its signal closes its executor): the
 * evaluations still running or queued then reject, and are never recorded.
 *
 * @param objective The objective as data (see `objectiveRef`).
 * @param workers How many threads (default: the number of cores).
 * @example
 * const executor = threadExecutor({ module: pathToFileURL('objective.mjs').href }, 2);
 */
export function threadExecutor(objective: ObjectiveRef, workers: number): Executor {
  checkObjectiveRef('threadExecutor', objective);
  checkPositiveInteger('threadExecutor', 'workers', workers);
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const script = new URL(`./thread-worker.${ext}`, import.meta.url);
  const { entry, options: entryOptions } = threadEntry(script);
  const queue: Pending[] = [];
  let closing = false;
  let broken: Error | null = null;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(entry, { ...entryOptions, workerData: { objective } }), busy: null, proven: false };
    slot.worker.on('message', (message: Evaluation | 'ready') => {
      if (message === 'ready') {
        slot.proven = true;
        return;
      }
      const done = slot.busy;
      slot.busy = null;
      done?.resolve(message);
      dispatch();
    });
    const die = (why: string) => {
      const at = slots.indexOf(slot);
      if (closing || at === -1) return; // 'error' and then 'exit': handle the death once
      const done = slot.busy;
      if (!slot.proven) {
        slots.splice(at, 1);
        broken = new Error(`threadExecutor: a worker thread must start and run the objective, got one that ${why}`);
        for (const pending of [...queue.splice(0), ...(done === null ? [] : [done])]) pending.reject(broken);
        return;
      }
      slots[at] = spawn();
      if (done !== null) {
        const { index, budget } = done.task;
        done.resolve({ index, budget, status: 'failed', score: null, time: 0, extras: {}, error: `the worker thread ${why} during the trial` });
      }
      dispatch();
    };
    slot.worker.on('error', (error) => die(`failed (${error.message})`));
    slot.worker.on('exit', (code) => die(`exited with code ${code}`));
    return slot;
  };
  const slots: Slot[] = Array.from({ length: workers }, spawn);

  function dispatch(): void {
    for (const slot of slots) {
      if (slot.busy !== null) continue;
      const next = queue.shift();
      if (next === undefined) return;
      slot.busy = next;
      slot.worker.postMessage(next.task);
    }
  }

  return {
    capacity: workers,
    evaluate: (task) =>
      new Promise<Evaluation>((resolve, reject) => {
        if (broken !== null) return reject(broken);
        if (closing) return reject(new Error(`threadExecutor: closed, cannot run trial ${task.index}`));
        queue.push({ task, resolve, reject });
        dispatch();
      }),
    async close() {
      closing = true;
      const cut = [...queue.splice(0), ...slots.flatMap((slot) => (slot.busy === null ? [] : [slot.busy]))];
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
      for (const pending of cut) pending.reject(new Error(`threadExecutor: closed before trial ${pending.task.index} finished`));
    },
  };
}
