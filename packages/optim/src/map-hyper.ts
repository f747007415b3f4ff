/**
 * Each value of a group's options through `map` (with its name), an element of a pair apart
 * (`betas[0]`): how a state writes a group's options and reads them back.
 */
export function mapHyper(raw: Readonly<Record<string, unknown>>, map: (x: unknown, name: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(raw)) {
    out[key] = Array.isArray(x) ? x.map((element: unknown, i) => map(element, `${key}[${i}]`)) : map(x, key);
  }
  return out;
}
