// Reading an optimizer's saved state back, checked against its books: every check runs before
// anything is returned, so a refused state leaves the optimizer as it was.

import { fromLoadedSpec } from '@etagrad/sched';
import type { Books } from './books.js';
import { type BufferRules, checkBufferRules, checkBuffers } from './buffer-rules.js';
import { checkFinite, checkInteger, checkKeys, checkNonNegative, checkNumber, checkObject, isRecord, mustBe, prefixed, show } from './check.js';
import type { Buffers } from './definition.js';
import { type CommonHyper, type GroupOptions, readGroupOptions } from './hyper.js';
import { mapHyper } from './map-hyper.js';
import type { OptimizerState } from './types.js';

/** The keys of a state, in the order `stateDict` writes them: any other is refused. */
const stateKeys = Object.keys({
  version: 0, optimizer: 0, stepCount: 0, skippedSteps: 0, lrScale: 0, accumulate: 0, accumulated: 0, groups: 0, buffers: 0,
} satisfies Record<keyof OptimizerState, 0>);

/** A group read from a state: its options and its parameters' buffers, in the group's order. */
export interface LoadedGroup<H, S> {
  readonly options: GroupOptions<H>;
  readonly buffers: readonly { readonly buffers: S; readonly gradSum: number }[];
}

/** A state read and checked against an optimizer, ready to install. */
export interface LoadedState<H, S> {
  readonly stepCount: number;
  readonly skippedSteps: number;
  readonly lrScale: number;
  readonly accumulated: number;
  readonly groups: readonly LoadedGroup<H, S>[];
}

/**
 * A group's saved options (only those of `keys`), schedules back from their specs (a number, flag
 * or choice stays as it is), knowing the kinds this program has loaded: importing an optimizer
 * does not bring every kind into a bundle.
 */
function loadHyper(owner: string, name: string, x: unknown, keys: readonly string[]): Record<string, unknown> {
  return mapHyper(checkKeys(owner, name, x, keys), (value, key) => {
    if (!isRecord(value)) return value;
    try {
      return fromLoadedSpec(value);
    } catch (error) {
      throw prefixed(error, `${owner}: ${name}.${key}`);
    }
  });
}

/**
 * One parameter's saved buffers (and gradient sum when accumulating): the keys of `template`
 * (fresh buffers of its group), each value in its domain by `rules` (see `checkBuffers`).
 */
function loadBuffers<S extends Buffers>(owner: string, name: string, x: unknown, template: S, rules: BufferRules<S> | undefined, accumulate: number) {
  const keys = Object.keys(template);
  const saved = checkKeys(owner, name, x, accumulate > 1 ? [...keys, 'gradSum'] : keys);
  return {
    buffers: checkBuffers(owner, name, saved, template, rules),
    gradSum: accumulate > 1 ? checkFinite(owner, `${name}.gradSum`, saved['gradSum']) : 0,
  };
}

/** The saved names of group `i`, checked to be exactly its parameters' names (in any order). */
function checkNames(owner: string, where: string, i: number, saved: unknown, names: readonly string[]): void {
  if (!Array.isArray(saved) || !saved.every((n) => typeof n === 'string')) {
    throw mustBe(owner, where, "a list of parameter names (this optimizer's are named)", show(saved));
  }
  if (saved.length !== names.length) {
    throw new RangeError(`${owner}: ${where} must list ${names.length} parameters (as this optimizer's group ${i}), got ${saved.length}`);
  }
  const set = new Set<string>(saved);
  for (const name of names) {
    if (!set.has(name)) {
      throw new RangeError(`${owner}: ${where} must include '${name}' (a parameter of this optimizer's group ${i}), got ${saved.join(', ')}`);
    }
  }
}

/**
 * `x` when it is an array of `count` entries: a `TypeError` `<name> must be an array<hint>`
 * otherwise, a `RangeError` `<name> must have <count> <what>` for another length.
 */
