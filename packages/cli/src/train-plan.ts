import type { MLP } from '@etagrad/nn';
import type { Optimizer } from '@etagrad/optim';
import type { Schedule } from '@etagrad/sched';
import type { Checkpoint } from '@etagrad/train';
import { CheckpointFile } from '@etagrad/train/node';
import { asUsage } from './command.js';
import { resumedLearningRate, savedLearningRate, savedUpdates, withLearningRate } from './resume-lr.js';
import { checkEpochs, resumeConfig, savedConfig, type RunConfig } from './run-config.js';
import { buildModel, datasets, optimizers, splitData, taskFor, type Task } from './setup.js';
import type { TrainOptions } from './train.js';

/** The defaults of `etagrad train`'s flags that shape the run. */
export const DEFAULTS = { dataset: 'moons', optimizer: 'sgd', epochs: 40, batchSize: 16, seed: 1 } as const;

/** Everything a run of `etagrad train` is made of, worked out before any training. */
export interface TrainPlan {
  readonly config: RunConfig;
  readonly task: Task;
  readonly data: ReturnType<typeof splitData>;
  readonly model: MLP;
  readonly optimizer: Optimizer;
  /** The rate training uses, read at the optimizer's step numbers. */
  readonly lr: number | Schedule;
  /** The run to continue, its lr replaced when `--lr` was given; null for a new run. */
  readonly resume: {
    readonly path: string;
    /** The file it was read from: saving to the same path goes on appending to its history log. */
    readonly file: CheckpointFile;
    readonly checkpoint: Checkpoint;
    /** Updates already made: the step number of the first resumed update. */
    readonly updates: number;
    /** The rate `--lr` gave (unshifted), replacing the checkpoint's; null without `--lr`. */
    readonly newLr: number | Schedule | null;
    /** The checkpoint's own rate (null when it cannot be read). */
    readonly savedLr: number | Schedule | null;
  } | null;
  readonly updatesPerEpoch: number;
}

/**
 * Works out a run from the flags and, with `--resume`, the checkpoint: a resumed run takes the
 * checkpoint's values for the flags not given and refuses those given with other values
 * (see `resumeConfig`); `--lr` on resume replaces the checkpoint's rate from the first resumed
 * update on. A checkpoint that cannot be read throws its own error (exit 1); bad input throws a
 * `UsageError` (exit 2).
 *
 * @param options - the flags, as commander parsed them
 * @param given - the names of the flags given on the command line
 */
export function planTrain(options: TrainOptions, given: ReadonlySet<string>): TrainPlan {
  const flag = <K extends keyof TrainOptions>(key: K): TrainOptions[K] | undefined => (given.has(key) ? options[key] : undefined);
  const file = options.resume === undefined ? null : new CheckpointFile(options.resume);
  const checkpoint = file === null ? null : file.load();
  const saved = checkpoint === null ? null : savedConfig(checkpoint);
  const chosen: Partial<RunConfig> = {
    ...(flag('dataset') === undefined ? {} : { dataset: options.dataset }),
    ...(flag('seed') === undefined ? {} : { seed: options.seed }),
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(flag('optimizer') === undefined ? {} : { optimizer: options.optimizer }),
    ...(flag('batchSize') === undefined ? {} : { batchSize: options.batchSize }),
    ...(flag('epochs') === undefined ? {} : { epochs: options.epochs }),
  };
  const config =
    checkpoint !== null && saved !== null && options.resume !== undefined
      ? resumeConfig(saved, chosen, checkpoint.completedEpochs, options.resume)
      : freshConfig(options);
  if (checkpoint !== null && options.resume !== undefined) checkEpochs(config.epochs, checkpoint.completedEpochs, options.resume);

  const task = taskFor(datasets[config.dataset].classes);
  const data = splitData(datasets[config.dataset], config.seed);
  const model = buildModel(config.model, task, config.seed);
  const givenLr = options.lr ?? null;
  const savedLr = checkpoint === null ? null : savedLearningRate(checkpoint);
  // A resumed optimizer takes its rate from the checkpoint; this one only builds it.
  const buildLr = givenLr ?? savedLr ?? optimizers[config.optimizer].defaultLr;
  const optimizer = asUsage(() => optimizers[config.optimizer].make(model.namedParameters(), buildLr));
  const updatesPerEpoch = Math.ceil(data.train.x.length / config.batchSize);
  if (checkpoint === null || file === null || options.resume === undefined) {
    return { config, task, data, model, optimizer, lr: buildLr, resume: null, updatesPerEpoch };
  }
  const updates = savedUpdates(checkpoint);
  const lr = givenLr === null ? (savedLr ?? buildLr) : resumedLearningRate(givenLr, updates);
  return {
    config,
    task,
    data,
    model,
    optimizer,
    lr,
    resume: {
      path: options.resume,
      file,
      checkpoint: givenLr === null ? checkpoint : withLearningRate(checkpoint, lr),
      updates,
      newLr: givenLr,
      savedLr,
    },
    updatesPerEpoch,
  };
}

/** A new run's config: the flags, with the model's default sizes for the data set. */
function freshConfig(options: TrainOptions): RunConfig {
  const outputs = taskFor(datasets[options.dataset].classes).outputs;
  return {
    dataset: options.dataset,
    seed: options.seed,
    model: options.model ?? [2, 16, 16, outputs],
    optimizer: options.optimizer,
    batchSize: options.batchSize,
    epochs: options.epochs,
  };
}
