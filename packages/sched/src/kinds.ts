// The kind registry: for each kind of schedule loaded in this program, how to read, write and
// rebuild it. Each kind's own module adds its rule when it is loaded (`addKind` at its top
// level), so a bundle that imports only `cosine` carries only cosine's rule, and an optimizer
// restoring a saved `cosine` spec needs no other kind; `fromSpec` and `parse` import every
// built-in kind (all-kinds.ts), `registerKind` adds the user's. Adding a rule touches nothing
// outside this map, which is why the package may still say `sideEffects: false`: a module that
// nothing uses carries no rule that anything could need.

import type { Json, Schedule } from './types.js';

/** How one kind is read from a spec, written as an expression and rebuilt (`O`: its options). */
export interface KindRule<O = Record<string, unknown>> {
  /** The kind's name: its function's name, the spec's `kind`. */
  readonly kind: string;
  /** Every option, in spec order. */
  readonly options: readonly (keyof O & string)[];
  /** The options written as positional arguments, in order (the rest go in one options object). */
  readonly positional?: readonly (keyof O & string)[];
  /** Options' defaults: `format` leaves out an option equal to its default; `null` means none. */
  readonly defaults?: { readonly [option: string]: Json };
  /** The options that hold a schedule (`'one'`) or an array of schedules (`'many'`), as specs. */
  readonly nested?: { readonly [option: string]: 'one' | 'many' };
  /** Calls the constructor with the options (nested schedules already rebuilt). */
  build(options: O): Schedule;
}

const rules = new Map<string, KindRule>();

/** Adds a kind's rule to the registry; returns the rule, its options forgotten. */
export const addKind = <O>(rule: KindRule<O>): KindRule => {
  rules.set(rule.kind, rule as unknown as KindRule);
  return rule as unknown as KindRule;
};

/** Why a schedule made by `fromFunction` cannot be written or rebuilt, naming it. */
export const notSavable = (name: unknown): string =>
  `schedule ${JSON.stringify(name)} was made by fromFunction from a plain function, so it cannot be ` +
  'written as an expression, saved or rebuilt (registerKind makes a kind that can)';

/** The rule of a loaded kind, or undefined. */
export const loadedKind = (kind: string): KindRule | undefined => rules.get(kind);

/** The names of every loaded kind, for messages. */
export const loadedKinds = (): string[] => [...rules.keys()];

/** The rule of a combinator written `kind(inner, option)`: a schedule and one number (`scale`, `shift`, ...). */
export function addInnerKind<K extends string>(kind: string, option: K, make: (inner: Schedule, x: number) => Schedule): KindRule {
  return addKind<{ inner: Schedule } & Record<K, number>>({
    kind,
    options: ['inner', option],
    positional: ['inner', option],
    nested: { inner: 'one' },
    build: (a) => make(a.inner, a[option]),
  });
}
