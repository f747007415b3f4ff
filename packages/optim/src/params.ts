// Reading the `params` argument: plain parameters, named parameters (as `namedParameters()`
// gives them), or groups of either with per-group options (PyTorch's param_groups).

import { checkKeys, mustBe, show } from './check.js';
import { isParam } from './param-list.js';
import type { Param } from './types.js';

/** One group as read: its parameters, their names (null when unnamed), and its own options. */
export interface ReadGroup {
  readonly params: Param[];
  readonly names: string[] | null;
  readonly options: Record<string, unknown>;
}

const isGroup = (x: unknown): x is { params: unknown } =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && 'params' in x && !('data' in x);

/** `x` when it is a non-empty array; a `TypeError` `<name> must be a non-empty array of <what>` otherwise. */
function nonEmpty(owner: string, name: string, x: unknown, what: string): unknown[] {
  if (!Array.isArray(x) || x.length === 0) {
    throw mustBe(owner, name, `a non-empty array of ${what}`, Array.isArray(x) ? 'an empty array' : show(x));
  }
  return x;
}

function readList(owner: string, name: string, list: unknown): Pick<ReadGroup, 'params' | 'names'> {
  const items = nonEmpty(owner, name, list, 'parameters');
  const named = Array.isArray(items[0]);
  const params: Param[] = [];
  const names: string[] = [];
  for (const [i, item] of items.entries()) {
    const pair = Array.isArray(item) && item.length === 2 && typeof item[0] === 'string';
    const param: unknown = named ? (pair ? (item as unknown[])[1] : undefined) : item;
    if (!isParam(param)) {
      const rule = named ? `a [name, { data: number, grad: number }] pair like ${name}[0]` : 'a parameter { data: number, grad: number }';
      throw mustBe(owner, `${name}[${i}]`, rule, show(item));
    }
    params.push(param);
    if (named) names.push((item as string[])[0]!);
  }
  return { params, names: named ? names : null };
}

/**
 * Read `params` into groups; `groupKeys` are the options a group may set. Refuses an empty list,
 * a non-parameter, a parameter given twice, a name given twice, and a mix of named and unnamed
 * groups (buffers are keyed one way or the other).
 */
export function readParams(owner: string, input: unknown, groupKeys: readonly string[]): ReadGroup[] {
  const items = nonEmpty(owner, 'params', input, 'parameters or groups');
  const groups: ReadGroup[] = [];
  if (isGroup(items[0])) {
    for (const [i, group] of items.entries()) {
      if (!isGroup(group)) throw mustBe(owner, `params[${i}]`, 'a group { params, ...options } like params[0]', show(group));
      const { params, ...options } = group as Record<string, unknown>;
      checkKeys(owner, `params[${i}]`, options, ['params', ...groupKeys]);
      groups.push({ ...readList(owner, `params[${i}].params`, params), options });
    }
  } else {
    groups.push({ ...readList(owner, 'params', input), options: {} });
  }
  const named = groups[0]?.names !== null;
  const seen = new Set<Param>();
  const seenNames = new Set<string>();
  for (const [i, group] of groups.entries()) {
    if ((group.names !== null) !== named) {
      throw mustBe(owner, `params[${i}].params`, `${named ? 'named' : 'unnamed'} like params[0].params`, `${named ? 'unnamed' : 'named'} parameters`);
    }
    for (const [j, param] of group.params.entries()) {
      const where = groups.length > 1 ? `params[${i}].params[${j}]` : `params[${j}]`;
      if (seen.has(param)) throw new RangeError(`${owner}: ${where} must appear once, got a parameter given twice`);
      seen.add(param);
      const name = group.names?.[j];
      if (name !== undefined) {
        if (seenNames.has(name)) throw new RangeError(`${owner}: ${where} must have a unique name, got ${show(name)} twice`);
        seenNames.add(name);
      }
    }
  }
  return groups;
}
