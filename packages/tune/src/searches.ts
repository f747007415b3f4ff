import { checkNumber, checkPositiveInteger } from '@etagrad/check';
import { defaultSeed } from '@etagrad/nn';
import { ashaScheduler, rungBudgets } from './asha.js';
import { gridConfigs, sampleConfigs } from './configs.js';
import { checkCommon, checkSeed, executorFor, runSearch, type CommonSearchOptions, type ObjectiveSpec } from './run-search.js';
import { isFitObjective } from './is-fit-objective.js';
import { flatScheduler } from './scheduler.js';
import { checkSpace, type Space } from './space.js';
import type { SearchResult } from './trial.js';

/** Options of {@link gridSearch}. */
export interface GridSearchOptions extends CommonSearchOptions {
  /** The budget every trial gets (default 1). */
  readonly budget?: number;
}

/** Options of {@link randomSearch}. */
export interface RandomSearchOptions extends GridSearchOptions {
  /** How many configs to draw. */
  readonly trials: number;
  /** Seed of the draws (default nn's `defaultSeed`). */
  readonly seed?: number;
}

/** Options of {@link successiveHalving}. */
export interface SuccessiveHalvingOptions extends CommonSearchOptions {
  /** How many configs to draw; all start at `minBudget`. At least eta^(rungs - 1), so that one can reach `maxBudget`. */
  readonly trials: number;
  /** The first rung's budget (a positive integer, e.g. epochs). */
  readonly minBudget: number;
  /** The last rung's budget (an integer >= minBudget). */
  readonly maxBudget: number;
  /** Keep the best 1 / eta of each rung (an integer >= 2, default 3). */
  readonly eta?: number;
  /** Seed of the draws (default nn's `defaultSeed`). */
  readonly seed?: number;
}

/** The options of each search beyond those every search takes (`commonKeys`). */
export const searchKeys = {
  gridSearch: ['budget'],
  randomSearch: ['trials', 'seed', 'budget'],
  successiveHalving: ['trials', 'minBudget', 'maxBudget', 'eta', 'seed'],
} as const;

/** The checks random search and successive halving share: direction, space, trials, seed; and the configs they draw. */
function drawn(
  owner: 'randomSearch' | 'successiveHalving',
  space: Space,
  options: CommonSearchOptions & { readonly trials: number; readonly seed?: number },
) {
  const direction = checkCommon(owner, options, searchKeys[owner]);
  const checked = checkSpace(owner, space, false);
  const trials = checkPositiveInteger(owner, 'trials', options.trials);
  const seed = checkSeed(owner, options.seed ?? defaultSeed);
  return { direction, checked, trials, seed };
}

/** A budget: a finite number > 0; a positive integer for the built-in `{ fit }`, which trains `epochs * budget` epochs. */
const checkBudget = (owner: string, budget: unknown, objective: unknown): number =>
  isFitObjective(objective)
    ? checkNumber(owner, 'budget', budget, 'a positive integer with the { fit } objective (it trains epochs * budget epochs)', (n) => Number.isSafeInteger(n) && n > 0)
    : checkNumber(owner, 'budget', budget, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);

/**
 * The objective's part of a search's identity, for a journal to match: the built-in `{ fit }`'s
 * settings that change its scores, defaults filled in (`compile` changes no number), so that a
 * search resumed with other settings is refused instead of reusing scores they did not give. A
 * function cannot be told from another: none.
 */
function objectiveIdentity(objective: unknown): { objective?: Record<string, unknown> } {
  if (!isFitObjective(objective)) return {};
  const { dataset, model, optimizer, epochs = 1, seed = 1 } = objective.fit;
  return { objective: { fit: { dataset, model, optimizer, epochs, seed } } };
}

/**
 * Tries every combination of a grid (a space of lists), each at `budget`. Resolves to one record
 * per combination, the first hyperparameter varying slowest, and the best.
 *
 * @param space Lists of values by hyperparameter, e.g. `{ lr: [0.01, 0.1, 1], batchSize: [8, 32] }`.
 * @param objective `(config, budget) => score`, or `{ fit: {...} }`.
 * @param options `budget`, `direction`, `journal`, `executor`, `onProgress`.
 * @example
 * const { best } = await gridSearch({ lr: [0.01, 0.1, 1] }, (config) => train(config.lr));
 */
