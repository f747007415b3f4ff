import type { Io } from './io.js';
import { styleFor, type Style } from './style.js';

/** Exit codes of the `etagrad` command, as most Unix tools use them. */
export const ExitCode = {
  /** Done. */
  Ok: 0,
  /** The work itself failed (a file that cannot be read, a refused checkpoint). */
  Failure: 1,
  /** Bad input: unknown command or flag, a bad value. Nothing was done. */
  Usage: 2,
  /** Training stopped by SIGINT (Ctrl-C), its checkpoint saved (128 + 2, as shells report it). */
  Interrupted: 130,
  /** Training stopped by SIGTERM, its checkpoint saved (128 + 15). */
  Terminated: 143,
} as const;
/** One of the {@link ExitCode} values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad input found after the flags were parsed (e.g. a model that does not fit the data set). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What every command needs: where to write and how to decorate it. */
export interface Context {
  readonly io: Io;
  readonly style: Style;
  /** Set by a command that wants a non-zero exit code without throwing. */
  exitCode: ExitCode;
}

/** A fresh context for one run of `main`. */
export function contextFor(io: Io): Context {
  return { io, style: styleFor(io), exitCode: ExitCode.Ok };
}

/** Writes text followed by a newline. */
export function println(out: Io['stdout'], text = ''): void {
  out.write(`${text}\n`);
}

/** Turns a library validation error (RangeError, TypeError) raised while building a run into a UsageError. */
export function asUsage<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}
