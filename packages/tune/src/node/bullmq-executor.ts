import { Queue, QueueEvents } from 'bullmq';
import { checkKeys, checkPositiveInteger, thrownMessage } from '@etagrad/check';
import type { Executor } from '../executor.js';
import { hashText } from '../hash.js';
import type { Evaluation } from '../trial.js';
import { connectionOptions, queueName, type Connection } from './bullmq-options.js';
import type { TrialJobData } from './bullmq-processor.js';
import { checkObjectiveRef, type ObjectiveRef } from './objective-ref.js';
import { checkRedis } from './redis-ready.js';

/** Options of {@link bullmqExecutor}. */
export interface BullmqExecutorOptions {
  /** Redis: a `redis://` URL or ioredis options. */
  readonly connection: Connection;
  /** The queue (default `etagrad-tune`); workers must consume the same one. */
  readonly queue?: string;
  /** How many trials the search keeps on the queue at once (default 64). */
  readonly capacity?: number;
  /** Milliseconds to wait for Redis to answer before giving up with an error (default 10 000). */
  readonly readyTimeout?: number;
}

const owner = 'bullmqExecutor';

/**
 * Puts each trial on a BullMQ queue for `etagrad worker` processes (`runWorker`) to run, on any
 * machines, and waits for its result. Each job's id is the trial's identity (search, trial,
 * budget, and the objective: its module's URL or its `{ fit }`): adding a trial that is already
 * queued or done adds nothing, so a resumed search never duplicates work. A job that BullMQ
 * itself fails (it stalled more often than workers allow) is recorded as a `failed` trial with
 * BullMQ's reason.
 *
 * `close()` with trials unfinished (a search stopped by its signal) removes from the queue the
 * jobs no worker has started, so that a stopped search keeps no worker busy; the running ones
 * (BullMQ cannot interrupt a job on another machine) finish on their workers, and their results
 * stay in Redis under the trial's id: the same search run again collects them instead of running
 * them again. The unfinished evaluations reject.
 *
 * @param objective The objective as data: workers load it (a module must resolve on them).
 * @param options `connection`, `queue`, `capacity`, `readyTimeout`.
 * @throws Error when Redis does not answer within `readyTimeout`.
 */
export async function bullmqExecutor(objective: ObjectiveRef, options: BullmqExecutorOptions): Promise<Executor> {
  checkObjectiveRef(owner, objective);
  checkKeys(owner, 'options', options, ['connection', 'queue', 'capacity', 'readyTimeout']);
  const connection = connectionOptions(owner, options.connection);
  const name = queueName(owner, options.queue);
  const capacity = checkPositiveInteger(owner, 'capacity', options.capacity ?? 64);
  // The objective is part of a job's identity: two searches of one space and seed with other
  // objectives (another module, another { fit }) must not collect each other's results.
  const objectiveId = hashText(JSON.stringify(objective));
  await checkRedis(owner, connection, options.readyTimeout);
  const queue = new Queue<TrialJobData, Evaluation>(name, { connection });
  const events = new QueueEvents(name, { connection });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  /** Ids of the jobs this executor added (or is adding) whose result it has not had yet. */
  const unfinished = new Set<string>();
  const adding = new Set<Promise<unknown>>();
  let closing = false;
  let cut = (_error: Error): void => undefined;
  const closed = new Promise<never>((_resolve, reject) => (cut = reject));
  closed.catch(() => undefined); // only ever raced against
  return {
    capacity,
    async evaluate(task) {
      if (closing) throw new Error(`${owner}: closed, cannot run trial ${task.index}`);
      const jobId = `${task.id}-${objectiveId}`;
      unfinished.add(jobId);
      try {
        // Redis refusing the job is the executor breaking: that rejects (and ends the search).
        const added = queue.add('trial', { objective, task }, { jobId, attempts: 1 });
        adding.add(added);
        const job = await added.finally(() => adding.delete(added));
        try {
          return (await Promise.race([job.waitUntilFinished(events), closed])) as Evaluation;
        } catch (error) {
          if (closing) throw new Error(`${owner}: closed before trial ${task.index} finished`);
          const reason = thrownMessage(error);
          return { index: task.index, budget: task.budget, status: 'failed', score: null, time: 0, extras: {}, error: `BullMQ job ${jobId} failed: ${reason}` };
        }
      } finally {
        unfinished.delete(jobId);
      }
    },
    async close() {
      closing = true;
      await Promise.allSettled(adding);
      // A running job is locked by its worker: remove() leaves it (and says 0) to finish there.
      await Promise.all([...unfinished].map((id) => queue.remove(id)));
      cut(new Error(`${owner}: closed`));
      await events.close();
      await queue.close();
    },
  };
}
