import type { BufferRules } from './buffer-rules.js';
import type { CommonHyper, HyperTable, Preset } from './hyper.js';

/** One parameter's buffers: numbers, or `null` for "not made yet" (PyTorch's SGD momentum). */
export type Buffers = Record<string, number | null>;

/** What every update shares when an optimizer needs only its number: t, 1 on the first update. */
export interface UpdateNumber {
  t: number;
}

/**
 * `into.t = t` (the per-update quantities of optimizers that need only t).
 *
 * @param _h - the group's options (unused)
 * @param t - the update number, 1 on the first update
 * @param into - the object to fill (default a new one)
 */
export function updateNumber(_h: unknown, t: number, into: UpdateNumber = { t: 0 }): UpdateNumber {
  into.t = t;
  return into;
}

/**
 * What makes one optimizer: its name, its options' rules and defaults, its per-parameter
 * buffers and its per-parameter formula. `OptimizerBase` keeps the books for all of them
 * (groups, schedules, state, validation, accumulation, weight decay, non-finite gradients).
 */
export interface OptimizerDefinition<H extends CommonHyper, S extends Buffers, C = UpdateNumber> {
  readonly name: string;
  readonly table: HyperTable<H>;
  /** PyTorch's defaults (the `'torch'` convention). */
  readonly defaults: Preset<H>;
  /**
   * What `convention: 'keras' | 'optax'` changes on top of `defaults`, or why that framework
   * has no such optimizer.
   */
  readonly presets: { readonly keras: Preset<H> | string; readonly optax: Preset<H> | string };
  /**
   * Fresh buffers for one parameter of a group with options `h` (made once, then mutated).
   *
   * @param h - the group's options
   */
  readonly buffers: (h: H) => S;
  /**
   * The values each buffer may hold, by buffer name: the domain the formula keeps it in, as a
   * `{ rule, valid }` (`rule` in words for the message, `valid` true for an allowed number), e.g.
   * `{ expAvgSq: { rule: 'a finite number >= 0', valid: (x) => x >= 0 } }` for a second moment,
   * whose square root the next update takes. `loadStateDict` checks every saved buffer against
   * its rule before it changes anything, so a damaged state is refused rather than turned into
   * NaN by the next update: `RangeError: Adam: state.buffers[0].expAvgSq must be a finite number
   * >= 0, got -1`. A saved buffer must be finite whatever its rule. Default: no rules, every
   * buffer any finite number (or `null` where `buffers` gives `null`). The rules themselves are
   * checked by `loadStateDict`, before the state: each must name a buffer, and fresh buffers must
   * satisfy them.
   */
  readonly bufferRules?: BufferRules<S>;
  /**
   * The quantities of update t (1 on the first) that all parameters of a group share, such as
   * bias corrections: computed once per group and update, not once per parameter. Fills
   * `into` when given (the base makes one object per group and refills it), else a new object.
   *
   * @param h - the group's options, resolved at this update
   * @param t - the update number, 1 on the first
   * @param into - the object to fill, when given
   */
  readonly perUpdate: (h: H, t: number, into?: C) => C;
  /**
   * The formula: one parameter's new value from its value, its gradient `grad` (already
   * negated for `maximize` and with L2 decay added) and the update's shared quantities `c`;
   * updates `s` in place.
   *
   * @param s - the parameter's buffers, updated in place
   * @param data - the parameter's value
   * @param grad - its gradient
   * @param h - the group's options, resolved at this update
   * @param c - the update's shared quantities, from `perUpdate`
   */
  readonly update: (s: S, data: number, grad: number, h: H, c: C) => number;
  /**
   * Rules across options (SGD's nesterov needs momentum); throws in the usual format.
   *
   * @param owner - the optimizer's name, first in an error message
   * @param h - the group's options
   * @param where - the group's prefix in a message, e.g. `'params[1].'` (empty with one group)
   */
  readonly check?: (owner: string, h: H, where: string) => void;
}
