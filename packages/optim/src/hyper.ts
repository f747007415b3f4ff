// Hyperparameters: one table per optimizer says, for each option, what values are valid; this file
// reads options against such a table (defaults, presets, validation), and resolves the options
// that follow a schedule to numbers at each update without allocating.

import { isSchedule, type Schedule } from '@etagrad/sched';
import { checkBoolean, checkChoice, checkNumber, mustBe, show } from './check.js';
import type { Scalar } from './types.js';

/** The hyperparameters every optimizer has. */
export interface CommonHyper {
  /** Learning rate γ (a finite number >= 0, or a schedule of the update count). */
  lr: number;
  /** Weight decay λ (>= 0); default 0 (AdamW 0.01). */
  weightDecay: number;
  /**
   * How weight decay acts: `'l2'` adds `λ·θ` to the gradient before the update (PyTorch's
   * `weight_decay` for every optimizer but AdamW); `'decoupled'` shrinks the parameter first,
   * `θ ← θ·(1 − γ·λ)` (Loshchilov & Hutter; PyTorch's AdamW, Keras' and optax's weight decay).
   * Default `'l2'` (`'decoupled'` for AdamW and Lion).
   */
  decayMode: 'l2' | 'decoupled';
  /** Ascend instead of descend: the gradient is negated first (before weight decay), as PyTorch does. Default false. */
  maximize: boolean;
}

/** A numeric option: valid values, and whether it may follow a schedule. */
export interface NumberRule {
  readonly kind: 'number';
  /** What `valid` allows, in words, for the error message, e.g. `'in [0, 1)'`. */
  readonly rule: string;
  /**
   * True for an allowed value.
   *
   * @param x - the value given
   */
  readonly valid: (x: number) => boolean;
  /** Read once when buffers are made (Adagrad's initial accumulator): a number only. */
  readonly fixed?: true;
}
/** A pair of numeric options (`betas`), each element valid by the same rule. */
export interface PairRule {
  readonly kind: 'pair';
  /** What `valid` allows, in words, for the error message. */
  readonly rule: string;
  /**
   * True for an allowed element.
   *
   * @param x - one element of the pair
   */
  readonly valid: (x: number) => boolean;
}
/** An on/off option. */
export interface BooleanRule {
  readonly kind: 'boolean';
}
/** One of a closed set of strings. */
export interface ChoiceRule<C extends string> {
  readonly kind: 'choice';
  readonly choices: readonly C[];
}

/** The rule for an option whose resolved value has type V. */
export type HyperRule<V> = [V] extends [number]
  ? NumberRule
  : [V] extends [readonly [number, number]]
    ? PairRule
    : [V] extends [boolean]
      ? BooleanRule
      : [V] extends [string]
        ? ChoiceRule<V>
        : never;

/** One rule per option of H: the compiler proves none is missing. */
export type HyperTable<H> = { readonly [K in keyof H]-?: HyperRule<H[K]> };

/** How an option of resolved type V may be given: numbers may be schedules. */
export type RawValue<V> = [V] extends [number]
  ? Scalar
  : [V] extends [readonly [number, number]]
    ? readonly [Scalar, Scalar]
    : V;

/** Options as given, per key of H. */
export type HyperOptions<H> = { readonly [K in keyof H]?: RawValue<H[K]> };

/** Defaults (a preset): `undefined` removes a default, so the option must be given (optax's lr). */
export type Preset<H> = { readonly [K in keyof H]?: RawValue<H[K]> | undefined };

/** Every option of a group, as given. */
export type Raw<H> = { [K in keyof H]: RawValue<H[K]> };

/** A finite number >= 0. */
export const nonNegative: NumberRule = {
  kind: 'number',
  rule: 'a finite number >= 0',
  valid: (x) => Number.isFinite(x) && x >= 0,
};
/**
 * A finite number > 0: every optimizer's `eps`, which keeps a denominator such as `√v̂ + ε` away
 * from 0. PyTorch accepts `eps = 0`, and then a parameter whose gradients have all been 0 gets
 * `0 / 0 = NaN`; a non-finite parameter must never appear silently, so 0 is refused.
 */
