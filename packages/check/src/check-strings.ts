import { mustBe } from './must-be.js';
import { show } from './show.js';

/** `x` when it is an array of strings (choices, known names); a `TypeError` naming it otherwise. */
export function checkStrings<S extends string>(owner: string, name: string, x: readonly S[]): readonly S[] {
  if (!Array.isArray(x) || x.some((s) => typeof s !== 'string')) throw mustBe(owner, name, 'an array of strings', show(x));
  return x;
}