export async function gridSearch(space: Space, objective: ObjectiveSpec, options: GridSearchOptions = {}): Promise<SearchResult> {
  const owner = 'gridSearch';
  const direction = checkCommon(owner, options, searchKeys[owner]);
  const checked = checkSpace(owner, space, true);
  const budget = checkBudget(owner, options.budget ?? 1, objective);
  const executor = executorFor(owner, objective, options.executor);
  const configs = gridConfigs(checked);
  const identity = { method: 'grid', space: Object.fromEntries(checked), budget, direction, ...objectiveIdentity(objective) };
  return runSearch({ owner, configs, scheduler: flatScheduler(configs.length, budget), identity }, options, executor);
}

/**
 * Draws `trials` configs from `space` with a seeded generator and tries each at `budget`.
 *
 * @param space A domain per hyperparameter: `{ lr: logUniform(1e-4, 1), batchSize: choice([8, 32]) }`.
 * @param objective `(config, budget) => score`, or `{ fit: {...} }`.
 * @param options `trials`, `seed`, `budget`, `direction`, `journal`, `executor`, `onProgress`.
 * @example
 * const { best } = await randomSearch({ lr: logUniform(1e-4, 1) }, objective, { trials: 16, seed: 1 });
 */
export async function randomSearch(space: Space, objective: ObjectiveSpec, options: RandomSearchOptions): Promise<SearchResult> {
  const owner = 'randomSearch';
  const { direction, checked, trials, seed } = drawn(owner, space, options);
  const budget = checkBudget(owner, options.budget ?? 1, objective);
  const executor = executorFor(owner, objective, options.executor);
  const configs = sampleConfigs(checked, trials, seed);
  const identity = { method: 'random', space: Object.fromEntries(checked), seed, budget, direction, ...objectiveIdentity(objective) };
  return runSearch({ owner, configs, scheduler: flatScheduler(trials, budget), identity }, options, executor);
}

/**
 * Successive halving, asynchronous (ASHA) when the executor runs several trials at once: draws
 * `trials` configs, runs each at `minBudget`, and promotes the best 1 / eta of each rung to a
 * budget eta times larger, up to `maxBudget`; the rest are `pruned`. Promotions are decided in a
 * fixed order, so the same seed gives the same trials whatever the number of workers (see
 * `ashaScheduler`). Each record lists its `rungs`.
 *
 * @param space A domain per hyperparameter.
 * @param objective `(config, budget) => score`, or `{ fit: {...} }`; budget is in epochs by convention.
 * @param options `trials`, `minBudget`, `maxBudget`, `eta`, `seed`, `direction`, `journal`, `executor`, `onProgress`.
 * @example
 * const { best } = await successiveHalving(space, objective, { trials: 27, minBudget: 1, maxBudget: 9, seed: 1 });
 */
export async function successiveHalving(space: Space, objective: ObjectiveSpec, options: SuccessiveHalvingOptions): Promise<SearchResult> {
  const owner = 'successiveHalving';
  const { direction, checked, trials, seed } = drawn(owner, space, options);
  const minBudget = checkPositiveInteger(owner, 'minBudget', options.minBudget);
  const maxBudget = checkNumber(owner, 'maxBudget', options.maxBudget, `an integer >= minBudget (${minBudget})`, (n) => Number.isSafeInteger(n) && n >= minBudget);
  const eta = checkNumber(owner, 'eta', options.eta ?? 3, 'an integer >= 2', (n) => Number.isSafeInteger(n) && n >= 2);
  const budgets = rungBudgets(minBudget, maxBudget, eta);
  // Each rung keeps floor(1 / eta) of the one below: with fewer, no trial would reach maxBudget,
  // every one would end pruned and the search would have no best.
  const least = eta ** (budgets.length - 1);
  if (trials < least) {
    throw new RangeError(`${owner}: trials must be >= ${least} (eta^${budgets.length - 1}, for one trial to reach maxBudget through rungs ${budgets.join(', ')}), got ${trials}`);
  }
  const executor = executorFor(owner, objective, options.executor);
  const configs = sampleConfigs(checked, trials, seed);
  const identity = { method: 'successiveHalving', space: Object.fromEntries(checked), seed, minBudget, maxBudget, eta, direction, ...objectiveIdentity(objective) };
  return runSearch({ owner, configs, scheduler: ashaScheduler({ trials, budgets, eta, direction }), identity }, options, executor);
}
