import { checkBoolean, checkChoice, checkKeys, checkPositiveInteger, checkString, show } from '@etagrad/check';
import { MLP, accuracy, bceWithLogits, binaryAccuracy, crossEntropy, rng, trainTestSplit } from '@etagrad/nn';
import { parse, scale, type Schedule } from '@etagrad/sched';
import { evaluate, fit, StopReason, type ProgressReporter } from '@etagrad/train';
import { fitDatasets, fitOptimizers, type FitDatasetName, type FitOptimizerName } from './fit-parts.js';
import type { Config } from './space.js';
import type { Objective } from './trial.js';

/** The built-in objective described as data, as a search file or a BullMQ job holds it. */
export interface FitObjectiveSpec {
  /** A name of `fitDatasets`: `moons`, `circles`, `spirals` or `xor` (200 points, 300 for spirals; a quarter held out). */
  readonly dataset: FitDatasetName;
  /** Layer sizes input to output, e.g. `2-16-16-1` (2 inputs; 1 output for two classes, else one per class). */
  readonly model: string;
  /** A name of `fitOptimizers`: `sgd`, `momentum`, `adam`, `adamw`, `rmsprop`, `adagrad`, ... */
  readonly optimizer: FitOptimizerName;
  /** Epochs per unit of budget (default 1): a trial at budget b trains `epochs * b` epochs. */
  readonly epochs?: number;
  /** Seed of the data, the initial weights and the batch order (default 1). */
  readonly seed?: number;
  /**
   * Train through compiled programs (`fit`'s `compile`; default true): the same numbers as
   * eager training, 2.4-2.8 times faster on moons, with far less allocation per step. A model
   * that cannot be traced trains eagerly after a one-line notice on stderr (once per objective).
   */
  readonly compile?: boolean;
}

/** The hyperparameters the fit objective reads from a config. */
const configKeys = ['lr', 'batchSize', 'momentum', 'schedule'] as const;

const owner = 'fitObjective';

/**
 * The built-in objective: trains an MLP on a generated data set with a config's `lr` (default
 * 0.01; a number, or a schedule expression), `batchSize` (default 32), `momentum` (sgd and
 * rmsprop; default 0) and `schedule` (a schedule expression whose values multiply `lr`, e.g.
 * `cosine({ initial: 1, steps: 200 })`), for `epochs * budget` epochs, and scores the held-out
 * loss at the end (lower is better). Extras: the held-out accuracy at the end and the epochs
 * trained. A run that diverges (or ends with a held-out loss that is not finite) is reported as
 * diverged. Checks the description at once; a config's values when a
 * trial runs (a bad one fails that trial).
 *
 * @param spec `{ dataset, model, optimizer, epochs, seed, compile }`.
 * @example
 * const objective = fitObjective({ dataset: 'moons', model: '2-16-16-1', optimizer: 'sgd', epochs: 5 });
 * await objective({ lr: 0.1 }, 1); // { score: <held-out loss>, diverged: false, accuracy: <held-out>, epochs: 5 }
 */
export function fitObjective(spec: FitObjectiveSpec): Objective {
  checkKeys(owner, 'spec', spec, ['dataset', 'model', 'optimizer', 'epochs', 'seed', 'compile']);
  const dataset = checkChoice(owner, 'dataset', spec.dataset, Object.keys(fitDatasets) as FitDatasetName[]);
  const optimizerName = checkChoice(owner, 'optimizer', spec.optimizer, Object.keys(fitOptimizers) as FitOptimizerName[]);
  const epochs = checkPositiveInteger(owner, 'epochs', spec.epochs ?? 1);
  const seed = checkPositiveInteger(owner, 'seed', spec.seed ?? 1);
  const compile = checkBoolean(owner, 'compile', spec.compile ?? true);
  const { classes } = fitDatasets[dataset];
  const data = fitDatasets[dataset].make(seed);
  const outputs = classes === 2 ? 1 : classes;
  const sizes = checkString(owner, 'model', spec.model).split('-').map(Number);
  if (sizes.length < 2 || !sizes.every((n) => Number.isSafeInteger(n) && n >= 1) || sizes[0] !== 2 || sizes.at(-1) !== outputs) {
    throw new RangeError(`${owner}: model must be layer sizes like 2-16-16-${outputs} (2 inputs, ${outputs} output${outputs === 1 ? '' : 's'} for ${dataset}), got '${spec.model}'`);
  }
  const { train, test } = trainTestSplit(data, { testFraction: 0.25, seed });
  const loss = classes === 2 ? bceWithLogits : crossEntropy;
  const metric = classes === 2 ? binaryAccuracy : accuracy;
  // silent, but for fit's notice that compiling fell back to eager: said once per objective
  let told = false;
  const progress: ProgressReporter = {
    start() {},
    step() {},
    epoch() {},
    end() {},
    notice(message) {
      if (!told) console.warn(message);
      told = true;
    },
  };

  return (config: Config, budget: number) => {
    const unknown = Object.keys(config).find((key) => !(configKeys as readonly string[]).includes(key));
    if (unknown !== undefined) throw new RangeError(`${owner}: config.${unknown} must be one of ${configKeys.join(', ')}, got it as a hyperparameter`);
    const lr = learningRate(config);
    const momentum = config['momentum'];
    if (momentum !== undefined && typeof momentum !== 'number') throw new TypeError(`${owner}: config.momentum must be a number, got ${show(momentum)}`);
    const model = new MLP(2, sizes.slice(1), { rng: rng(seed) });
    const optimizer = fitOptimizers[optimizerName].make(model.namedParameters(), lr, momentum);
    // Held out once, at the end: the score is the last epoch's held-out loss, and fit's
    // validation and metrics at every epoch and step would be work thrown away.
    const history = fit(model, {
      data: train,
      loss,
      optimizer,
      epochs: epochs * budget,
      batchSize: checkPositiveInteger(owner, 'config.batchSize', config['batchSize'] ?? 32),
      seed,
      compile,
      progress,
    });
    const held = evaluate(model, test, { loss, metrics: { accuracy: metric } });
    const heldLoss = held['loss'] ?? NaN;
    const diverged = history.stopped?.reason === StopReason.Diverged || !Number.isFinite(heldLoss);
    return { score: diverged ? Infinity : heldLoss, diverged, accuracy: held['accuracy'] ?? null, epochs: history.epochs.length };
  };
}

/** The config's rate: `lr` (a number or an expression), times `schedule` when given. */
function learningRate(config: Config): number | Schedule {
  const lr = config['lr'] ?? 0.01;
  const base = typeof lr === 'string' ? parse(lr) : lr;
  if (typeof base !== 'number' && typeof base !== 'function') throw new TypeError(`${owner}: config.lr must be a number or a schedule expression, got ${show(lr)}`);
  const shape = config['schedule'];
  if (shape === undefined) return base;
  if (typeof shape !== 'string') throw new TypeError(`${owner}: config.schedule must be a schedule expression, got ${show(shape)}`);
  if (typeof base !== 'number') throw new TypeError(`${owner}: config.lr must be a number when config.schedule is given, got ${show(lr)}`);
  return scale(parse(shape), base);
}
