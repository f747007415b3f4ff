import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * Called with the temporary file's path once it is fully written and synced, just before the
   * rename. For tests: a hook that throws or exits the process simulates a crash at the worst
   * moment, and the file at `path` must still be the old one.
   *
   * @param tempPath - the temporary file's path
   */
  readonly beforeRename?: (tempPath: string) => void;
}

/**
 * A path that {@link writeFileAtomic} refuses to replace: a device, directory, FIFO or socket, a
 * file without write permission, a missing or unwritable directory. `problem` is the rule and
 * what was found (`must be a regular file or a new file, got /dev/null (a character device)`),
 * so that a caller can name the path as its user wrote it (`--save must be ...`).
 */
export class OutputPathError extends RangeError {
  override readonly name = 'OutputPathError';
  /** The path as the caller gave it. */
  readonly path: string;
  /** `must be <rule>, got <what was found>`. */
  readonly problem: string;

  /**
   * An error for `path`, which is not a place a file can be written.
   *
   * @param path - the path as the caller gave it
   * @param problem - `must be <rule>, got <what was found>`
   */
  constructor(path: string, problem: string) {
    super(`writeFileAtomic: path ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

/** Symbolic links followed before giving up, as Linux's own limit (ELOOP). */
const MAX_LINKS = 40;

/** Where a write to `path` lands: the file a symbolic link chain ends at, and its stats (null: no file yet). */
interface Target {
  readonly file: string;
  readonly stats: Stats | null;
}

/**
 * Checks, before any work, that {@link writeFileAtomic} can replace `path`: it is a regular file
 * (through symbolic links) or no file yet, its mode bits give write permission (checked from the
 * bits, so a root process is refused a 0444 file too), and its directory exists and takes a new
 * file (proved by creating and removing an exclusive temporary file there). Throws an
 * {@link OutputPathError} naming `path` otherwise; returns nothing and leaves nothing behind.
 *
 * @param path - the file to be written
 * @example
 * checkOutputPath('runs/moons.json'); // before a long run, so that its end is not lost
 */
export function checkOutputPath(path: string): void {
  const target = resolveTarget(path);
  checkReplaceable(path, target);
  try {
    const { fd, temp } = openTemp(target.file, 0o600);
    closeSync(fd);
    rmSync(temp, { force: true });
  } catch (error) {
    throw new OutputPathError(path, `must be in a writable directory, got ${path} (${reasonOf(error)})`);
  }
}

/**
 * Replaces the file at `path` with `text` (UTF-8) atomically: writes a temporary file in the same
 * directory (same file system, so the rename is atomic on POSIX), fsyncs it, then renames it over
 * the file. A crash at any moment leaves either the old file whole or the new one whole, never
 * half of one.
 *
 * Nothing but a regular file is ever replaced: a device (`/dev/null`), directory, FIFO or socket
 * at `path`, or a file whose mode bits give no write permission, is refused with an
 * {@link OutputPathError} before anything is written. A symbolic link is written through (the
 * file it points to is replaced, the link stays a link), and the file keeps its mode (a 0600
 * checkpoint stays 0600) and, for root, its owner.
 *
 * The temporary file has a random name, created exclusively, so two writers (or a crashed run's
 * leftover) never collide. On any error it is removed, and the error names `path`, never the
 * temporary file. The write is synchronous, so a process that handles SIGINT/SIGTERM (as the
 * `etagrad` command does) never stops in the middle of it.
 *
 * @param path - the file to create or replace
 * @param text - its new content, written as UTF-8
 * @param options - a test hook, see {@link AtomicWriteOptions}
 * @example
 * writeFileAtomic('run.ckpt.json', JSON.stringify(state));
 */
export function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): void {
  const target = resolveTarget(path);
  checkReplaceable(path, target);
  const mode = target.stats === null ? 0o666 : target.stats.mode & 0o7777;
  let temp: string | null = null;
  try {
    const opened = openTemp(target.file, mode);
    temp = opened.temp;
    const { fd } = opened;
    try {
      // open's mode passes through the umask; an existing file's own mode is kept whole.
      if (target.stats !== null) keepModeAndOwner(fd, target.stats);
      const bytes = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforeRename?.(temp);
    renameSync(temp, target.file);
  } catch (error) {
    if (temp !== null) rmSync(temp, { force: true });
    if (error instanceof OutputPathError || !isSystemError(error)) throw error;
    throw new Error(`writeFileAtomic: cannot write ${path}: ${reasonOf(error)}`, { cause: error });
  }
  syncDirectory(dirname(target.file));
}

/** Follows symbolic links from `path` to the file a write replaces (which may not exist yet). */
function resolveTarget(path: string): Target {
  if (typeof path !== 'string' || path === '') {
    throw new OutputPathError(String(path), `must be a file path, got ${JSON.stringify(path) ?? String(path)}`);
  }
  let file = path;
  for (let links = 0; links <= MAX_LINKS; links++) {
    let stats: Stats;
    try {
      stats = lstatSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { file, stats: null };
      if (code === 'ENOTDIR') throw new OutputPathError(path, `must be in an existing directory, got ${path}`);
      throw new OutputPathError(path, `must be a file that can be checked, got ${path} (${reasonOf(error)})`);
    }
    if (!stats.isSymbolicLink()) return { file, stats };
    file = resolve(dirname(file), readlinkSync(file));
  }
  throw new OutputPathError(path, `must not be a loop of symbolic links, got ${path}`);
}

/** Refuses what must never be replaced: anything but a regular file, a file without write bits, a missing directory. */
function checkReplaceable(path: string, { file, stats }: Target): void {
  if (stats === null) {
    const directory = dirname(file);
    let parent: Stats;
    try {
      parent = statSync(directory);
    } catch {
      throw new OutputPathError(path, `must be in an existing directory, got ${path} (no directory ${directory})`);
    }
    if (!parent.isDirectory()) throw new OutputPathError(path, `must be in an existing directory, got ${path} (${directory} is not one)`);
    return;
  }
  if (!stats.isFile()) {
    throw new OutputPathError(path, `must be a regular file or a new file, got ${path} (${kindOf(stats)})`);
  }
  if (!writableByModeBits(stats)) {
    throw new OutputPathError(
      path,
      `must be a file with write permission, got ${path} (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')})`,
    );
  }
}

/**
 * What a file that is not a regular one is, for a message: `'a directory'`, `'a character
 * device'`, `'a block device'`, `'a FIFO'`, `'a socket'`, else `'not a regular file'`.
 *
 * @param stats - the file's `fs.Stats` (from `statSync`)
 */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Write permission as the mode bits give it to this process: the owner's, group's or others' bit,
 * whichever class the process is in. Root, whom the kernel lets write anything, is held to "some
 * write bit is set", so a file made read-only on purpose is not replaced. Without POSIX ids
 * (Windows) the owner's bit, which mirrors the read-only attribute.
 */
function writableByModeBits(stats: Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return (stats.mode & 0o200) !== 0;
  if (uid === 0) return (stats.mode & 0o222) !== 0;
  if (stats.uid === uid) return (stats.mode & 0o200) !== 0;
  const groups = [process.getgid?.(), ...(process.getgroups?.() ?? [])];
  if (groups.includes(stats.gid)) return (stats.mode & 0o020) !== 0;
  return (stats.mode & 0o002) !== 0;
}

/** A new, exclusively created file with a random name beside `file`, hidden from a casual `ls`. */
function openTemp(file: string, mode: number): { fd: number; temp: string } {
  for (let attempt = 0; ; attempt++) {
    const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      return { fd: openSync(temp, 'wx', mode), temp };
    } catch (error) {
      // 48 random bits make a clash all but impossible; 'wx' turns one into a retry, never a reuse.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
  }
}

/** Gives the temporary file the replaced file's mode and, when allowed (root), its owner. */
function keepModeAndOwner(fd: number, stats: Stats): void {
  fchmodSync(fd, stats.mode & 0o7777);
  if (process.getuid?.() === 0) fchownSync(fd, stats.uid, stats.gid);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** `ENOSPC: no space left on device`: the system's reason, without the path Node appends (the temporary file's). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message.split(', ')[0] ?? error.message;
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a directory: skip there. */
function syncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // fsync on a directory is refused on some file systems; the data itself is already synced.
  } finally {
    closeSync(fd);
  }
}
