import type { NamedParam, Param } from './types.js';

/** The parameters of a list that may hold plain or named (`[name, param]`) parameters. */
export function* paramsOf(list: Iterable<Param | NamedParam>): Generator<Param> {
  for (const item of list) yield Array.isArray(item) ? (item as NamedParam)[1] : (item as Param);
}
