import { Command, Option } from 'commander';
import { runWorker } from '@etagrad/tune/node';
import { positiveInteger } from './args.js';
import { ExitCode, println, UsageError, type Context } from './command.js';
import { signalExitCode, type InterruptSignal } from './interrupt.js';

/** Options of `etagrad worker`, as commander parses them. */
export interface WorkerOptions {
  readonly redis: string;
  readonly queue?: string;
  readonly concurrency: number;
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
}

/** `etagrad worker --redis URL`: runs the trials `etagrad tune --redis` puts on the queue, until stopped. */
export function workerCommand(context: Context): Command {
  return new Command('worker')
    .summary('run the trials of searches started with etagrad tune --redis (BullMQ)')
    .description(
      'Consume trial jobs from a BullMQ queue on Redis, each in its own child process, until ' +
        'Ctrl-C (SIGINT) or SIGTERM, which let the running trials finish. Start as many as you ' +
        'like, on any machines that reach the Redis server and resolve the objective module. A ' +
        'worker that dies mid-trial loses nothing: once its lock lapses (--lock-duration) another ' +
        "worker's stalled-job check (--stalled-interval) puts the trial back on the queue.",
    )
    .requiredOption('--redis <url>', 'the Redis server, e.g. redis://127.0.0.1:6379')
    .addOption(new Option('--queue <name>', 'the queue (default etagrad-tune)'))
    .addOption(new Option('--concurrency <n>', 'trials run at once').argParser(positiveInteger).default(1))
    .addOption(new Option('--lock-duration <ms>', "how long a trial's lock lasts without renewal (default 10000)").argParser(positiveInteger))
    .addOption(new Option('--stalled-interval <ms>', 'how often to look for trials whose worker died (default 5000)').argParser(positiveInteger))
    .addHelpText('after', '\nExample:\n  $ etagrad worker --redis redis://127.0.0.1:6379 --concurrency 2')
    .action(async (options: WorkerOptions) => {
      context.exitCode = await runWorkerCommand(context, options);
    });
}

/** Runs a worker until SIGINT or SIGTERM (through `Io.onInterrupt`); returns the signal's exit code, 130 or 143. */
export async function runWorkerCommand(context: Context, options: WorkerOptions): Promise<ExitCode> {
  const worker = await usageOnRefusal(
    runWorker({
      connection: options.redis,
      concurrency: options.concurrency,
      ...(options.queue === undefined ? {} : { queue: options.queue }),
      ...(options.lockDuration === undefined ? {} : { lockDuration: options.lockDuration }),
      ...(options.stalledInterval === undefined ? {} : { stalledInterval: options.stalledInterval }),
    }),
  );
  println(context.io.stdout, `etagrad worker: running trials from queue ${options.queue ?? 'etagrad-tune'} on ${options.redis} (${options.concurrency} at a time); Ctrl-C to stop`);
  // A second signal ends the process at once (processInterrupts), for a user who will not wait.
  let unsubscribe = (): void => undefined;
  const signal = await new Promise<InterruptSignal>((resolve) => {
    unsubscribe = context.io.onInterrupt?.(resolve) ?? unsubscribe;
  });
  println(context.io.stdout, `etagrad worker: ${signal}: finishing the running trials`);
  try {
    await worker.close();
  } finally {
    unsubscribe();
  }
  return signalExitCode[signal];
}

/** What `work` resolves to; its RangeError or TypeError (an option tune refused) as bad input. */
export async function usageOnRefusal<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}
