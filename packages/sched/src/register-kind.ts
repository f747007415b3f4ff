import { checkFunction, checkObject, checkString, show } from '@etagrad/check';
import { checkOptions, finiteRate, mustBe } from './check.js';
import { makeSchedule, type KindSpec } from './define-schedule.js';
import { addKind, loadedKind } from './kinds.js';
import { scheduleKinds, type Json, type Schedule } from './types.js';

/**
 * Checks one option of a registered kind and returns its value, throwing in the standard format.
 *
 * @param owner - the kind's name, first in an error message
 * @param name - the option's name
 * @param value - the value given
 */
export type OptionCheck = (owner: string, name: string, value: unknown) => number | boolean | string;

/** The options of a registered kind, as its checks return them. */
export type CheckedOptions<C extends Record<string, OptionCheck>> = { readonly [K in keyof C]: ReturnType<C[K]> };

/** What {@link registerKind} takes (`C`: each option's check). */
export interface KindDefinition<C extends Record<string, OptionCheck>> {
  /** The kind's name, as a function is named (`noam`): its spec's `kind` and its name in expressions. */
  readonly name: string;
  /**
   * Each option's name, mapped to the check of its value: one of `@etagrad/check`'s
   * (`checkPositive`, `checkPositiveInteger`, `checkBoolean`, ...) or any
   * `(owner, name, value) => value` that throws in the standard format.
   */
  readonly options: C;
  /**
   * The rate at step `t` (completed updates, from 0), given the checked options.
   *
   * @param t - completed updates, from 0
   * @param options - the kind's options, as its checks returned them
   */
  readonly formula: (t: number, options: CheckedOptions<C>) => number;
}

// Names the parser reads as values, and the kind `fromFunction` writes: never a kind's name.
const reserved = ['true', 'false', 'null', 'fromFunction'];
const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Add a kind of schedule of your own, saved and read back like a built-in one: `format` writes it,
 * `parse` and `fromSpec` read it, an optimizer's state and every checkpoint hold its spec. Returns
 * its constructor, which checks its options as the built-in ones do (unknown options refused with
 * "did you mean"), then gives a schedule with spec `{ kind: name, ...options }`. Register it
 * before reading anything that holds it (in each program that reads it). A name already
 * registered, a built-in kind's name, or one that is not an identifier is refused.
 *
 * @param definition - the kind's `name`, its `options` (name to check) and its `formula`
 * @example
 * import { checkPositive, checkPositiveInteger } from '@etagrad/check';
 * const noam = registerKind({
 *   name: 'noam',
 *   options: { model: checkPositiveInteger, warmup: checkPositiveInteger },
 *   formula: (t, { model, warmup }) => model ** -0.5 * Math.min((t + 1) ** -0.5, (t + 1) * warmup ** -1.5),
 * });
 * const lr = noam({ model: 512, warmup: 4000 });
 * format(lr);                          // "noam({ model: 512, warmup: 4000 })"
 * parse('noam({ model: 512, warmup: 4000 })')(0) === lr(0); // true
 */
export function registerKind<C extends Record<string, OptionCheck>>(
  definition: KindDefinition<C>,
): (options: CheckedOptions<C>) => Schedule {
  const owner = 'registerKind';
  checkOptions(owner, definition, ['name', 'options', 'formula']);
  const name = checkString(owner, 'name', definition.name);
  if (!identifier.test(name) || reserved.includes(name)) {
    throw mustBe(owner, 'name', "an identifier such as 'noam', not true, false, null or fromFunction", show(name), RangeError);
  }
  if ((scheduleKinds as readonly string[]).includes(name)) {
    throw new RangeError(`${owner}: name must not be a built-in kind's, got '${name}'`);
  }
  if (loadedKind(name) !== undefined) throw new RangeError(`${owner}: name must not be registered already, got '${name}'`);
  const checks = checkObject(owner, 'options', definition.options);
  const names = Object.keys(checks);
  for (const option of names) {
    if (!identifier.test(option) || option === 'kind') {
      throw mustBe(owner, "options' names", 'identifiers other than kind', show(option), RangeError);
    }
    checkFunction(owner, `options.${option}`, checks[option], 'a check such as checkPositive');
  }
  const formula = checkFunction<KindDefinition<C>['formula']>(owner, 'formula', definition.formula);
  const make = (given: CheckedOptions<C>): Schedule => {
    checkOptions(name, given, names);
    const values: Record<string, Json> = {};
    for (const option of names) values[option] = checkedValue(name, option, (checks[option] as OptionCheck)(name, option, given[option]));
    const frozen = Object.freeze({ ...values }) as CheckedOptions<C>;
    // A registered kind: defineSchedule's type names only the built-in kinds.
    return makeSchedule({ kind: name, ...values } as KindSpec, (t) => finiteRate(name, t, formula(t, frozen)));
  };
  addKind<CheckedOptions<C>>({ kind: name, options: names, build: make });
  return make;
}

/** A check's result, which the spec will hold: a finite number, a boolean or a string. */
function checkedValue(owner: string, option: string, x: unknown): Json {
  if ((typeof x === 'number' && Number.isFinite(x)) || typeof x === 'boolean' || typeof x === 'string') return x;
  throw new TypeError(`${owner}: the check of ${option} must return a finite number, a boolean or a string, got ${show(x)}`);
}
