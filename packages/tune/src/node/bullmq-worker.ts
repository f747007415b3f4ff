import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { checkKeys, checkPositiveInteger } from '@etagrad/check';
import { connectionOptions, queueName, type Connection } from './bullmq-options.js';
import { checkRedis } from './redis-ready.js';
import { sourceExecArgv } from './source-exec-argv.js';

/** Options of {@link runWorker}. */
export interface RunWorkerOptions {
  /** Redis: a `redis://` URL or ioredis options. */
  readonly connection: Connection;
  /** The queue to consume (default `etagrad-tune`). */
  readonly queue?: string;
  /** Trials run at once, each in its own child process (default 1). */
  readonly concurrency?: number;
  /**
   * Milliseconds a job's lock lasts without renewal (default 10 000; BullMQ's 30 000). The worker
   * renews it every half of this while the trial runs; a worker that dies stops renewing, and
   * its job is free again once the lock expires.
   */
  readonly lockDuration?: number;
  /**
   * Milliseconds between this worker's checks for stalled jobs, whose lock expired (default
   * 5 000; BullMQ's 30 000). A stalled job goes back to the queue and runs again elsewhere:
   * with the defaults, a trial whose worker was killed is rerun within about 15 s.
   */
  readonly stalledInterval?: number;
  /** Milliseconds to wait for Redis to answer before giving up with an error (default 10 000). */
  readonly readyTimeout?: number;
}

/** A running worker. */
export interface TuneWorker {
  /** Stops taking jobs, waits for the running ones to finish and disconnects. */
  close(): Promise<void>;
}

const owner = 'runWorker';

/**
 * Consumes trial jobs from a BullMQ queue, each in a sandboxed child process (BullMQ's
 * sandboxed processor: a long synchronous trial never blocks the lock renewal), until closed. A
 * job that stalls (its worker was killed) is moved back to the queue by BullMQ's stalled-job
 * check and run again, at most twice (`maxStalledCount: 2`); its result is recorded once, by the
 * search, when the job completes.
 *
 * @param options `connection`, `queue`, `concurrency`, `lockDuration`, `stalledInterval`,
 *   `readyTimeout`.
 * @throws Error when Redis does not answer within `readyTimeout`.
 * @example
 * const worker = await runWorker({ connection: 'redis://127.0.0.1:6379' });
 * process.on('SIGTERM', () => void worker.close());
 */
export async function runWorker(options: RunWorkerOptions): Promise<TuneWorker> {
  checkKeys(owner, 'options', options, ['connection', 'queue', 'concurrency', 'lockDuration', 'stalledInterval', 'readyTimeout']);
  const connection = connectionOptions(owner, options.connection);
  const name = queueName(owner, options.queue);
  const concurrency = checkPositiveInteger(owner, 'concurrency', options.concurrency ?? 1);
  const lockDuration = checkPositiveInteger(owner, 'lockDuration', options.lockDuration ?? 10_000);
  const stalledInterval = checkPositiveInteger(owner, 'stalledInterval', options.stalledInterval ?? 5_000);
  await checkRedis(owner, connection, options.readyTimeout);
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const processor = new URL(`./bullmq-processor.${ext}`, import.meta.url);
  const execArgv = sourceExecArgv(processor);
  const worker = new Worker(name, fileURLToPath(processor), {
    connection,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount: 2,
    ...(execArgv === undefined ? {} : { workerForkOptions: { execArgv } }),
  });
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