function checkCount(owner: string, name: string, x: unknown, hint: string, count: number, what: string): unknown[] {
  if (!Array.isArray(x)) throw mustBe(owner, name, `an array${hint}`, show(x));
  if (x.length !== count) throw new RangeError(`${owner}: ${name} must have ${count} ${what}, got ${x.length}`);
  return x;
}

/**
 * Read `state` for the optimizer whose books these are: every field checked (kind, version,
 * counts, group layout, names, options, buffers and their domains) and no other key allowed, at
 * any level; errors naming the field and what differs.
 */
export function readState<H extends CommonHyper, S extends Buffers, C>(books: Books<H, S, C>, state: unknown): LoadedState<H, S> {
  const { definition, groups, named } = books;
  const { accumulate } = books.counts;
  const owner = definition.name;
  const s = checkObject(owner, 'state', state);
  // The fields that must equal this optimizer's, each named with the value it must have.
  const same = (key: string, expected: unknown, rule: string, got: string): void => {
    if (s[key] !== expected) throw mustBe(owner, `state.${key}`, rule, got, RangeError);
  };
  same('version', 1, '1', String(s['version']));
  same('optimizer', owner, `'${owner}'`, show(s['optimizer']));
  // After the version: a state of another version is named as such, not by a key it adds.
  checkKeys(owner, 'state', s, stateKeys);
  const stepCount = checkInteger(owner, 'state.stepCount', s['stepCount'], 0);
  const skippedSteps = checkInteger(owner, 'state.skippedSteps', s['skippedSteps'], 0);
  const lrScale = checkNonNegative(owner, 'state.lrScale', s['lrScale']);
  same('accumulate', accumulate, `${accumulate} (as this optimizer)`, String(s['accumulate']));
  const accumulated = checkNumber(owner, 'state.accumulated', s['accumulated'], `an integer in [0, ${accumulate})`,
    (n) => Number.isSafeInteger(n) && n >= 0 && n < accumulate);
  const saved = checkCount(owner, 'state.groups', s['groups'], '', groups.length, 'groups (as this optimizer)');
  const total = groups.reduce((n, group) => n + group.slots.length, 0);
  const buffers = s['buffers'];
  if (named) {
    const names = groups.flatMap((group) => group.slots.map((slot) => slot.name ?? ''));
    checkKeys(owner, 'state.buffers', buffers, names);
  } else {
    checkCount(owner, 'state.buffers', buffers, " (this optimizer's parameters are unnamed)", total, 'entries (one per parameter)');
  }
  let position = 0; // a parameter's, counted across groups
  const loaded = groups.map((group, i): LoadedGroup<H, S> => {
    const where = `state.groups[${i}]`;
    const savedGroup = checkKeys(owner, where, saved[i], ['params', 'hyper']);
    const params = savedGroup['params'];
    if (named) {
      checkNames(owner, `${where}.params`, i, params, group.slots.map((slot) => slot.name ?? ''));
    } else if (params !== group.slots.length) {
      if (typeof params !== 'number') {
        throw mustBe(owner, `${where}.params`, "a count of parameters (this optimizer's are unnamed)", show(params));
      }
      throw mustBe(owner, `${where}.params`, `${group.slots.length} parameters (as this optimizer's group ${i})`, params, RangeError);
    }
    const given = loadHyper(owner, `${where}.hyper`, savedGroup['hyper'], Object.keys(definition.table));
    const options = readGroupOptions(owner, definition, given, {}, `${where}.hyper.`);
    const template = definition.buffers(options.hyper);
    checkBufferRules(owner, definition.bufferRules, template);
    return {
      options,
      buffers: group.slots.map((slot) => {
        // Buffers are keyed by name when the parameters are named, else by position.
        const key = slot.name ?? position;
        position += 1;
        return loadBuffers(owner, `state.buffers[${show(key)}]`, (buffers as Record<string, unknown>)[key], template, definition.bufferRules, accumulate);
      }),
    };
  });
  return { stepCount, skippedSteps, lrScale, accumulated, groups: loaded };
}
