import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** The signals the init passes on to the command (SIGWINCH: a progress bar follows the terminal's width). */
const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGWINCH'] as const;

/**
 * Runs this same command line again in a child process and resolves to the child's exit code (128 +
 * the signal's number when a signal ended it), passing on the signals in {@link PASSED_ON}.
 *
 * For a process that is PID 1 (a container's first process, `docker run` without `--init`): the
 * kernel ignores every signal PID 1 has no handler for, and a handler only runs once synchronous
 * work yields, so `docker stop` would go unheard by `compare`, `lr-find` or `demo` for as long as
 * they train. The child is not PID 1: a signal it does not handle ends it as anywhere else, and
 * `train` and `tune` still stop gracefully on theirs. The child gets a session of its own, so that
 * a Ctrl-C at the terminal reaches it once, through this process, not twice.
 */
export function runAsInit(): Promise<number> {
  // Listening first: a signal that comes while the child starts is handled (a PID 1 without a
  // handler would lose it), and passed on once this synchronous code has made the child.
  const passOn = (signal: NodeJS.Signals): void => void child.kill(signal);
  for (const signal of PASSED_ON) process.on(signal, passOn);
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', detached: true });
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`etagrad: could not start the command under this init: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
  });
}
