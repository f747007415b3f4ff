import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkOutputPath, OutputPathError, writeFileAtomic } from '../src/atomic-write.js';
import { tempDir } from './fixtures.js';

/** A character device like /dev/null (1, 3) made in `dir`, or /dev/null itself where mknod is not allowed. */
function deviceNode(dir: string): string {
  const path = join(dir, 'null');
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return path;
  } catch {
    return '/dev/null';
  }
}

/** The error `run` throws (it must throw). */
function thrown(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('writeFileAtomic', () => {
  test('creates the file, then replaces it whole, leaving no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second, longer ✓');
    expect(readFileSync(path, 'utf8')).toBe('second, longer ✓');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  test('before the rename the old file is untouched and the new text is complete in a sibling', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(path, 'old');
    let seen: { target: string; temp: string; sameDir: boolean } | undefined;
    expect(() =>
      writeFileAtomic(path, 'new', {
        beforeRename(temp) {
          seen = { target: readFileSync(path, 'utf8'), temp: readFileSync(temp, 'utf8'), sameDir: temp.startsWith(dir) };
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(seen).toEqual({ target: 'old', temp: 'new', sameDir: true });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['state.json']); // the failed write cleaned up its temporary file
  });
});

describe('files are never destroyed: only a regular file or no file is replaced', () => {
  test('a device node (like /dev/null) is refused before anything is written', () => {
    const dir = tempDir();
    const device = deviceNode(dir);
    const error = thrown(() => writeFileAtomic(device, '<svg/>'));
    expect(error).toBeInstanceOf(OutputPathError);
    expect(error.message).toBe(
      `writeFileAtomic: path must be a regular file or a new file, got ${device} (a character device)`,
    );
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(() => checkOutputPath('/dev/null')).toThrow(
      'writeFileAtomic: path must be a regular file or a new file, got /dev/null (a character device)',
    );
  });

  test('a directory is refused and left as it was', () => {
    const dir = tempDir();
    const path = join(dir, 'chart.svg');
    mkdirSync(path);
    expect(() => writeFileAtomic(path, '<svg/>')).toThrow(
      `writeFileAtomic: path must be a regular file or a new file, got ${path} (a directory)`,
    );
    expect(readdirSync(dir)).toEqual(['chart.svg']);
    expect(statSync(path).isDirectory()).toBe(true);
  });

  test('a FIFO is refused (without blocking on it)', () => {
    const dir = tempDir();
    const path = join(dir, 'pipe');
    execFileSync('mkfifo', [path]);
    expect(() => writeFileAtomic(path, 'x')).toThrow(`got ${path} (a FIFO)`);
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  test('a socket is refused', async () => {
    const dir = tempDir();
    const path = join(dir, 'socket');
    const server = createServer();
    await new Promise<void>((done) => server.listen(path, done));
    try {
      expect(() => checkOutputPath(path)).toThrow(`got ${path} (a socket)`);
      expect(() => writeFileAtomic(path, 'x')).toThrow(`got ${path} (a socket)`);
      expect(lstatSync(path).isSocket()).toBe(true);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  test('a file without write permission in its mode bits is refused, also for root', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    writeFileSync(path, 'precious');
    chmodSync(path, 0o444);
    const error = thrown(() => writeFileAtomic(path, 'new'));
    expect(error).toBeInstanceOf(OutputPathError);
    expect(error.message).toBe(`writeFileAtomic: path must be a file with write permission, got ${path} (mode 0444)`);
    expect((error as OutputPathError).problem).toBe(`must be a file with write permission, got ${path} (mode 0444)`);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['run.json']);
  });

  test('a missing directory is refused, naming the path, and nothing is created', () => {
    const dir = tempDir();
    const path = join(dir, 'missing', 'state.json');
    expect(() => writeFileAtomic(path, 'x')).toThrow(
      `writeFileAtomic: path must be in an existing directory, got ${path} (no directory ${join(dir, 'missing')})`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a path inside a regular file is refused as a missing directory', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'state.json');
    expect(() => writeFileAtomic(path, 'x')).toThrow(`writeFileAtomic: path must be in an existing directory, got ${path}`);
  });

  test('an empty path is refused', () => {
    expect(() => writeFileAtomic('', 'x')).toThrow(`writeFileAtomic: path must be a file path, got ""`);
  });
});

describe('what is replaced keeps what it was', () => {
  test('a symbolic link is written through to its target and stays a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'runs'));
    const target = join(dir, 'runs', 'real.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'latest.json');
    symlinkSync('runs/real.json', link); // relative, resolved from the link's directory
    writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('runs/real.json');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['latest.json', 'runs']);
    expect(readdirSync(join(dir, 'runs'))).toEqual(['real.json']);
  });

  test('a dangling symbolic link creates its target', () => {
    const dir = tempDir();
    const link = join(dir, 'link.json');
    symlinkSync(join(dir, 'made.json'), link);
    writeFileAtomic(link, 'made');
    expect(readFileSync(join(dir, 'made.json'), 'utf8')).toBe('made');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('a link to a device is refused like the device', () => {
    const dir = tempDir();
    const device = deviceNode(dir);
    const link = join(dir, 'out.svg');
    symlinkSync(device, link);
    expect(() => writeFileAtomic(link, 'x')).toThrow(`got ${link} (a character device)`);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  test('a loop of symbolic links is refused', () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    expect(() => writeFileAtomic(join(dir, 'a'), 'x')).toThrow('must not be a loop of symbolic links');
  });

  test.each([0o600, 0o640, 0o604])('a file of mode %o keeps its mode', (bits) => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    writeFileSync(path, 'old');
    chmodSync(path, bits);
    writeFileAtomic(path, 'new');
    expect(mode(path)).toBe(bits);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  test('a new file gets the usual mode, 0666 less the umask', () => {
    const dir = tempDir();
    const path = join(dir, 'new.json');
    writeFileAtomic(path, 'x');
    expect(mode(path)).toBe(0o666 & ~process.umask());
  });
});

describe('temporary files', () => {
  test('have random names, so a leftover of a killed run (or PID 1 twice) never collides', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const names: string[] = [];
    const record = { beforeRename: (temp: string) => void names.push(temp) };
    writeFileAtomic(path, 'one', record);
    writeFileAtomic(path, 'two', record);
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) expect(name).toMatch(/\/\.state\.json\.[0-9a-f]{12}\.tmp$/);
    // a killed run's leftover, under the name the previous write used, does not stop the next one
    writeFileSync(names[1] ?? '', 'leftover');
    writeFileAtomic(path, 'three');
    expect(readFileSync(path, 'utf8')).toBe('three');
  });

  test('a failed write is reported with the path asked for, never the temporary file, and removes it', () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const error = thrown(() => writeFileAtomic(path, 'x', { beforeRename: (temp) => rmSync(temp) }));
    expect(error.message).toBe(`writeFileAtomic: cannot write ${path}: ENOENT: no such file or directory`);
    expect(error.message).not.toContain('.tmp');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('checkOutputPath', () => {
  test('accepts a new file or a regular file and leaves nothing behind', () => {
    const dir = tempDir();
    checkOutputPath(join(dir, 'new.json'));
    writeFileSync(join(dir, 'old.json'), 'kept');
    checkOutputPath(join(dir, 'old.json'));
    expect(readdirSync(dir)).toEqual(['old.json']);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('kept');
  });

  test('refuses a directory that takes no new file, with the system reason', () => {
    // sysfs refuses new files even to root; a 0555 directory would not (root may write there)
    const error = thrown(() => checkOutputPath('/sys/etagrad-check.json'));
    expect(error).toBeInstanceOf(OutputPathError);
    expect(error.message).toMatch(
      /^writeFileAtomic: path must be in a writable directory, got \/sys\/etagrad-check\.json \(E[A-Z]+: [a-z -]+\)$/,
    );
  });

  test('refuses what writeFileAtomic refuses, with the same message', () => {
    const dir = tempDir();
    expect(() => checkOutputPath(dir)).toThrow(`writeFileAtomic: path must be a regular file or a new file, got ${dir} (a directory)`);
    expect(() => checkOutputPath(join(dir, 'no', 'x'))).toThrow('must be in an existing directory');
  });
});
