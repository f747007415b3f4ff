import type { Schedule } from '@etagrad/sched';
import { type Books, type Counts, registry } from './books.js';
import { checkChoice, checkInteger, checkKeys, checkNonNegative, checkObject, isRecord, mustBe, show } from './check.js';
import type { Buffers, OptimizerDefinition, UpdateNumber } from './definition.js';
import {
  type CommonHyper,
  commonDefaults,
  type GroupOptions,
  type HyperOptions,
  nonNegative,
  type Preset,
  readGroupOptions,
  readHyper,
  resolveInto,
  scalarAt,
} from './hyper.js';
import { readParams } from './params.js';
import {
  type Convention,
  conventions,
  type NonFinitePolicy,
  type Optimizer,
  type OptimizerOptions,
  type Param,
  type ParamList,
  type Scalar,
} from './types.js';

/** A group of parameters with its own options (PyTorch's param_groups), e.g. `{ params: biases, weightDecay: 0 }`. */
export type ParamGroup<H> = { readonly params: ParamList } & HyperOptions<H>;

/** What an optimizer's constructor takes: parameters (plain or named) or groups of them. */
export type ParamsInput<H> = ParamList | readonly ParamGroup<H>[];

/** An optimizer's options: its hyperparameters (defaults for every group) and the optimizer-wide ones. */
export type Options<H> = OptimizerOptions & HyperOptions<H>;

/** One parameter and its books. */
export interface Slot<S> {
  readonly param: Param;
  /** Its name, or null when parameters were given unnamed. */
  readonly name: string | null;
  buffers: S;
  /** Sum of the gradients of the calls accumulated toward the next update. */
  gradSum: number;
}

/**
 * One group and its books: its options (`hyper`: as numbers for the current update, refreshed in
 * place) and its parameters.
 */
export interface Group<H, S, C = unknown> extends GroupOptions<H> {
  /** How errors name this group's options: `'params[1].'` when there are several groups, else `''`. */
  readonly where: string;
  readonly slots: Slot<S>[];
  /** The current update's shared quantities (bias corrections, ...), refilled before each update. */
  readonly constants: C;
}

/** A group's lr as given (H's lr is a number, so its raw value is a Scalar; the compiler cannot see it through a generic H). */
const lrOf = <H extends CommonHyper>(group: Group<H, unknown>): Scalar => group.raw.lr as Scalar;

const optimizerKeys = ['convention', 'nonFinite', 'accumulate'] as const;

/** The type of each required member of a definition (`check` and `bufferRules` are optional; `loadStateDict` checks the rules). */
const definitionShape: Readonly<Record<string, string>> = {
  name: 'string',
  table: 'object',
  defaults: 'object',
  presets: 'object',
  buffers: 'function',
  perUpdate: 'function',
  update: 'function',
} satisfies Record<Exclude<keyof OptimizerDefinition<CommonHyper, Buffers>, 'check' | 'bufferRules'>, string>;

/** A definition's shape, checked where a custom optimizer passes one to `OptimizerBase`. */
function checkDefinition(definition: unknown): void {
  const valid = isRecord(definition) && definition['table'] !== null &&
    Object.entries(definitionShape).every(([key, type]) => typeof definition[key] === type);
  if (!valid) {
    throw mustBe('OptimizerBase', 'definition', `an optimizer definition { ${Object.keys(definitionShape).join(', ')} }`, show(definition));
  }
}

/** The defaults of `definition` under `convention`, or a RangeError if that framework lacks it. */
function defaultsFor<H extends CommonHyper, S extends Buffers, C>(
  definition: OptimizerDefinition<H, S, C>,
  convention: Convention,
): Preset<H> {
  const defaults = { ...commonDefaults, ...definition.defaults } as Preset<H>;
  if (convention === 'torch') return defaults;
  const preset = definition.presets[convention];
  if (typeof preset === 'string') {
    const supported = conventions.filter((c) => c === 'torch' || typeof definition.presets[c] !== 'string');
    throw new RangeError(`${definition.name}: convention must be ${supported.map(show).join(' or ')} (${preset}), got '${convention}'`);
  }
  return { ...defaults, decayMode: 'decoupled', ...preset };
}

