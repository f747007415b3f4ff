import type { CommonHyper, HyperTable, Preset } from './hyper.js';

/** One parameter's buffers: numbers, or `null` for "not made yet" (PyTorch's SGD momentum). */
export type Buffers = Record<string, number | null>;

/**
 * What makes one optimizer: its name, its options' rules and defaults, its per-parameter
 * buffers and its per-parameter formula. `OptimizerBase` keeps the books for all of them
 * (groups, schedules, state, validation, accumulation, weight decay, non-finite gradients).
 */
export interface OptimizerDefinition<H extends CommonHyper, S extends Buffers> {
  readonly name: string;
  readonly table: HyperTable<H>;
  /** PyTorch's defaults (the `'torch'` convention). */
  readonly defaults: Preset<H>;
  /**
   * What `convention: 'keras' | 'optax'` changes on top of `defaults`, or why that framework
   * has no such optimizer.
   */
  readonly presets: { readonly keras: Preset<H> | string; readonly optax: Preset<H> | string };
  /** Fresh buffers for one parameter of a group with options `h` (made once, then mutated). */
  readonly buffers: (h: H) => S;
  /**
   * The formula: one parameter's new value from its value, its gradient `grad` (already
   * negated for `maximize` and with L2 decay added) and the update number `t` (1 on the first
   * update); updates `s` in place.
   */
  readonly update: (s: S, data: number, grad: number, h: H, t: number) => number;
  /** Rules across options (SGD's nesterov needs momentum); throws in the usual format. */
  readonly check?: (owner: string, h: H, where: string) => void;
}