export const positive: NumberRule = {
  kind: 'number',
  rule: 'a finite number > 0',
  valid: (x) => Number.isFinite(x) && x > 0,
};
/** A number in [0, 1] (a decay rate that may be 1). */
export const unitClosed: NumberRule = { kind: 'number', rule: 'in [0, 1]', valid: (x) => x >= 0 && x <= 1 };
/** A number in [0, 1) (Adam's betas: 1 would divide by a zero bias correction). */
export const unitOpenPair: PairRule = { kind: 'pair', rule: 'in [0, 1)', valid: (x) => x >= 0 && x < 1 };
/** A pair of numbers in [0, 1] (Lion's betas). */
export const unitClosedPair: PairRule = { kind: 'pair', rule: 'in [0, 1]', valid: (x) => x >= 0 && x <= 1 };
/** A boolean. */
export const flag: BooleanRule = { kind: 'boolean' };
/** A closed set of strings. */
export const choice = <const C extends string>(choices: readonly C[]): ChoiceRule<C> => ({ kind: 'choice', choices });

/** The rules of the options every optimizer has. */
export const commonTable: HyperTable<CommonHyper> = {
  lr: nonNegative,
  weightDecay: nonNegative,
  decayMode: choice(['l2', 'decoupled']),
  maximize: flag,
};

/**
 * PyTorch's defaults of the common options. Keras and optax apply weight decay decoupled
 * (Keras' `weight_decay`, optax's `add_decayed_weights` before the lr), so their presets start
 * from `decayMode: 'decoupled'`.
 */
export const commonDefaults: Preset<CommonHyper> = { weightDecay: 0, decayMode: 'l2', maximize: false };

type AnyRule = NumberRule | PairRule | BooleanRule | ChoiceRule<string>;
type Table = Readonly<Record<string, AnyRule>>;
type Values = Record<string, unknown>;

/** `x` valid under a numeric rule, with `name` as the user wrote the option. */
function checkValue(owner: string, name: string, x: unknown, rule: NumberRule | PairRule): number {
  return checkNumber(owner, name, x, rule.rule, rule.valid);
}

/** A number, or (unless the rule is `fixed`) a schedule, valid under `rule` (a schedule at step 0). */
function readScalar(owner: string, name: string, x: unknown, rule: NumberRule | PairRule): Scalar {
  if (typeof x === 'number') return checkValue(owner, name, x, rule);
  const fixed = rule.kind === 'number' && rule.fixed;
  const schedule = isSchedule(x);
  if (schedule && !fixed) {
    checkValue(owner, `${name} (schedule at step 0)`, x(0), rule);
    return x;
  }
  const hint = fixed
    ? schedule ? ' (it is read once, not per step)' : ''
    : typeof x === 'function' ? ' (wrap a plain function with fromFunction(fn, { name }) from @etagrad/sched)' : '';
  throw mustBe(owner, name, `a number${fixed ? '' : ' or a schedule'}${hint}`, schedule ? 'a schedule' : show(x));
}

/** Read one option against its rule; `name` is how the error names it. */
function readOne(owner: string, name: string, x: unknown, rule: AnyRule): unknown {
  switch (rule.kind) {
    case 'number':
      return readScalar(owner, name, x, rule);
    case 'pair':
      if (!Array.isArray(x) || x.length !== 2) throw mustBe(owner, name, 'a pair [a, b]', show(x));
      return [0, 1].map((i) => readScalar(owner, `${name}[${i}]`, x[i], rule));
    case 'boolean':
      return checkBoolean(owner, name, x);
    case 'choice':
      return checkChoice(owner, name, x, rule.choices);
  }
}

/** How `readHyper` names and requires options. */
export interface ReadHyperOptions {
  /** Goes before each option's name in errors, e.g. `'state.groups[0].hyper.'`. */
  readonly prefix?: string;
  /** Why an option has no value, added to the error, e.g. `' (optax has no default)'`. */
  readonly hint?: string;
  /** Leave out options found in neither `given` nor `fallback` instead of refusing. */
  readonly partial?: boolean;
}

/**
 * Read every option of `table` from `given`, falling back to `fallback` (trusted defaults, or
 * options already read). An option with neither is an error that says why, unless `partial`.
 */
