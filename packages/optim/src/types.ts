import type { Schedule, ScheduleSpec } from '@etagrad/sched';

/**
 * What an optimizer updates: anything with a number `data` and a number `grad`. An
 * `@etagrad/autograd` `Value` fits, and so does a plain `{ data: 0.5, grad: 0 }`, so this package
 * serves a user's own engine too (it never imports the engine).
 */
export interface Param {
  data: number;
  grad: number;
}

/** A parameter with its name, as `model.namedParameters()` gives them: `['0.weight', w]`. */
export type NamedParam = readonly [name: string, param: Param];

/** A list of parameters: all plain, or all named (then state buffers are keyed by name). */
export type ParamList = readonly Param[] | readonly NamedParam[];

/** A hyperparameter given as a fixed number or as a schedule of the update count. */
export type Scalar = number | Schedule;

/**
 * Whose numbers an optimizer reproduces: `'torch'` (the default), `'keras'` or `'optax'`. A
 * convention sets the options where the frameworks differ (where `eps` sits, whether `lr` goes
 * into the momentum buffer, ...) and that framework's default hyperparameters; options given
 * explicitly win over the preset. See the README's table.
 */
export type Convention = 'torch' | 'keras' | 'optax';

/** All conventions, in order. */
export const conventions = ['torch', 'keras', 'optax'] as const satisfies readonly Convention[];

/**
 * What to do on a non-finite gradient (NaN or ±Infinity): `'throw'` (default) throws before any
 * parameter or buffer changes; `'skip'` leaves everything as it was, counts the call in
 * `skippedSteps` and returns.
 */
export type NonFinitePolicy = 'throw' | 'skip';

/**
 * Options that belong to the optimizer as a whole (not to a group).
 */
export interface OptimizerOptions {
  /** Whose formulas and defaults to use; default `'torch'`. */
  readonly convention?: Convention;
  /** Non-finite gradient policy; default `'throw'`. */
  readonly nonFinite?: NonFinitePolicy;
  /**
   * Gradient accumulation: apply one update every `accumulate` calls of `step()`, with the mean
   * of the gradients seen by those calls (emulates a batch `accumulate` times larger). Call
   * `zeroGrad()` after every `step()` as usual. Default 1 (update on every call).
   */
  readonly accumulate?: number;
}

/**
 * The interface a training loop codes against: every optimizer here implements it. Its state is
 * saved and restored by the functions `stateDict(optimizer)` and `loadStateDict(optimizer, state)`,
 * which take the optimizers of this package (not an implementation of this interface of one's own).
 */
export interface Optimizer {
  /** `'SGD'`, `'Adam'`, ... */
  readonly name: string;
  /** One update (or one accumulation call, see `accumulate`). */
  step(): void;
  /** Set every parameter's `grad` to 0. */
  zeroGrad(): void;
  /** Completed updates (skipped and accumulation-only calls do not count). */
  readonly stepCount: number;
  /** The learning rate of the NEXT update, per group: the group's lr (its schedule at `stepCount`) times `lrScale`. */
  readonly lr: readonly number[];
  /** A multiplier on every group's lr, default 1; `reduceOnPlateau`'s multiplier goes here. */
  lrScale: number;
  /**
   * Replace group `groupIndex`'s lr by a number or a schedule (read at `stepCount` from then on).
   *
   * @param groupIndex - which group, from 0 (0 when the parameters were given as one list)
   * @param value - the new lr: a finite number >= 0 or a schedule
   */
  setLr(groupIndex: number, value: number | Schedule): void;
  /** Calls skipped because of a non-finite gradient (with `nonFinite: 'skip'`). */
  readonly skippedSteps: number;
}

/** A hyperparameter as saved: a number, a flag, a choice, a schedule's spec, or a pair of those. */
export type SavedHyper = number | boolean | string | ScheduleSpec | readonly (number | ScheduleSpec)[];

/** One parameter's buffers as saved (`null`: not created yet, as PyTorch's SGD momentum before step 1). */
export type SavedBuffers = Readonly<Record<string, number | null>>;

/** One group as saved: its parameters (names, or a count when unnamed) and its hyperparameters. */
export interface SavedGroup {
  readonly params: readonly string[] | number;
  readonly hyper: Readonly<Record<string, SavedHyper>>;
}

/**
 * An optimizer's state as plain JSON (no NaN, no Infinity, no typed arrays). `buffers` is keyed
 * by parameter name when the parameters were given named, else a list in parameter order
 * (groups in order, each group's parameters in order).
 */
export interface OptimizerState {
  readonly version: 1;
  readonly optimizer: string;
  readonly stepCount: number;
  readonly skippedSteps: number;
  readonly lrScale: number;
  readonly accumulate: number;
  /** Calls already accumulated toward the next update (0 when `accumulate` is 1). */
  readonly accumulated: number;
  readonly groups: readonly SavedGroup[];
  readonly buffers: Readonly<Record<string, SavedBuffers>> | readonly SavedBuffers[];
}
