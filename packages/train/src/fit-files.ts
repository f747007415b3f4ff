import type { Module } from '@etagrad/nn';
import { CheckpointFile, checkMaxBytes, checkpointTarget } from './checkpoint-file.js';
import { fitPlannedAsync } from './fit-async.js';
import { checkEvery, type FitAsyncOptions, type FitBaseOptions, type FitPlan, planFit } from './fit-options.js';
import { fitPlanned } from './fit.js';
import type { History } from './history.js';
import { checkKeys, checkObject, checkString, show } from './check.js';

/** Where and how often `fit` saves checkpoint files. */
export interface FileCheckpointOptions {
  /** The checkpoint file (replaced atomically: a crash leaves the previous one whole). */
  readonly path: string;
  /** Save every `every` epochs (default 1); the last checkpoint is saved however the run ends. */
  readonly every?: number;
}

/** Options of `@etagrad/train/node`'s `fit`: the core's, with checkpoint files. */
export interface FileFitOptions extends FitBaseOptions {
  /** Save checkpoint files. */
  readonly checkpoint?: FileCheckpointOptions;
  /**
   * Continue the run saved in this checkpoint file (`epochs` is still the total); `{ path,
   * maxBytes }` raises the read limit (default 256 MiB).
   */
  readonly resumeFrom?: string | { readonly path: string; readonly maxBytes?: number };
}

/** Options of `@etagrad/train/node`'s `fitAsync`. */
export interface FileFitAsyncOptions extends FileFitOptions {
  /** Abort the run after the current update (see `fitAsync`). */
  readonly signal?: FitAsyncOptions['signal'];
}

/**
 * Checkpoint files: `checkpoint: { path, every }` and `resumeFrom`; the file is read last. The
 * saves start a history log of their own, also where the run was resumed from (see `CheckpointFile`).
 */
function checkpointFiles(owner: string, options: FileFitOptions): Pick<FitPlan, 'checkpoint' | 'resume'> {
  let target: { file: CheckpointFile; every: number } | null = null;
  if (options.checkpoint !== undefined) {
    const record = checkObject(owner, 'checkpoint', options.checkpoint);
    checkKeys(owner, 'checkpoint', record, ['path', 'every']);
    const every = checkEvery(owner, record['every']);
    target = { file: checkpointTarget(owner, 'checkpoint.path', record['path']), every };
  }
  const checkpoint = target === null ? null : { save: target.file.save.bind(target.file), every: target.every };
  if (options.resumeFrom === undefined) return { checkpoint, resume: null };
  const { path, maxBytes } = checkResumeFrom(owner, options.resumeFrom);
  return { checkpoint, resume: { checkpoint: new CheckpointFile(path, maxBytes).load(), source: `checkpoint ${path}` } };
}

function checkResumeFrom(owner: string, resumeFrom: unknown): { path: string; maxBytes: number } {
  if (typeof resumeFrom === 'string') return { path: resumeFrom, maxBytes: checkMaxBytes(owner, 'resumeFrom', {}) };
  if (typeof resumeFrom !== 'object' || resumeFrom === null) {
    throw new TypeError(`${owner}: resumeFrom must be a path or { path, maxBytes }, got ${show(resumeFrom)}`);
  }
  const record = resumeFrom as Record<string, unknown>;
  const maxBytes = checkMaxBytes(owner, 'resumeFrom', record, ['path', 'maxBytes']);
  return { path: checkString(owner, 'resumeFrom.path', record['path']), maxBytes };
}

/**
 * `fit` with checkpoint files: `checkpoint: { path, every }` saves to a file, `resumeFrom: path`
 * continues from one. Everything else is the core `fit` (see `@etagrad/train`). Node only.
 *
 * @param model - the Module to train, in place
 * @param options - the core `fit`'s, with `checkpoint.path` and `resumeFrom` a path
 * @example
 * fit(model, { data, loss: mse, optimizer, epochs: 40, checkpoint: { path: 'run.json' } });
 * fit(model, { data, loss: mse, optimizer, epochs: 80, resumeFrom: 'run.json', checkpoint: { path: 'run.json' } });
 */
export function fit(model: Module, options: FileFitOptions): History {
  return fitPlanned(model, planFit(model, options, 'fit', checkpointFiles));
}

/**
 * `fitAsync` with checkpoint files (see {@link fit} here and `fitAsync` in `@etagrad/train`).
 * An abort saves the checkpoint file mid-epoch before the promise resolves. Node only.
 *
 * @param model - the Module to train, in place
 * @param options - those of this entry's `fit`, and `signal`
 */
export function fitAsync(model: Module, options: FileFitAsyncOptions): Promise<History> {
  try {
    return fitPlannedAsync(model, planFit(model, options, 'fitAsync', checkpointFiles));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
