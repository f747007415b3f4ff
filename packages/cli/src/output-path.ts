import { checkOutputPath, OutputPathError, writeFileAtomic } from '@etagrad/train/node';
import { UsageError } from './command.js';

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
