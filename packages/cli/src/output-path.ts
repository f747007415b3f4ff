import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkOutputPath, OutputPathError, writeFileAtomic } from '@etagrad/train/node';
import { ExitCode, UsageError } from './command.js';
import { interruptible, type OnInterrupt } from './interrupt.js';

/**
 * Checks, before any work, that the file a flag names (`--save`, `--svg`) can be written: a
 * regular file or a new one, with write permission, in a directory that takes new files (train's
 * `checkOutputPath`). A refusal is bad input, named by the flag:
 * `--save must be a regular file or a new file, got /dev/null (a character device)`.
 *
 * @param flag - the flag as the user typed it, for the message
 * @param path - the path the user gave
 */
export function checkOutput(flag: string, path: string): void {
  asFlagError(flag, () => checkOutputPath(path));
}

/**
 * Writes `text` to the file a flag names, atomically (train's `writeFileAtomic`); a path refused
 * there is reported like {@link checkOutput}'s.
 *
 * @param flag - the flag as the user typed it, for the message
 * @param path - the path the user gave
 * @param text - the file's content
 */
export function writeOutput(flag: string, path: string, text: string): void {
  asFlagError(flag, () => writeFileAtomic(path, text));
}

/**
 * Writes each `[path, text]` as {@link writeOutput} does, with interrupts held off: a signal that
 * comes meanwhile waits for the last write (no file is cut short, no temporary file is left) and
 * then gives its exit code (130, 143), which the command returns instead of going on.
 *
 * @param flag - the flag that names the files, for messages
 * @param files - each file's path and content
 * @param onInterrupt - the interrupt source, `Io.onInterrupt`
 */
export function writeOutputs(flag: string, files: readonly (readonly [path: string, text: string])[], onInterrupt: OnInterrupt | undefined): Promise<ExitCode> {
  return interruptible(onInterrupt, () => {
    for (const [path, text] of files) writeOutput(flag, path, text);
    return ExitCode.Ok;
  });
}

/**
 * Runs a write to the file a flag names, reporting a path refused there like {@link checkOutput}.
 *
 * @param flag - the flag as the user typed it, for the message
 * @param run - the write
 */
export function asFlagError(flag: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof OutputPathError) throw new UsageError(`${flag} ${error.problem}`, { cause: error });
    throw error;
  }
}

/**
 * Refuses two flags that name the same file (`--save run.json --svg run.json`), before any work:
 * the later write would replace what the earlier one saved, a checkpoint or a journal, with no
 * error. The same file is found through other spellings too (`./run.json`, a symbolic link to it,
 * which a write goes through); a hard link is another name, which a write (a rename) replaces
 * alone. Flags not given (`undefined`) are skipped.
 *
 * @param files - each flag as the user typed it (or what the file is) and the path it names
 * @example
 * checkDistinct([['--save', options.save], ['--svg', options.svg]]);
 * // UsageError: --svg must be another file than --save's, got run.json
 */
export function checkDistinct(files: readonly (readonly [flag: string, path: string | undefined])[]): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of files) {
    if (path === undefined) continue;
    const file = canonicalPath(path);
    const earlier = seen.get(file);
    if (earlier !== undefined) throw new UsageError(`${flag} must be another file than ${earlier}'s, got ${path}`);
    seen.set(file, flag);
  }
}

/** The path a write to `path` replaces, symbolic links resolved: the file's, or its directory's and its name. */
function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** The file of a second chart beside `--svg <file>`: `<file>-<name>.svg` (`runs.svg` -> `runs-lr.svg`). */
export function svgBeside(file: string, name: string): string {
  return file.replace(/(\.svg)?$/i, `-${name}.svg`);
}
