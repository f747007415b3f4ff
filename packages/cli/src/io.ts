import { processInterrupts, type OnInterrupt } from './interrupt.js';

/** Where a command writes: the process streams in a terminal, string buffers in tests. */
export interface Output {
  /**
   * Writes `text` to the stream.
   *
   * @param text - what to write, as is (no newline added)
   */
  write(text: string): unknown;
  /** True when the output is a terminal: colour and live progress bars are used only then. */
  readonly isTTY?: boolean;
  /** The terminal's width in columns, when it is one (Node's TTY streams have it); charts fit it. */
  readonly columns?: number;
}

/** The streams and environment a command runs with. */
export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  /** Environment variables read by the CLI (`NO_COLOR`); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Where SIGINT and SIGTERM come from (the process's, see `processInterrupts`); without it a
   * run is never interrupted. Tests pass a function they trigger themselves.
   */
  readonly onInterrupt?: OnInterrupt;
}

/** The real process: `process.stdout`, `process.stderr`, `process.env` and its signals. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, onInterrupt: processInterrupts() };
}
