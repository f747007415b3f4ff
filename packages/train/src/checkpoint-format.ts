import { createHash } from 'node:crypto';
import type { EarlyStoppingState } from './early-stopping.js';
import type { History } from './history.js';

/** The `format` tag of every etagrad checkpoint file. */
export const checkpointFormat = 'etagrad-checkpoint';

/** The checkpoint layout this version reads and writes; bumped on any incompatible change. */
export const checkpointVersion = 1;

/**
 * One training run frozen at the end of an epoch: everything `fit` needs to continue so that the
 * final parameters are bit-identical to a run that never stopped. Plain JSON. The parts owned by
 * other packages (the model's `stateDict()`, the optimizer's, the generator's and the plateau
 * controller's states) are kept as those packages write them and validated by them on load.
 */
export interface Checkpoint {
  readonly format: typeof checkpointFormat;
  readonly version: typeof checkpointVersion;
  /** Epochs completed; a resumed run starts at this epoch index. */
  readonly completedEpochs: number;
  /** `model.stateDict()`. */
  readonly model: unknown;
  /** The optimizer's `name` (checked on resume) and `stateDict()` (with its schedule). */
  readonly optimizer: { readonly name: string; readonly state: unknown };
  /** `state()` of the generator that orders the batches. */
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
 * JSON round-trips finite doubles and key order exactly, so a file that parses to the same
 * object hashes the same; any change made after writing shows.
 */
export function checksumOf(fields: object): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
}

/** The file's text: the checkpoint with its checksum as the last field. */
export function serializeCheckpoint(checkpoint: Checkpoint): string {
  return JSON.stringify({ ...checkpoint, checksum: checksumOf(checkpoint) });
}
