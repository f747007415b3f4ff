import { checkFunction, checkOptions, checkString, mustBe, show } from './check.js';
import { isParam } from './param-list.js';
import type { NamedParam } from './types.js';

/** Options of `excludeFromDecay`. */
export interface ExcludeFromDecayOptions {
  /**
   * Which parameters get no weight decay, by name; default `isBias`.
   *
   * @param name - a parameter's name
   */
  readonly exclude?: (name: string) => boolean;
}

/**
 * Whether a parameter name has a dot-separated part `bias`: `'bias'`, `'0.bias'`, and the
 * per-scalar names of `@etagrad/nn` such as `'layers.0.bias.3'`; not `'biased'`.
 *
 * @param name - a parameter name
 */
export const isBias = (name: string): boolean => checkString('isBias', 'name', name).split('.').includes('bias');

/** Two groups: `{ params }` decayed, and `{ params, weightDecay: 0 }` (an empty one is left out). */
export type DecayGroups = ({ readonly params: readonly NamedParam[] } | { readonly params: readonly NamedParam[]; readonly weightDecay: 0 })[];

/**
 * Split named parameters into a group that takes the optimizer's weight decay and a group
 * with `weightDecay: 0` (biases by default: decaying them only pulls the output's offset to
 * zero). The groups keep names, so state stays keyed by name.
 *
 * @param named - `[name, parameter]` pairs, as `model.namedParameters()` gives them
 * @param options - `exclude`, which names get no weight decay (default {@link isBias})
 * @example
 * const opt = new AdamW(excludeFromDecay(model.namedParameters()), { lr: 1e-3, weightDecay: 0.05 });
 */
export function excludeFromDecay(named: readonly NamedParam[], options: ExcludeFromDecayOptions = {}): DecayGroups {
  const owner = 'excludeFromDecay';
  const { exclude = isBias } = checkOptions(owner, options, ['exclude']) as ExcludeFromDecayOptions;
  checkFunction(owner, 'exclude', exclude, 'a function of a parameter name');
  if (!Array.isArray(named)) throw mustBe(owner, 'named', 'an array of [name, parameter] pairs', show(named));
  named.forEach((pair: unknown, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !isParam(pair[1])) {
      throw mustBe(owner, `named[${i}]`, 'a [name, parameter] pair', show(pair));
    }
  });
  const decayed = named.filter(([name]) => !exclude(name));
  const excluded = named.filter(([name]) => exclude(name));
  const groups: DecayGroups = [];
  if (decayed.length > 0) groups.push({ params: decayed });
  if (excluded.length > 0) groups.push({ params: excluded, weightDecay: 0 });
  return groups;
}
