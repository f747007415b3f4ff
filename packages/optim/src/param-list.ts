import { mustBe, show } from './check.js';
import type { Param } from './types.js';

/** Whether `x` is shaped like a parameter: a number `data` and a number `grad`. */
export const isParam = (x: unknown): x is Param =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { data?: unknown }).data === 'number' &&
  typeof (x as { grad?: unknown }).grad === 'number';

/**
 * The parameters of an iterable that may hold plain or named (`[name, param]`) parameters, read
 * once into an array; anything else is refused in the standard format, naming the entry.
 */
export function checkParamList(owner: string, list: unknown): Param[] {
  if (typeof list !== 'object' || list === null || !(Symbol.iterator in list)) {
    throw mustBe(owner, 'params', 'an iterable of parameters { data, grad } or [name, parameter] pairs', show(list));
  }
  const out: Param[] = [];
  for (const item of list as Iterable<unknown>) {
    const param = Array.isArray(item) ? (item as unknown[])[1] : item;
    if (!isParam(param) || (Array.isArray(item) && (item.length !== 2 || typeof item[0] !== 'string'))) {
      throw mustBe(owner, `params[${out.length}]`, 'a parameter { data: number, grad: number } or a [name, parameter] pair', show(item));
    }
    out.push(param);
  }
  return out;
}
