import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { thrownMessage } from '@etagrad/check';
import { oneLine } from './args.js';
import { runAsInit } from './as-init.js';
import { contextFor, ExitCode, println, UsageError, type Context } from './command.js';
import { compareCommand } from './compare.js';
import { demoCommand } from './demo.js';
import { lrFindCommand } from './lr-find.js';
import { processIo, type Io } from './io.js';
import { plotCommand } from './plot.js';
import { tuneCommand } from './tune.js';
import { workerCommand } from './worker.js';
import { trainCommand } from './train.js';

/** Help is wrapped to this width when the output is not a terminal (tests, pipes, files). */
const HELP_WIDTH = 80;

/**
 * Runs the `etagrad` command with `argv` (the arguments after the program name, e.g.
 * `['train', '--epochs', '5']`) and resolves to its exit code: 0 done, 1 the work failed, 2 bad
 * input (unknown command or flag, a bad value; reported as one line on stderr, nothing done),
 * 130 or 143 when training was stopped by SIGINT or SIGTERM (see `Io.onInterrupt`).
 *
 * It never calls `process.exit`, so tests can call it in-process with string buffers as `io`.
 *
 * @param argv - the arguments after the program name
 * @param io - the streams, environment and interrupt source to run with (default: the process's)
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const context = contextFor(io);
  const program = buildProgram(context);
  if (argv.length === 0) {
    program.outputHelp();
    return ExitCode.Ok;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return report(error, argv, program, io);
  }
}

/** The program and its commands, every one set to throw rather than exit, and to write to `io`. */
function buildProgram(context: Context): Command {
  const { io } = context;
  const program = new Command('etagrad')
    .description(
      'etagrad: see what the learning rate does, on a real model, in seconds.\n' +
        'Start with `etagrad demo`.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .addCommand(demoCommand(context))
    .addCommand(trainCommand(context))
    .addCommand(plotCommand(context))
    .addCommand(compareCommand(context))
    .addCommand(lrFindCommand(context))
    .addCommand(tuneCommand(context))
    .addCommand(workerCommand(context))
    .helpCommand(false)
    .addHelpText(
      'after',
      `
Examples:
  $ etagrad demo
  $ etagrad train --dataset spirals --optimizer adam --lr 0.01 --epochs 40
  $ etagrad plot "warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })"
  $ etagrad help train`,
    );
  program.addCommand(helpCommand(program));
  for (const command of [program, ...program.commands]) {
    command
      .exitOverride()
      .showSuggestionAfterError(true)
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // `report` writes the one-line error once the CommanderError reaches `main`.
        outputError: () => undefined,
        getOutHelpWidth: () => helpWidth(io.stdout),
        getErrHelpWidth: () => helpWidth(io.stderr),
        getOutHasColors: () => false,
        getErrHasColors: () => false,
      });
  }
  return program;
}

/**
 * `etagrad help [command]`: commander's own help command prints the whole help to stderr for an
 * unknown name; this one reports it on one line, like every other bad input.
 */
function helpCommand(program: Command): Command {
  return new Command('help')
    .summary('show the help of a command')
    .argument('[command]', 'demo, train or plot')
    .action((name: string | undefined) => {
      if (name === undefined) return program.outputHelp();
      const command = program.commands.find((candidate) => candidate.name() === name);
      if (command === undefined) throw new UsageError(`unknown command '${name}' (see 'etagrad --help')`);
      command.outputHelp();
    });
}

/** Writes one line for a failed run and picks its exit code. */
function report(error: unknown, argv: readonly string[], program: Command, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version end the parse by throwing too; they are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.Ok;
    // Help shown because a command was missing: it is on stderr already, and is the message.
    if (error.code === 'commander.help') return ExitCode.Usage;
    const message = oneLine(error.message.replace(/^error: /, '')).replace('(Did you mean', '(did you mean');
    println(io.stderr, `${commandName(argv, program)}: ${message}`);
    return ExitCode.Usage;
  }
  const message = oneLine(thrownMessage(error));
  if (error instanceof UsageError) {
    println(io.stderr, `${commandName(argv, program)}: ${message}`);
    return ExitCode.Usage;
  }
  println(io.stderr, `${commandName(argv, program)}: error: ${message}`);
  return ExitCode.Failure;
}

/** "etagrad train" when argv names a command, else "etagrad". */
function commandName(argv: readonly string[], program: Command): string {
  const first = argv[0];
  const known = first !== undefined && program.commands.some((command) => command.name() === first);
  return known ? `etagrad ${first}` : 'etagrad';
}

function helpWidth(out: Io['stdout']): number {
  const columns = (out as { columns?: unknown }).columns;
  return out.isTTY === true && typeof columns === 'number' ? columns : HELP_WIDTH;
}

/** This package's version, read from package.json next to `src/` or `dist/`. */
function packageVersion(): string {
  const path = fileURLToPath(new URL('../package.json', import.meta.url));
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}

/** True when this file is the program Node was started with (not when it is imported). */
function isEntryModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Runs `main` as the process: arguments from `process.argv`, the exit code into
 * `process.exitCode` (so pending output is flushed before Node exits; a code, not a re-raised
 * signal, which a PID 1 would ignore), and a closed pipe (`etagrad demo | head`) ends the run
 * quietly instead of crashing on EPIPE. As PID 1 (a container's first process) it runs the
 * command in a child process and passes signals on to it, as `docker run --init` would.
 */
export async function runAsProcess(): Promise<void> {
  if (process.pid === 1) {
    process.exitCode = await runAsInit();
    return;
  }
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(ExitCode.Ok);
  });
  process.exitCode = await main(process.argv.slice(2));
}

if (isEntryModule()) await runAsProcess();
