import { ExitCode } from './command.js';

/** The signals that stop a training run gracefully. */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/**
 * Subscribes to interrupts for as long as a command needs them: calls `listener` on the first
 * SIGINT or SIGTERM, and returns the function that unsubscribes.
 *
 * @param listener - called with the signal, once
 */
export type OnInterrupt = (listener: (signal: InterruptSignal) => void) => () => void;

/**
 * The exit code of a run stopped by a signal, as shells report one (128 + the signal's number):
 * 130 for SIGINT, 143 for SIGTERM. Returned as a code, not by re-raising the signal, which a
 * process running as PID 1 (a container's) would ignore.
 */
export const signalExitCode = { SIGINT: ExitCode.Interrupted, SIGTERM: ExitCode.Terminated } as const satisfies Record<
  InterruptSignal,
  ExitCode
>;

/** Shows the terminal's cursor again (a live progress bar hides it). */
const SHOW_CURSOR = '\u001b[?25h';

/**
 * The process's interrupts: while subscribed, the first SIGINT or SIGTERM goes to the listener
 * (the run stops after its current update and saves its checkpoint); a second one ends the
 * process at once, with the cursor shown and the same exit code, for a user who will not wait.
 * Installing handlers also makes the signals work when Node runs as PID 1, where the default
 * action would be to ignore them.
 */
export function processInterrupts(): OnInterrupt {
  return (listener) => {
    let received = false;
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
      const handler = (): void => {
        if (received) {
          if (process.stderr.isTTY) process.stderr.write(SHOW_CURSOR);
          process.exit(signalExitCode[signal]);
        }
        received = true;
        listener(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
    return () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
  };
}

/** An interrupt subscription of one command: an `AbortSignal` for `fitAsync`, and which signal came. */
export interface Interruption {
  /** Aborted on the first SIGINT or SIGTERM. */
  readonly signal: AbortSignal;
  /** The signal received, or null. */
  received(): InterruptSignal | null;
  /** Unsubscribes (the process's default handling returns). */
  close(): void;
}

/**
 * Subscribes to `onInterrupt` (nothing ever comes without one) until `close()`. While subscribed,
 * a signal does not end the process: it is recorded and the signal aborted, so a synchronous
 * file write (a checkpoint, an SVG) always finishes, and training stops after its update.
 *
 * @param onInterrupt - the interrupt source, `Io.onInterrupt`
 */
export function listenForInterrupts(onInterrupt: OnInterrupt | undefined): Interruption {
  const controller = new AbortController();
  let received: InterruptSignal | null = null;
  const unsubscribe = onInterrupt?.((signal) => {
    received ??= signal;
    controller.abort();
  });
  return { signal: controller.signal, received: () => received, close: () => unsubscribe?.() };
}

/**
 * Runs a command's work while listening for interrupts (see {@link listenForInterrupts}) and
 * resolves to its exit code, or to the signal's when one came (130, 143): a signal never cuts a
 * file write short, and is not lost either.
 *
 * @param onInterrupt - the interrupt source, `Io.onInterrupt`
 * @param work - the command's work; it may watch `interruption.signal`
 */
export async function interruptible(
  onInterrupt: OnInterrupt | undefined,
  work: (interruption: Interruption) => ExitCode | Promise<ExitCode>,
): Promise<ExitCode> {
  const interruption = listenForInterrupts(onInterrupt);
  let code: ExitCode;
  try {
    code = await work(interruption);
    // A signal that came during synchronous work is delivered in a later macrotask: wait for it.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    interruption.close();
  }
  const received = interruption.received();
  return received === null ? code : signalExitCode[received];
}
