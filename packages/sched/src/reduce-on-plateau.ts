import { checkKeys } from '@etagrad/check';
import { checkChoice, checkNumber, checkObject, checkOptions, inRange, mustBe, nonNegative, nonNegativeInteger } from './check.js';

/** Whether a lower (`'min'`, a loss) or a higher (`'max'`, an accuracy) metric is better. */
export const plateauModes = ['min', 'max'] as const;
/** One of {@link plateauModes}. */
export type PlateauMode = (typeof plateauModes)[number];
/** Whether `threshold` is relative to the best metric (`'rel'`) or absolute (`'abs'`). */
export const plateauThresholdModes = ['rel', 'abs'] as const;
/** One of {@link plateauThresholdModes}. */
export type PlateauThresholdMode = (typeof plateauThresholdModes)[number];

/** Options of {@link reduceOnPlateau} (PyTorch's ReduceLROnPlateau names and defaults). */
export interface PlateauOptions {
  /** What a reduction multiplies the multiplier by, in (0, 1). Default 0.1. */
  readonly factor?: number;
  /** How many observations without improvement are tolerated before a reduction (an integer >= 0). Default 10. */
  readonly patience?: number;
  /** How much better than the best a metric must be to count as an improvement (finite, >= 0). Default 1e-4. */
  readonly threshold?: number;
  /** `'rel'`: better than `best * (1 -/+ threshold)`; `'abs'`: better than `best -/+ threshold`. Default `'rel'`. */
  readonly thresholdMode?: PlateauThresholdMode;
  /** `'min'` (lower is better) or `'max'`. Default `'min'`. */
  readonly mode?: PlateauMode;
  /** Observations after a reduction during which bad ones are not counted (an integer >= 0). Default 0. */
  readonly cooldown?: number;
  /** The multiplier never goes below this, in [0, 1] (PyTorch's `min_lr`, as a fraction). Default 0. */
  readonly minScale?: number;
  /**
   * A cut of the multiplier smaller than this is skipped (finite, >= 0; PyTorch's `eps`, which
   * compares learning rates: the same numbers for a schedule at 1). Default 1e-8.
   */
  readonly eps?: number;
}

/** Every option of a plateau controller, defaults filled in. */
export type PlateauSettings = { readonly [K in keyof PlateauOptions]-?: NonNullable<PlateauOptions[K]> };

/** A plateau controller's whole state, plain JSON: `reduceOnPlateauFromState` resumes it exactly. */
export interface PlateauState {
  readonly version: 1;
  readonly options: PlateauSettings;
  /** The current multiplier, in [minScale, 1]. */
  readonly multiplier: number;
  /** The best metric seen, or null before the first observation. */
  readonly best: number | null;
  /** Observations since the last improvement (PyTorch's num_bad_epochs). */
  readonly badObservations: number;
  /** Observations of cooldown left (PyTorch's cooldown_counter). */
  readonly cooldownLeft: number;
  /** Metrics observed so far. */
  readonly observations: number;
}

/** A reduce-on-plateau controller; see {@link reduceOnPlateau}. */
export interface Plateau {
  /**
   * Record a metric (finite; e.g. a validation loss) and return the multiplier to use from now on.
   *
   * @param metric - the metric observed, a finite number
   */
  observe(metric: number): number;
  /** The current multiplier: 1 until the first reduction. */
  readonly multiplier: number;
  /** The best metric seen, or null before the first observation. */
  readonly best: number | null;
  /** The whole state as plain JSON. */
  state(): PlateauState;
}

function settingsOf(owner: string, prefix: string, options: PlateauOptions): PlateauSettings {
  const name = (option: string) => `${prefix}${option}`;
  return {
    factor: inRange(owner, name('factor'), options.factor ?? 0.1, 'in (0, 1)', (f) => f > 0 && f < 1),
    patience: nonNegativeInteger(owner, name('patience'), options.patience ?? 10),
    threshold: nonNegative(owner, name('threshold'), options.threshold ?? 1e-4),
    thresholdMode: checkChoice(owner, name('thresholdMode'), options.thresholdMode ?? 'rel', plateauThresholdModes),
    mode: checkChoice(owner, name('mode'), options.mode ?? 'min', plateauModes),
    cooldown: nonNegativeInteger(owner, name('cooldown'), options.cooldown ?? 0),
    minScale: inRange(owner, name('minScale'), options.minScale ?? 0, 'in [0, 1]', (m) => m >= 0 && m <= 1),
    eps: nonNegative(owner, name('eps'), options.eps ?? 1e-8),
  };
}

/** PyTorch's `is_better`: beats `best` by more than the threshold (anything beats no best). */
function improves(o: PlateauSettings, metric: number, best: number | null): boolean {
  if (best === null) return true;
  const rel = o.thresholdMode === 'rel';
  if (o.mode === 'min') return rel ? metric < best * (1 - o.threshold) : metric < best - o.threshold;
  return rel ? metric > best * (1 + o.threshold) : metric > best + o.threshold;
}

