import type { NamedParam } from './types.js';

/** Options of `excludeFromDecay`. */
export interface ExcludeFromDecayOptions {
  /** Which parameters get no weight decay, by name; default: names whose last part is `bias`. */
  readonly exclude?: (name: string) => boolean;
}

/** Whether a name's last dot-separated part is `bias` (`'0.bias'`, `'layers.2.bias'`, `'bias'`). */
export const isBias = (name: string): boolean => name === 'bias' || name.endsWith('.bias');

/** Two groups: `{ params }` decayed, and `{ params, weightDecay: 0 }` (an empty one is left out). */
export type DecayGroups = ({ readonly params: readonly NamedParam[] } | { readonly params: readonly NamedParam[]; readonly weightDecay: 0 })[];

/**
 * Split named parameters into a group that takes the optimizer's weight decay and a group
 * with `weightDecay: 0` (biases by default: decaying them only pulls the output's offset to
 * zero). The groups keep names, so state stays keyed by name.
 *
 * @example
 * const opt = new AdamW(excludeFromDecay(model.namedParameters()), { lr: 1e-3, weightDecay: 0.05 });
 */
export function excludeFromDecay(named: readonly NamedParam[], { exclude = isBias }: ExcludeFromDecayOptions = {}): DecayGroups {
  const decayed = named.filter(([name]) => !exclude(name));
  const excluded = named.filter(([name]) => exclude(name));
  const groups: DecayGroups = [];
  if (decayed.length > 0) groups.push({ params: decayed });
  if (excluded.length > 0) groups.push({ params: excluded, weightDecay: 0 });
  return groups;
}
