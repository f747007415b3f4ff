import { isRecord } from '@etagrad/check';
import type { Checkpoint } from '@etagrad/train';
import { UsageError } from './command.js';
import { datasetNames, formatSizes, optimizerNames, type DatasetName, type OptimizerName } from './setup.js';

/**
 * What `etagrad train` needs to rebuild a run: saved in its checkpoints (field `cli`, beside
 * fit's own fields, covered by the checksum) so that `--resume` takes the run's values for the
 * flags not given, and refuses flags that would make it another run.
 */
export interface RunConfig {
  readonly dataset: DatasetName;
  readonly seed: number;
  /** Layer sizes, input to output. */
  readonly model: readonly number[];
  readonly optimizer: OptimizerName;
  readonly batchSize: number;
  /** The total epochs the run was started for. */
  readonly epochs: number;
}

/** A checkpoint as `etagrad train` writes it: fit's, with the run's config. */
export type CommandCheckpoint = Checkpoint & { readonly cli: RunConfig };

/**
 * The checkpoint with the run's config added, to be serialized as it is.
 *
 * @param checkpoint - what fit hands to `checkpoint.save`
 * @param config - the run's config
 */
export function withConfig(checkpoint: Checkpoint, config: RunConfig): CommandCheckpoint {
  return { ...checkpoint, cli: config };
}

const count = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/**
 * The config saved in a checkpoint, or `null` when it has none (written by `fit` from code) or
 * one this version does not read.
 *
 * @param checkpoint - a checkpoint read from a file
 */
export function savedConfig(checkpoint: Checkpoint): RunConfig | null {
  const cli = (checkpoint as Partial<CommandCheckpoint>).cli;
  if (!isRecord(cli)) return null;
  const { dataset, seed, model, optimizer, batchSize, epochs } = cli;
  const valid =
    datasetNames.includes(dataset as DatasetName) &&
    optimizerNames.includes(optimizer as OptimizerName) &&
    count(seed) &&
    Array.isArray(model) &&
    model.length >= 2 &&
    model.every((n) => count(n) && n >= 1) &&
    count(batchSize) &&
    batchSize >= 1 &&
    count(epochs) &&
    epochs >= 1;
  return valid ? (cli as unknown as RunConfig) : null;
}

/** The flags that make a run what it is: a resumed run must keep them. */
const FIXED = [
  ['dataset', '--dataset'],
  ['seed', '--seed'],
  ['model', '--model'],
  ['optimizer', '--optimizer'],
  ['batchSize', '--batch-size'],
] as const;

const shown = (value: RunConfig[keyof RunConfig]): string =>
  Array.isArray(value) ? formatSizes(value) : String(value as string | number);

/**
 * The config of a resumed run: the saved one, with `--epochs` from the flags when given (at least
 * the epochs already done). A flag of {@link FIXED} given with another value than the saved one
 * is refused as bad input, naming the flag and both values: a moons model must not go on
 * training on circles.
 *
 * @param saved - the checkpoint's config
 * @param given - the flags given on the command line (and only those)
 * @param done - the epochs the checkpoint has completed
 * @param path - the checkpoint, for the messages
 */
export function resumeConfig(saved: RunConfig, given: Partial<RunConfig>, done: number, path: string): RunConfig {
  for (const [key, flag] of FIXED) {
    const value = given[key];
    if (value !== undefined && shown(value) !== shown(saved[key])) {
      throw new UsageError(`${flag} must be ${shown(saved[key])} to resume ${path} (the checkpoint's), got ${shown(value)}`);
    }
  }
  const epochs = given.epochs ?? saved.epochs;
  checkEpochs(epochs, done, path);
  return { ...saved, epochs };
}

/**
 * Refuses fewer epochs than a checkpoint has done (bad input: `--epochs` is the total).
 *
 * @param epochs - the total asked for
 * @param done - the epochs the checkpoint has completed
 * @param path - the checkpoint, for the message
 */
export function checkEpochs(epochs: number, done: number, path: string): void {
  if (epochs < done) {
    throw new UsageError(`--epochs must be at least ${done} to resume ${path} (the epochs it has done; --epochs is the total), got ${epochs}`);
  }
}