function controller(start: PlateauState): Plateau {
  const o = start.options;
  let { multiplier, best, badObservations, cooldownLeft, observations } = start;
  return {
    observe(metric: number): number {
      // -0 is read as 0, so the state's JSON (which cannot tell them apart) resumes exactly.
      const value = checkNumber('reduceOnPlateau', 'metric', metric, 'a finite number', Number.isFinite);
      observations += 1;
      if (improves(o, value, best)) {
        best = value;
        badObservations = 0;
      } else {
        badObservations += 1;
      }
      if (cooldownLeft > 0) {
        cooldownLeft -= 1;
        badObservations = 0; // bad observations in cooldown do not count
      }
      if (badObservations > o.patience) {
        // PyTorch's _reduce_lr: a cut of eps or less is skipped; the cooldown starts either way.
        const cut = Math.max(multiplier * o.factor, o.minScale);
        if (multiplier - cut > o.eps) multiplier = cut;
        cooldownLeft = o.cooldown;
        badObservations = 0;
      }
      return multiplier;
    },
    get multiplier() {
      return multiplier;
    },
    get best() {
      return best;
    },
    state: () => ({ version: 1, options: { ...o }, multiplier, best, badObservations, cooldownLeft, observations }),
  };
}

/**
 * Reduce on plateau: a controller, kept apart from the pure schedules because it needs feedback.
 * Feed it a metric (say the validation loss) once per epoch or evaluation; when `patience + 1`
 * observations in a row fail to beat the best by `threshold`, the multiplier is multiplied by
 * `factor` (not below `minScale`), then `cooldown` observations pass before bad ones count again.
 * This is PyTorch's ReduceLROnPlateau (same options, defaults and order of checks), with a
 * multiplier in place of the learning rate, so it composes with any schedule:
 *
 *     lr(t) = schedule(t) * plateau.multiplier
 *
 * An improvement is `metric < best * (1 - threshold)` ('min', 'rel'), `metric < best - threshold`
 * ('min', 'abs'), `metric > best * (1 + threshold)` ('max', 'rel') or `metric > best + threshold`
 * ('max', 'abs'). A non-finite metric is refused (RangeError), not counted as bad (PyTorch
 * counts a NaN as bad; here a diverged run should stop, not be nursed). As PyTorch's `eps`, a cut
 * of the multiplier by `eps` (default 1e-8) or less is skipped, and the cooldown restarts either
 * way: a multiplier at `minScale` just stays there.
 *
 * @param options - the controller's settings; every one has PyTorch's default
 * @example
 * const lr = cosine({ initial: 0.1, steps: 10_000 });
 * const plateau = reduceOnPlateau({ patience: 2, factor: 0.5 });
 * for (let t = 0; t < 10_000; t++) {
 *   optimizer.lrScale = plateau.multiplier;   // or: learningRate = lr(t) * plateau.multiplier
 *   ...
 *   if ((t + 1) % 100 === 0) plateau.observe(validationLoss());
 * }
 */
export function reduceOnPlateau(options: PlateauOptions = {}): Plateau {
  checkOptions('reduceOnPlateau', options, settingKeys);
  const settings = settingsOf('reduceOnPlateau', '', options);
  return controller({
    version: 1,
    options: settings,
    multiplier: 1,
    best: null,
    badObservations: 0,
    cooldownLeft: 0,
    observations: 0,
  });
}

const stateKeys = ['version', 'options', 'multiplier', 'best', 'badObservations', 'cooldownLeft', 'observations'];
const settingKeys = ['factor', 'patience', 'threshold', 'thresholdMode', 'mode', 'cooldown', 'minScale', 'eps'];

/** `x` holding exactly `keys`, except those in `optional` (saved before they existed). */
function fields(owner: string, path: string, x: unknown, keys: readonly string[], optional: readonly string[] = []) {
  const record = checkObject(owner, path, x);
  for (const key of keys) {
    if (!Object.hasOwn(record, key) && !optional.includes(key)) throw new TypeError(`${owner}: ${path}.${key} is missing`);
  }
  checkKeys(owner, path, record, keys);
  return record;
}

/**
 * Resume a plateau controller from `plateau.state()` (or that state after a JSON round trip): it
 * then behaves exactly as the original would have. Every field is checked, so a damaged state is
 * refused whole: `RangeError: reduceOnPlateauFromState: state.multiplier must be in [minScale (0), 1], got 2`.
 *
 * @param state - what `plateau.state()` returned, or that after a JSON round trip
 * @example
 * const saved = JSON.stringify(plateau.state());
 * const resumed = reduceOnPlateauFromState(JSON.parse(saved));
 */
export function reduceOnPlateauFromState(state: unknown): Plateau {
  const owner = 'reduceOnPlateauFromState';
  const s = fields(owner, 'state', state, stateKeys);
  if (s['version'] !== 1) throw mustBe(owner, 'state.version', '1', String(s['version']), RangeError);
  // A state saved before `eps` existed takes its default.
  const options = settingsOf(owner, 'state.options.', fields(owner, 'state.options', s['options'], settingKeys, ['eps']));
  const bounds = `in [minScale (${options.minScale}), 1]`;
  const multiplier = checkNumber(owner, 'state.multiplier', s['multiplier'], bounds, (m) =>
    m >= options.minScale && m <= 1,
  );
  const best =
    s['best'] === null
      ? null
      : checkNumber(owner, 'state.best', s['best'], 'a finite number or null', Number.isFinite);
  const badObservations = nonNegativeInteger(owner, 'state.badObservations', s['badObservations']);
  const cooldownRule = `an integer in [0, cooldown (${options.cooldown})]`;
  const cooldownLeft = checkNumber(owner, 'state.cooldownLeft', s['cooldownLeft'], cooldownRule, (n) =>
    Number.isInteger(n) && n >= 0 && n <= options.cooldown,
  );
  const observations = nonNegativeInteger(owner, 'state.observations', s['observations']);
  return controller({ version: 1, options, multiplier, best, badObservations, cooldownLeft, observations });
}
