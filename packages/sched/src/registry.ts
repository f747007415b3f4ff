// The kind table: for every kind, its options (in spec order), which are written positionally
// in an expression, and how to build it. `fromSpec`, `format` and `parse` read only this table,
// so adding a kind is one entry here (and tsc fails until it is added: `satisfies`).

import { constant } from './constant.js';
import { cosine } from './cosine.js';
import {
  choiceField,
  numberField,
  scheduleField,
  type Field,
} from './fields.js';
import type { Kind, Schedule } from './types.js';
import { warmup, warmupShapes } from './warmup.js';

/** How one kind is read, written and built. */
export interface KindRule<A> {
  /** Options written as positional arguments, in order; the rest go in an options object. */
  readonly positional: readonly (keyof A & string)[];
  /** Every option, in spec order. */
  readonly fields: { readonly [K in keyof A]-?: Field<A[K]> };
  /** Calls the constructor (which validates ranges). */
  build(args: A): Schedule;
}

/** A kind rule with its argument type forgotten, as the generic readers and writers see it. */
export type AnyKindRule = KindRule<Record<string, unknown>>;

const rule = <A>(r: KindRule<A>): KindRule<A> => r;

const kindRules = {
  constant: rule({ positional: ['value'], fields: { value: numberField() }, build: (a) => constant(a.value) }),
  cosine: rule({
    positional: [],
    fields: { initial: numberField(), steps: numberField(), final: numberField(0) },
    build: (a) => cosine(a),
  }),
  warmup: rule({
    positional: ['inner'],
    fields: { inner: scheduleField(), steps: numberField(), from: numberField(0), shape: choiceField(warmupShapes, 'linear') },
    build: (a) => warmup(a.inner, a),
  }),
} satisfies Record<Kind, { readonly positional: readonly string[]; build(args: never): Schedule }>;

/** The rule for `kind`, or undefined when it is not a kind of this package. */
export function ruleOf(kind: string): AnyKindRule | undefined {
  return Object.hasOwn(kindRules, kind) ? (kindRules[kind as Kind] as unknown as AnyKindRule) : undefined;
}

/** Every kind's name, for messages. */
export const kindNames: readonly string[] = Object.keys(kindRules);
