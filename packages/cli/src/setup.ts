import {
  accuracy,
  bceWithLogits,
  binaryAccuracy,
  circles,
  crossEntropy,
  MLP,
  moons,
  rng,
  spirals,
  trainTestSplit,
  xor,
  type Dataset,
  type Loss,
  type Metric,
} from '@etagrad/nn';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  Lion,
  NAdam,
  RAdam,
  RMSprop,
  SGD,
  type Optimizer,
} from '@etagrad/optim';
import type { Schedule } from '@etagrad/sched';
import type { Value } from '@etagrad/autograd';
import { UsageError } from './command.js';

// The pieces `demo` and `train` build a run from: data sets, the task each implies (outputs, loss,
// metric), models and optimizers by name.

/** A data set the CLI can train on, and how to make it from a seed. */
export interface DatasetEntry {
  /** What the data looks like, for help and headers. */
  readonly description: string;
  /** Number of classes: 2 is a binary task (one output), more a softmax over that many outputs. */
  readonly classes: number;
  make(seed: number): Dataset;
}

/** The data sets of `--dataset`: 2-D points, small enough to train on in seconds. */
export const datasets = {
  moons: {
    description: '200 points on two interleaved half circles (noise 0.1)',
    classes: 2,
    make: (seed) => moons({ n: 200, noise: 0.1, seed }),
  },
  circles: {
    description: '200 points on two concentric circles (noise 0.05)',
    classes: 2,
    make: (seed) => circles({ n: 200, noise: 0.05, factor: 0.5, seed }),
  },
  spirals: {
    description: '300 points on three interleaved spiral arms, one class each',
    classes: 3,
    make: (seed) => spirals({ classes: 3, n: 300, seed }),
  },
  xor: {
    description: '200 points in the four quadrants, labelled by the sign of x * y',
    classes: 2,
    make: (seed) => xor({ n: 200, seed }),
  },
} as const satisfies Record<string, DatasetEntry>;
/** A name `--dataset` accepts. */
export type DatasetName = keyof typeof datasets;
/** The names `--dataset` accepts, in help order. */
export const datasetNames = Object.keys(datasets) as DatasetName[];

/** Loss and metric for a task: binary cross-entropy on one logit, or softmax cross-entropy. */
export interface Task {
  readonly outputs: number;
  readonly loss: Loss;
  readonly lossName: string;
  readonly metric: Metric;
}

/** The task of a data set with `classes` classes. */
export function taskFor(classes: number): Task {
  return classes === 2
    ? { outputs: 1, loss: bceWithLogits, lossName: 'binary cross-entropy on the logit', metric: binaryAccuracy }
    : { outputs: classes, loss: crossEntropy, lossName: 'softmax cross-entropy', metric: accuracy };
}

/** Data for training and a held-out part for validation (a quarter), from one seed. */
export function splitData(dataset: DatasetEntry, seed: number): { train: Dataset; validation: Dataset } {
  const { train, test } = trainTestSplit(dataset.make(seed), { testFraction: 0.25, seed });
  return { train, validation: test };
}

/**
 * An MLP with ReLU hidden layers and a linear output, from its layer sizes input to output
 * (`[2, 16, 16, 1]`), initialised from `seed`. The sizes must fit the data: 2 inputs and the task's
 * outputs.
 */
export function buildModel(sizes: readonly number[], task: Task, seed: number): MLP {
  const inputs = sizes[0];
  const outputs = sizes.at(-1);
  if (inputs !== 2 || outputs !== task.outputs) {
    throw new UsageError(
      `--model must take 2 inputs and give ${task.outputs} output${task.outputs === 1 ? '' : 's'} for this data set, got ${sizes.join('-')}`,
    );
  }
  return new MLP(inputs, sizes.slice(1), { rng: rng(seed) });
}

/** `2-16-16-1` for a model's layer sizes. */
export const formatSizes = (sizes: readonly number[]): string => sizes.join('-');

type MakeOptimizer = (params: readonly [string, Value][], lr: number | Schedule) => Optimizer;

/** An optimizer of `--optimizer`, with the learning rate the CLI uses when `--lr` is not given. */
export interface OptimizerEntry {
  readonly make: MakeOptimizer;
  /**
   * A rate that trains the default moons run (40 epochs, batches of 16) to at least 95% held-out
   * accuracy: chosen by trying, and not always the library default (Adadelta's 1 and Lion's 1e-4
   * are far too slow for 400 updates).
   */
  readonly defaultLr: number;
}

/** The optimizers of `--optimizer`, by lower-case name. */
export const optimizers = {
  sgd: { make: (params, lr) => new SGD(params, { lr }), defaultLr: 0.1 },
  momentum: { make: (params, lr) => new SGD(params, { lr, momentum: 0.9 }), defaultLr: 0.05 },
  adagrad: { make: (params, lr) => new Adagrad(params, { lr }), defaultLr: 0.1 },
  rmsprop: { make: (params, lr) => new RMSprop(params, { lr }), defaultLr: 0.01 },
  adam: { make: (params, lr) => new Adam(params, { lr }), defaultLr: 0.01 },
  adamw: { make: (params, lr) => new AdamW(params, { lr }), defaultLr: 0.01 },
  adamax: { make: (params, lr) => new Adamax(params, { lr }), defaultLr: 0.02 },
  nadam: { make: (params, lr) => new NAdam(params, { lr }), defaultLr: 0.01 },
  radam: { make: (params, lr) => new RAdam(params, { lr }), defaultLr: 0.03 },
  adadelta: { make: (params, lr) => new Adadelta(params, { lr }), defaultLr: 5 },
  lion: { make: (params, lr) => new Lion(params, { lr }), defaultLr: 0.003 },
} as const satisfies Record<string, OptimizerEntry>;
/** A name `--optimizer` accepts. */
export type OptimizerName = keyof typeof optimizers;
/** The names `--optimizer` accepts, in help order. */
export const optimizerNames = Object.keys(optimizers) as OptimizerName[];
