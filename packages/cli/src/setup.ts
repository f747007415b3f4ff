import { accuracy, bceWithLogits, binaryAccuracy, crossEntropy, MLP, rng, trainTestSplit, type Dataset, type Loss, type Metric } from '@etagrad/nn';
import { fitDatasets, fitOptimizers, type FitDataset, type FitOptimizer } from '@etagrad/tune';
import { UsageError } from './command.js';

// The pieces `demo` and `train` build a run from: data sets, the task each implies (outputs, loss,
// metric), models and optimizers by name.

/** A data set the CLI can train on, and how to make it from a seed (tune's list, which search files name too). */
export type DatasetEntry = FitDataset;

/** The data sets of `--dataset`: 2-D points, small enough to train on in seconds. */
export const datasets = fitDatasets;
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

/** An optimizer of `--optimizer`, with the learning rate the CLI uses when `--lr` is not given (tune's list). */
export type OptimizerEntry = FitOptimizer;

/** The optimizers of `--optimizer`, by lower-case name. */
export const optimizers = fitOptimizers;
/** A name `--optimizer` accepts. */
export type OptimizerName = keyof typeof optimizers;
/** The names `--optimizer` accepts, in help order. */
export const optimizerNames = Object.keys(optimizers) as OptimizerName[];
