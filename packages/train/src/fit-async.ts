import type { Module } from '@etagrad/nn';
import { abortRun, closeRun, finishRun, startRun } from './fit-loop.js';
import { checkpointsInMemory, type FitAsyncOptions, type FitPlan, planFit } from './fit-options.js';
import type { History } from './history.js';

/**
 * `fit` that gives the event loop a turn between updates, so that a page stays responsive, a
 * server answers and timers fire while a model trains, and that stops on an `AbortSignal`. The
 * loop is `fit`'s own: the same options, the same numbers, bit for bit.
 *
 * When `signal` is aborted, the run stops after the update under way, saves a checkpoint when
 * one is configured (mid-epoch; resuming from it is bit-identical to a run never stopped), and
 * the promise resolves with the history, `stopped.reason === 'aborted'`. It never rejects on an
 * abort; it rejects, before anything changes, only for what makes `fit` throw (invalid options,
 * a checkpoint that does not fit) or an error thrown by the loss, a metric or a callback.
 *
 * @param model - the Module to train, in place
 * @param options - those of `fit`, and `signal`
 * @example
 * const controller = new AbortController();
 * stopButton.onclick = () => controller.abort();
 * const history = await fitAsync(model, { data, loss: mse, optimizer, epochs: 100, signal: controller.signal });
 * history.stopped?.reason; // 'aborted' if the button was pressed
 */
export function fitAsync(model: Module, options: FitAsyncOptions): Promise<History> {
  try {
    return fitPlannedAsync(model, planFit(model, options, 'fitAsync', checkpointsInMemory));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** `fitAsync` after its options were checked (also `@etagrad/train/node`'s, with files). */
export async function fitPlannedAsync(model: Module, plan: FitPlan): Promise<History> {
  const run = startRun(model, plan);
  const aborted = () => plan.signal?.aborted === true;
  try {
    while (!aborted() && run.steps.next().done !== true) await nextTask();
    if (aborted()) abortRun(run);
    finishRun(run);
  } finally {
    closeRun(run);
  }
  return run.state.history;
}

type Schedule = (callback: () => void) => unknown;

interface MessageChannelLike {
  readonly port1: { onmessage: (() => void) | null };
  readonly port2: { postMessage(message: null): void };
}

let schedule: Schedule | null = null;

/**
 * A macrotask scheduler: its callback runs after the timers and I/O that are due, unlike a
 * microtask's. `setImmediate` where there is one (Node: one loop turn, no 1 ms floor), a
 * `MessageChannel` message in a browser (`setTimeout` is clamped to 4 ms there), else `setTimeout`.
 */
function scheduler(): Schedule {
  const global = globalThis as unknown as { setImmediate?: Schedule; MessageChannel?: new () => MessageChannelLike };
  if (typeof global.setImmediate === 'function') return global.setImmediate;
  if (typeof global.MessageChannel === 'function') {
    const channel = new global.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return (callback) => {
      waiting.push(callback);
      channel.port2.postMessage(null);
    };
  }
  return (callback) => setTimeout(callback, 0);
}

/** Resolves in a later macrotask: the event loop has had a turn. */
function nextTask(): Promise<void> {
  schedule ??= scheduler();
  const run = schedule;
  return new Promise((resolve) => {
    run(resolve);
  });
}