export function readHyper<H>(
  owner: string,
  table: HyperTable<H>,
  given: Values,
  fallback: Preset<H>,
  { prefix = '', hint = '', partial = false }: ReadHyperOptions = {},
): Raw<H> {
  const out: Values = {};
  for (const [key, rule] of Object.entries(table as Table)) {
    if (Object.hasOwn(given, key)) out[key] = readOne(owner, `${prefix}${key}`, given[key], rule);
    else if ((fallback as Values)[key] !== undefined) out[key] = (fallback as Values)[key];
    else if (!partial) throw mustBe(owner, `${prefix}${key}`, `given${hint}`, 'undefined');
  }
  return out as Raw<H>;
}

/** An option (or one element of a pair) that follows a schedule: read at every update. */
export interface Scheduled {
  readonly key: string;
  /** -1 for a plain option, 0 or 1 for an element of a pair. */
  readonly index: number;
  readonly schedule: Schedule;
  readonly rule: NumberRule | PairRule;
}

/**
 * The scheduled options of `raw` (a schedule, or a pair holding one), lr excluded (it is
 * resolved apart, times `lrScale`).
 */
export function scheduledOf<H>(table: HyperTable<H>, raw: Raw<H>): Scheduled[] {
  const out: Scheduled[] = [];
  for (const [key, rule] of Object.entries(table as Table)) {
    const x = (raw as Values)[key];
    const pair = Array.isArray(x);
    (pair ? x : [x]).forEach((element: unknown, i) => {
      if (key !== 'lr' && isSchedule(element)) out.push({ key, index: pair ? i : -1, schedule: element, rule: rule as NumberRule });
    });
  }
  return out;
}

/** The value of a number-or-schedule at update `step`, checked against its rule. */
export function scalarAt(owner: string, name: string, x: Scalar, rule: NumberRule | PairRule, step: number): number {
  return typeof x === 'number' ? x : checkValue(owner, `${name} (schedule at step ${step})`, x(step), rule);
}

/**
 * Refresh the scheduled options of `hyper` for update `step`, lr included (times `lrScale`),
 * errors naming each option after `where` (`'params[1].'`: which group). Work per update is
 * per scheduled option, never per parameter: `scheduled` is built once when the options are set.
 */
export function resolveInto<H extends CommonHyper>(
  owner: string,
  hyper: H,
  lr: Scalar,
  scheduled: readonly Scheduled[],
  step: number,
  lrScale: number,
  where: string,
): void {
  hyper.lr = scalarAt(owner, `${where}lr`, lr, nonNegative, step) * lrScale;
  const values = hyper as unknown as Values;
  for (const { key, index, schedule, rule } of scheduled) {
    if (index < 0) values[key] = scalarAt(owner, `${where}${key}`, schedule, rule, step);
    else (values[key] as number[])[index] = scalarAt(owner, `${where}${key}[${index}]`, schedule, rule, step);
  }
}

/** A group's options as read: as given, as numbers at step 0, and which follow a schedule. */
export interface GroupOptions<H> {
  raw: Raw<H>;
  hyper: H;
  scheduled: Scheduled[];
}

/**
 * A group's options read from `given` (see {@link readHyper}), resolved at step 0 and checked
 * across options by `check` (SGD's nesterov needs momentum), every error naming them after
 * `prefix`: what a constructor and a state restore both do with a group's options.
 */
export function readGroupOptions<H extends CommonHyper>(
  owner: string,
  rules: { readonly table: HyperTable<H>; readonly check?: (owner: string, h: H, where: string) => void },
  given: Values,
  fallback: Preset<H>,
  prefix: string,
  hint = '',
): GroupOptions<H> {
  const raw = readHyper(owner, rules.table, given, fallback, { prefix, hint });
  const scheduled = scheduledOf(rules.table, raw);
  // Made once per group (pairs copied), then refreshed in place at every update by resolveInto.
  const hyper = Object.fromEntries(Object.entries(raw).map(([key, x]) => [key, Array.isArray(x) ? [...x] : x])) as H;
  resolveInto(owner, hyper, (raw as Raw<CommonHyper>).lr, scheduled, 0, 1, prefix);
  rules.check?.(owner, hyper, prefix);
  return { raw, hyper, scheduled };
}
