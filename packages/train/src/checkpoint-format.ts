import type { EarlyStoppingState } from './early-stopping.js';
import type { History } from './history.js';
import { isRecord, show } from './check.js';
import { sha256 } from './sha256.js';

/** The `format` tag of every etagrad checkpoint. */
export const checkpointFormat = 'etagrad-checkpoint';

/** The checkpoint layout this version reads and writes; bumped on any incompatible change. */
export const checkpointVersion = 2;

/**
 * The part of an epoch trained when a checkpoint was written mid-epoch (a run stopped by a
 * signal or a callback): the batches done and the sums the epoch's record is made of.
 */
export interface EpochInProgress {
  /** Batches of the epoch already trained (the batch order is drawn again from `rng`). */
  readonly batches: number;
  /** Sum over the trained samples of the batch loss times the batch size. */
  readonly loss: number;
  /** The same sums for each metric, by name. */
  readonly metrics: Readonly<Record<string, number>>;
  /** The learning rate of the last update. */
  readonly lr: number;
}

/**
 * One training run frozen between two updates: everything `fit` needs to continue so that the
 * final parameters are bit-identical to a run that never stopped. Plain JSON. The parts owned by
 * other packages (the model's `stateDict()`, optim's `stateDict(optimizer)`, the generator's and the plateau
 * controller's states) are kept as those packages write them and validated by them on load.
 */
export interface Checkpoint {
  readonly format: typeof checkpointFormat;
  readonly version: typeof checkpointVersion;
  /** Epochs completed; a resumed run starts in this epoch. */
  readonly completedEpochs: number;
  /** The epoch under way when the checkpoint was written; `null` at an epoch's end. */
  readonly epochInProgress: EpochInProgress | null;
  /** `model.stateDict()`. */
  readonly model: unknown;
  /** The optimizer's `name` (checked on resume) and optim's `stateDict(optimizer)` (with its schedule). */
  readonly optimizer: { readonly name: string; readonly state: unknown };
  /** `state()` of the generator that orders the batches, as it was when the current epoch began. */
  readonly rng: unknown;
  readonly history: History;
  /** `state()` of the reduce-on-plateau controller, `null` without one. */
  readonly plateau: unknown;
  /** Early stopping's state and the best epoch's `stateDict()`, `null` without early stopping. */
  readonly earlyStopping: { readonly state: EarlyStoppingState; readonly bestModel: unknown } | null;
  /** What the run was made of; a resume with other data or batching would not be the same run. */
  readonly run: { readonly samples: number; readonly batchSize: number; readonly shuffle: boolean };
}

/**
 * SHA-256 of the compact JSON of every field but `checksum`, in file order, as `sha256:<hex>`.
 * JSON round-trips finite doubles and key order exactly, so a text that parses to the same
 * object hashes the same; any change made after writing shows.
 */
export function checksumOf(fields: object, hash: (text: string) => string = sha256): string {
  return `sha256:${hash(JSON.stringify(fields))}`;
}

/**
 * A checkpoint as text (JSON with its checksum as the last field), to keep wherever text can be
 * kept: a file (see `@etagrad/train/node`), `localStorage`, IndexedDB, a server. Read it back
 * with `parseCheckpoint`.
 *
 * @param checkpoint - what `fit` hands to `checkpoint.save`
 * @example
 * fit(model, { ...options, checkpoint: { save: (c) => localStorage.setItem('run', serializeCheckpoint(c)) } });
 */
export function serializeCheckpoint(checkpoint: Checkpoint): string {
  if (!isRecord(checkpoint) || checkpoint['format'] !== checkpointFormat) {
    throw new TypeError(`serializeCheckpoint: checkpoint must be a checkpoint object from fit, got ${show(checkpoint)}`);
  }
  return checkpointText(checkpoint);
}

/**
 * `fields` as checkpoint text, checksum last; `hash` is SHA-256 in hex (Node passes its native
 * one, faster than ours). Internal.
 */
export function checkpointText(fields: object, hash: (text: string) => string = sha256): string {
  // = JSON.stringify({ ...fields, checksum }) (checksum is the last key), stringifying once.
  const body = JSON.stringify(fields);
  const checksum = `sha256:${hash(body)}`;
  return body === '{}' ? `{"checksum":"${checksum}"}` : `${body.slice(0, -1)},"checksum":"${checksum}"}`;
}
