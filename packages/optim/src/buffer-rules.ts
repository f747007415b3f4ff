// The values an optimizer's buffers may hold. Each definition declares the domain its formula
// keeps a buffer in (a second moment >= 0, ...), and a state is checked against it when it is
// loaded: a damaged state is refused at the boundary instead of writing NaN into a parameter at
// the next update.

import { checkKeys, checkNumber, isRecord, mustBe, show } from './check.js';
import type { Buffers } from './definition.js';
import type { NumberRule } from './hyper.js';

/**
 * The values one buffer may hold: `valid` is true for an allowed number and `rule` says which in
 * words, for the error message. A `NumberRule` of the options table fits (`nonNegative`, ...).
 */
export type BufferRule = Pick<NumberRule, 'rule' | 'valid'>;

/** A rule per buffer name, for the buffers whose domain is narrower than any finite number. */
export type BufferRules<S extends Buffers> = { readonly [K in keyof S]?: BufferRule };

/** A buffer without a rule: any number (the loader requires it finite in any case). */
const anyNumber: BufferRule = { rule: 'a finite number', valid: () => true };

/**
 * The buffers named by `template`'s keys, read from `x`: each a finite number valid by its rule in
 * `rules` (any finite number when it has none), or `null` where `template` holds `null` (not made
 * yet). Otherwise a `TypeError` (not a number) or `RangeError`
 * `<owner>: <name>.<key> must be <rule>, got <value>`. Keys of `x` are not checked here.
 *
 * @param owner - the optimizer's name, first in a message
 * @param name - where `x` is, e.g. `state.buffers[0]`
 * @param x - the buffers to check
 * @param template - fresh buffers of the same group: the keys to read, and which may be `null`
 * @param rules - the definition's `bufferRules` (default none)
 * @returns the checked buffers, a new object
 */
export function checkBuffers<S extends Buffers>(
  owner: string,
  name: string,
  x: Readonly<Record<string, unknown>>,
  template: S,
  rules: BufferRules<S> = {},
): S {
  const buffers: Buffers = {};
  for (const key of Object.keys(template)) {
    const value = x[key];
    const nullable = template[key] === null;
    const { rule, valid } = rules[key] ?? anyNumber;
    buffers[key] = nullable && value === null ? null : checkNumber(owner, `${name}.${key}`, value,
      nullable ? `${rule} or null` : rule, (n) => Number.isFinite(n) && valid(n));
  }
  return buffers as S;
}

/**
 * A definition's `bufferRules`, checked against fresh buffers `template` before a saved state is:
 * each rule names a buffer (else a `TypeError` suggesting the nearest name) and is a
 * `{ rule, valid }`, and the fresh buffers satisfy their rules (else a state saved before the
 * first update could not be loaded). Checked when loading, not where the optimizer is made, so that
 * a bundle that never loads a state carries none of this.
 *
 * @param owner - the optimizer's name, first in a message
 * @param rules - the definition's `bufferRules`, if any
 * @param template - fresh buffers, from the definition's `buffers`
 */
export function checkBufferRules<S extends Buffers>(owner: string, rules: BufferRules<S> | undefined, template: S): void {
  if (rules === undefined) return;
  for (const [key, rule] of Object.entries(checkKeys(owner, 'definition.bufferRules', rules, Object.keys(template)))) {
    if (!isRecord(rule) || typeof rule['rule'] !== 'string' || typeof rule['valid'] !== 'function') {
      throw mustBe(owner, `definition.bufferRules.${key}`, 'a buffer rule { rule, valid }', show(rule));
    }
  }
  checkBuffers(owner, 'definition.buffers()', template, template, rules);
}