/**
 * The books every optimizer keeps, over its definition's formula: groups and their options
 * (numbers or schedules, resolved at each update), per-parameter buffers, the update count,
 * weight decay (L2 or decoupled), `maximize`, gradient accumulation and the non-finite gradient
 * policy. Its state is saved and restored by the functions `stateDict` and `loadStateDict`.
 */
export class OptimizerBase<H extends CommonHyper, S extends Buffers, C = UpdateNumber> implements Optimizer {
  readonly #definition: OptimizerDefinition<H, S, C>;
  readonly #groups: Group<H, S, C>[];
  readonly #nonFinite: NonFinitePolicy;
  /** Shared with `stateDict` and `loadStateDict` through the registry (books.ts). */
  readonly #counts: Counts;

  /**
   * An optimizer's books over `params`, updating them by `definition`'s formula.
   *
   * @param definition - the optimizer's rules, defaults, buffers and formula (`sgdDefinition`, ...)
   * @param params - the parameters to update: a list, named pairs, or groups `{ params, ...options }`
   * @param options - the hyperparameters of `definition.table` and `convention`, `nonFinite`, `accumulate`
   */
  constructor(definition: OptimizerDefinition<H, S, C>, params: unknown, options: unknown) {
    checkDefinition(definition);
    const owner = definition.name;
    this.#definition = definition;
    const given = checkObject(owner, 'options', options);
    const hyperKeys = Object.keys(definition.table);
    checkKeys(owner, 'options', given, [...hyperKeys, ...optimizerKeys]);
    const convention = checkChoice(owner, 'convention', given['convention'] ?? 'torch', conventions);
    this.#nonFinite = checkChoice(owner, 'nonFinite', given['nonFinite'] ?? 'throw', ['throw', 'skip']);
    const accumulate = checkInteger(owner, 'accumulate', given['accumulate'] ?? 1, 1);
    this.#counts = { stepCount: 0, skippedSteps: 0, lrScale: 1, accumulate, accumulated: 0 };
    const defaults = defaultsFor(definition, convention);
    const hint = ` (${convention} has no default)`;
    // The optimizer's options are every group's defaults; a group may supply one they lack (lr).
    const fallback = readHyper(owner, definition.table, given, defaults, { partial: true });
    const read = readParams(owner, params, hyperKeys);
    this.#groups = read.map((group, i) => {
      const where = read.length > 1 ? `params[${i}].` : '';
      const options = readGroupOptions(owner, definition, group.options, fallback as Preset<H>, where, hint);
      return {
        ...options,
        where,
        slots: group.params.map((param, j) => ({
          param,
          name: group.names?.[j] ?? null,
          buffers: definition.buffers(options.hyper),
          gradSum: 0,
        })),
        constants: definition.perUpdate(options.hyper, 1),
      };
    });
    const books: Books<H, S, C> = { definition, groups: this.#groups, named: read[0]?.names !== null, counts: this.#counts };
    // The registry holds every optimizer's books whatever its options' types: the functions that
    // read them treat each group's options as the definition's table says.
    registry.set(this, books as unknown as Books);
  }

  /** `'SGD'`, `'Adam'`, ... */
  get name(): string {
    return this.#definition.name;
  }

  /** Completed updates. The next update is number `stepCount` (from 0) and reads each schedule there. */
  get stepCount(): number {
    return this.#counts.stepCount;
  }

  /** Calls skipped because of a non-finite gradient (`nonFinite: 'skip'`). */
  get skippedSteps(): number {
    return this.#counts.skippedSteps;
  }

  /** The lr of the next update, per group: its value (its schedule at `stepCount`) times `lrScale`. */
  get lr(): readonly number[] {
    return this.#groups.map((group) => {
      const lr = lrOf(group);
      return (typeof lr === 'number' ? lr : lr(this.#counts.stepCount)) * this.#counts.lrScale;
    });
  }

  /** A multiplier on every group's lr (default 1): `opt.lrScale = plateau.observe(valLoss)`. */
  get lrScale(): number {
    return this.#counts.lrScale;
  }

  /** @param value - the multiplier, a finite number >= 0 */
  set lrScale(value: number) {
    this.#counts.lrScale = checkNonNegative(this.name, 'lrScale', value);
  }

  /**
   * Replace group `groupIndex`'s lr by a number or a schedule; a schedule is read at
   * `stepCount` from the next update on (it is not restarted).
   *
   * @param groupIndex - which group, from 0 (0 when the parameters were given as one list)
   * @param value - the new lr: a finite number >= 0 or a schedule
   * @example
   * opt.setLr(0, 0.01);                                   // fine-tune: a smaller rate
   * opt.setLr(0, cosine({ initial: 0.1, steps: 1000 }));  // a schedule from now on
   */
  setLr(groupIndex: number, value: number | Schedule): void {
    const owner = this.name;
    checkInteger(owner, 'groupIndex', groupIndex, 0);
    const group = this.#groups[groupIndex];
    if (group === undefined) {
      throw mustBe(owner, 'groupIndex', `below the number of groups (${this.#groups.length})`, groupIndex, RangeError);
    }
    const { lr } = readHyper<{ lr: number }>(owner, { lr: nonNegative }, { lr: value }, {});
    scalarAt(owner, 'lr', lr, nonNegative, this.#counts.stepCount);
    group.raw = { ...group.raw, lr };
  }

  /** Set every parameter's `grad` to 0. */
  zeroGrad(): void {
    for (const group of this.#groups) for (const slot of group.slots) slot.param.grad = 0;
  }

  /**
   * One update of every parameter by the definition's formula, with update number
   * `t = stepCount + 1`; or, with `accumulate: k`, one of k calls (the k-th updates with the mean
   * gradient). Checks every gradient first: a non-finite one throws (or, with
   * `nonFinite: 'skip'`, skips the call) before anything changes. A schedule that yields an
   * invalid value (a negative lr, ...) throws at this update, also before anything changes.
   */
  step(): void {
    const owner = this.name;
    if (!this.#gradientsFinite()) return;
    const counts = this.#counts;
    const accumulate = counts.accumulate;
    if (counts.accumulated + 1 < accumulate) {
      for (const group of this.#groups) for (const slot of group.slots) slot.gradSum += slot.param.grad;
      counts.accumulated += 1;
      return;
    }
    const step = counts.stepCount;
    for (const group of this.#groups) {
      resolveInto(owner, group.hyper, lrOf(group), group.scheduled, step, counts.lrScale, group.where);
      if (group.scheduled.length > 0) this.#definition.check?.(owner, group.hyper, group.where);
    }
    const { update, perUpdate } = this.#definition;
    const t = step + 1;
    for (const group of this.#groups) {
      const h = group.hyper;
      const c = perUpdate(h, t, group.constants);
      const decay = h.weightDecay;
      const decoupled = h.decayMode === 'decoupled';
      for (const slot of group.slots) {
        const p = slot.param;
        let grad = accumulate > 1 ? (slot.gradSum + p.grad) / accumulate : p.grad;
        slot.gradSum = 0;
        if (h.maximize) grad = -grad;
        let data = p.data;
        if (decay !== 0) {
          if (decoupled) data *= 1 - h.lr * decay;
          else grad += decay * data;
        }
        p.data = update(slot.buffers, data, grad, h, c);
      }
    }
    counts.accumulated = 0;
    counts.stepCount = t;
  }

  /** Whether every gradient is finite; if not, throws or counts a skipped call per the policy. */
  #gradientsFinite(): boolean {
    let index = 0;
    for (const group of this.#groups) {
      for (const slot of group.slots) {
        const grad = slot.param.grad;
        if (!Number.isFinite(grad)) {
          if (this.#nonFinite === 'skip') {
            this.#counts.skippedSteps += 1;
            return false;
          }
          const which = slot.name === null ? `parameter ${index}` : `parameter '${slot.name}'`;
          throw mustBe(this.name, `gradient of ${which}`, 'finite', grad, RangeError);
        }
        index += 1;
      }
    }
    return true;
  }
}
