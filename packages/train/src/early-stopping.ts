import {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkKeys,
  checkNonNegative,
  checkNonNegativeInteger,
  checkObject,
  checkString,
  isRecord,
  show,
} from './check.js';

/** Options of {@link earlyStopping}. */
export interface EarlyStoppingOptions {
  /**
   * What to watch, a name of the epoch record: `'loss'`, `'valLoss'`, a metric's name
   * (`'accuracy'`, on the training batches) or `'val'` + its capitalized name (`'valAccuracy'`).
   * Default `'valLoss'`.
   */
  readonly monitor?: string;
  /** Epochs without improvement tolerated before stopping. Default 3 (PyTorch Lightning's). */
  readonly patience?: number;
  /** Smallest change that counts as an improvement, in the monitored unit. Default 0. */
  readonly minDelta?: number;
  /**
   * Put back the parameters of the best epoch when this rule stops training (Keras's
   * `restore_best_weights`; a run that ends by reaching its last epoch keeps its last parameters).
   * Default true.
   */
  readonly restoreBest?: boolean;
  /**
   * Whether lower or higher is better. Default `'auto'`: lower for losses (names ending in `loss`),
   * `mae`, `mse`, `rmse` and names ending in `error`; higher for `accuracy`, `precision`, `recall`,
   * `f1` and `auc` (each also with the `val` prefix). Any other monitor needs `'min'` or `'max'`.
   */
  readonly mode?: 'min' | 'max' | 'auto';
}

/** A validated early-stopping rule: configuration only, the run's state lives in `fit`. */
export interface EarlyStopping {
  readonly kind: 'earlyStopping';
  readonly monitor: string;
  readonly patience: number;
  readonly minDelta: number;
  readonly restoreBest: boolean;
  readonly mode: 'min' | 'max';
}

/** Where a run stands with respect to its rule (plain JSON, kept in checkpoints). */
export interface EarlyStoppingState {
  /** Best monitored value so far, `null` before the first epoch. */
  readonly best: number | null;
  /** Epoch index of `best`. */
  readonly bestEpoch: number | null;
  /** Epochs since the last improvement. */
  readonly wait: number;
}

/** What an epoch's value did to the run. */
export type EarlyStoppingVerdict = 'improved' | 'waiting' | 'stop';

/**
 * Stops training when a monitored quantity stops improving: Keras's and PyTorch Lightning's rule.
 * An epoch improves when `value < best - minDelta` (mode `'min'`) or `value > best + minDelta`
 * (mode `'max'`); after `patience` epochs in a row without improvement, training stops, and with
 * `restoreBest` the parameters of the best epoch are put back.
 *
 * @param options - what to monitor, the patience and the least improvement (see {@link EarlyStoppingOptions})
 * @example
 * fit(model, { ..., validation, earlyStopping: earlyStopping({ patience: 5, minDelta: 1e-4 }) });
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  const owner = 'earlyStopping';
  checkKeys(owner, 'options', checkObject(owner, 'options', options), ['monitor', 'patience', 'minDelta', 'restoreBest', 'mode']);
  const monitor = checkString(owner, 'monitor', options.monitor ?? 'valLoss');
  const patience = checkNonNegativeInteger(owner, 'patience', options.patience ?? 3);
  const minDelta = checkNonNegative(owner, 'minDelta', options.minDelta ?? 0);
  const restoreBest = checkBoolean(owner, 'restoreBest', options.restoreBest ?? true);
  const modeOption = checkChoice(owner, 'mode', options.mode ?? 'auto', ['min', 'max', 'auto']);
  const mode = modeOption === 'auto' ? autoMode(monitor) : modeOption;
  return Object.freeze({ kind: 'earlyStopping', monitor, patience, minDelta, restoreBest, mode });
}

const lowerIsBetter = ['mae', 'mse', 'rmse'];
const higherIsBetter = ['accuracy', 'precision', 'recall', 'f1', 'auc'];

/** The direction of a monitor by its name (`valMae` as `mae`); refused when it has none known. */
function autoMode(monitor: string): 'min' | 'max' {
  const base = /^val[A-Z]/.test(monitor) ? monitor.charAt(3).toLowerCase() + monitor.slice(4) : monitor;
  const name = base.toLowerCase();
  if (name.endsWith('loss') || name.endsWith('error') || lowerIsBetter.includes(name)) return 'min';
  if (higherIsBetter.includes(name)) return 'max';
  throw new RangeError(
    `earlyStopping: mode must be 'min' or 'max' for monitor '${monitor}' (whether lower or higher is better is known only for ` +
      `losses, ${lowerIsBetter.join(', ')}, names ending in error, and ${higherIsBetter.join(', ')}), got 'auto'`,
  );
}

/** The state before any epoch. */
export const initialEarlyStoppingState: EarlyStoppingState = Object.freeze({ best: null, bestEpoch: null, wait: 0 });

/**
 * One epoch of the rule: the next state and the verdict. Pure, so it is tested alone and its
 * state can be checkpointed.
 *
 * @param rule - the rule, from {@link earlyStopping}
 * @param state - the state after the previous epoch
 * @param value - the monitored value at this epoch
 * @param epoch - the epoch's number
 */
export function observeEarlyStopping(
  rule: EarlyStopping,
  state: EarlyStoppingState,
  value: number,
  epoch: number,
): { readonly state: EarlyStoppingState; readonly verdict: EarlyStoppingVerdict } {
  const owner = 'observeEarlyStopping';
  if (!isRecord(rule) || rule.kind !== 'earlyStopping') {
    throw new TypeError(`${owner}: rule must be made by earlyStopping({ ... }), got ${show(rule)}`);
  }
  const given = checkObject(owner, 'state', state);
  if ((given['best'] !== null && typeof given['best'] !== 'number') || typeof given['wait'] !== 'number') {
    throw new TypeError(`${owner}: state must be an early-stopping state { best, bestEpoch, wait }, got ${show(state)}`);
  }
  checkFinite(owner, 'value', value);
  checkNonNegativeInteger(owner, 'epoch', epoch);
  const improved =
    state.best === null ||
    (rule.mode === 'min' ? value < state.best - rule.minDelta : value > state.best + rule.minDelta);
  if (improved) return { state: { best: value, bestEpoch: epoch, wait: 0 }, verdict: 'improved' };
  const wait = state.wait + 1;
  return { state: { ...state, wait }, verdict: wait >= rule.patience ? 'stop' : 'waiting' };
}
