import { checkFunction, checkObject, checkString, show } from '@etagrad/check';
import type { Value } from '@etagrad/autograd';
import type { Dataset, Loss, Module } from '@etagrad/nn';
import type { Optimizer } from '@etagrad/optim';
import { fit, StopReason, type FitOptions, type History, type Metrics } from '@etagrad/train';

/** What every run of a comparison shares: the model's architecture and init, the data, the loss. */
export interface CompareCommon {
  /** Builds the model; it must give the same initial parameters on every call (seed its rng). */
  readonly model: () => Module;
  readonly data: Dataset;
  readonly loss: Loss;
  readonly epochs: number;
  /** Samples per update (fit's default 32). */
  readonly batchSize?: number;
  /** Seed of the batch order, the same for every run (fit's default). */
  readonly seed?: number;
  /** Held-out data measured after every epoch. */
  readonly validation?: Dataset;
  /** Metrics by name, e.g. `{ accuracy: binaryAccuracy }`. */
  readonly metrics?: Metrics;
}

/** One run: its name, its optimizer, and any `fit` option it sets differently from `common`. */
export type CompareRun = {
  readonly name: string;
  /**
   * Builds the run's optimizer on the model's named parameters.
   *
   * @param params - the model's parameters, each with its name, in the model's order
   */
  readonly optimizer: (params: [string, Value][]) => Optimizer;
} & Partial<Omit<FitOptions, 'optimizer' | 'data' | 'loss'>>;

/** How one run went. Plain JSON. */
export interface RunRecord {
  readonly name: string;
  readonly history: History;
  /** The last completed epoch's training loss, held-out loss and metrics (held-out ones when there is validation data); nulls when no epoch completed. */
  readonly final: { readonly loss: number | null; readonly valLoss: number | null; readonly metrics: Readonly<Record<string, number>> };
  /** The lowest epoch loss (held-out when there is validation data) and its epoch index from 0; null when no epoch completed. */
  readonly best: { readonly loss: number; readonly epoch: number } | null;
  /** The update at which training diverged, or null. */
  readonly diverged: { readonly step: number } | null;
}

const owner = 'compareRuns';

/**
 * Trains one model per run with `fit`, every run from the same initial parameters, on the same
 * data and batch order, so that the runs differ only in what each sets: its optimizer (rate,
 * schedule, momentum, kind) and any `fit` option it overrides. Returns one record per run, in
 * order. A run that diverges is recorded (`diverged.step`), never ends the comparison.
 *
 * @param runs The runs, each `{ name, optimizer: (params) => Optimizer, ...fitOverrides }`; names unique.
 * @param common `{ model: () => Module, data, loss, epochs, batchSize, seed, validation, metrics }`.
 * @example
 * const records = compareRuns(
 *   [0.01, 0.1, 1].map((lr) => ({ name: `sgd ${lr}`, optimizer: (p) => new SGD(p, { lr }) })),
 *   { model: () => new MLP(2, [16, 1], { rng: rng(1) }), data, loss: bceWithLogits, epochs: 20 },
 * );
 * console.log(compareTable(records));
 */
export function compareRuns(runs: readonly CompareRun[], common: CompareCommon): RunRecord[] {
  checkRuns(runs);
  checkObject(owner, 'common', common);
  checkFunction(owner, 'common.model', common.model);
  const { model: build, ...shared } = common;
  let initial: string | null = null;
  return runs.map(({ name, optimizer, ...overrides }) => {
    const model = build();
    const state = JSON.stringify(model.stateDict());
    initial ??= state;
    if (state !== initial) {
      throw new RangeError(`${owner}: common.model must build the same initial parameters on every call (seed its rng), got different ones for run '${name}'`);
    }
    const history = fit(model, { progress: false, ...shared, ...overrides, optimizer: optimizer(model.namedParameters()) });
    return { name, history, ...summarize(history) };
  });
}

function summarize(history: History): Omit<RunRecord, 'name' | 'history'> {
  const last = history.epochs.at(-1);
  let best: RunRecord['best'] = null;
  for (const record of history.epochs) {
    const loss = record.valLoss ?? record.loss;
    if (best === null || loss < best.loss) best = { loss, epoch: record.epoch };
  }
  return {
    final: { loss: last?.loss ?? null, valLoss: last?.valLoss ?? null, metrics: last?.valMetrics ?? last?.metrics ?? {} },
    best,
    diverged: history.stopped?.reason === StopReason.Diverged ? { step: history.stopped.step } : null,
  };
}

function checkRuns(runs: unknown): void {
  if (!Array.isArray(runs) || runs.length === 0) throw new TypeError(`${owner}: runs must be a non-empty array, got ${show(runs)}`);
  const names = new Set<string>();
  runs.forEach((run: unknown, i) => {
    const record = checkObject(owner, `runs[${i}]`, run);
    const name = checkString(owner, `runs[${i}].name`, record['name']);
    if (names.has(name)) throw new RangeError(`${owner}: runs[${i}].name must be unique, got '${name}' twice`);
    names.add(name);
    checkFunction(owner, `runs[${i}].optimizer`, record['optimizer']);
  });
}
