import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../src/checkpoint-file.js';
import { tempDir, sampleCheckpoint } from './fixtures.js';

const crashScript = fileURLToPath(new URL('./crash-while-saving.ts', import.meta.url));

describe('saveCheckpoint and loadCheckpoint', () => {
  test('a saved checkpoint loads back equal', () => {
    const path = join(tempDir(), 'run.json');
    saveCheckpoint(path, sampleCheckpoint());
    expect(loadCheckpoint(path)).toEqual(sampleCheckpoint());
  });

  test('a missing file is refused by name', () => {
    const path = join(tempDir(), 'none.json');
    expect(() => loadCheckpoint(path)).toThrow(`checkpoint ${path} does not exist`);
  });

  test('a directory is refused before it is read', () => {
    const dir = tempDir();
    expect(() => loadCheckpoint(dir)).toThrow(`checkpoint ${dir} must be a regular file, got a directory`);
  });

  test('a truncated checkpoint is refused', () => {
    const path = join(tempDir(), 'run.json');
    saveCheckpoint(path, sampleCheckpoint());
    const text = JSON.stringify(JSON.parse(JSON.stringify(sampleCheckpoint())));
    writeFileSync(path, text.slice(0, text.length / 2));
    expect(() => loadCheckpoint(path)).toThrow(/is not valid JSON \(truncated or corrupt\?\)/);
  });

  test('a crash between write and rename leaves the old checkpoint loadable', () => {
    const dir = tempDir();
    const path = join(dir, 'run.json');
    const old = sampleCheckpoint();
    saveCheckpoint(path, old);
    // A real crash: the child process dies (exit 137, as after SIGKILL) inside the window between
    // the new file's fsync and its rename; nothing of ours runs after that.
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@etagrad/source', crashScript, path], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(137);
    expect(loadCheckpoint(path)).toEqual(old);
    // The crash left its complete temporary file; it neither hides the checkpoint nor blocks the next save.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    const next = sampleCheckpoint({ plateau: { multiplier: 0.5 } });
    saveCheckpoint(path, next);
    expect(loadCheckpoint(path)).toEqual(next);
  });
});
