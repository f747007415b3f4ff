// Issue 10, bundle size: importing one schedule, or an optimizer (with or without the functions
// that save and restore its state, which read specs), brings that code only: not the parser, not
// the charts, not every other kind. The byte
// budgets live in the root's bundle script; this says what must stay out, whatever the sizes.

import { describe, expect, test } from 'vitest';
import { bundle } from '../../../scripts/bundle.mjs';

const bundled = async (source: string): Promise<string> => (await bundle(source)).code;

// A phrase of each piece's own code (its messages), so its presence means the piece is there.
const pieces = {
  parser: 'unterminated string',
  charts: 'must have as many entries as values',
  warmup: "for shape 'exponential'",
  oneCycle: 'when threePhase is true',
  cyclic: "unless shape is 'expRange'",
  'every built-in kind (fromSpec)': 'inverseSqrt:',
};

describe('importing one piece brings only that piece', () => {
  test.each([
    ["export { cosine } from '@etagrad/sched';", 'cosine'],
    ["export { SGD } from '@etagrad/optim';", 'SGD'],
    ["export { Adam } from '@etagrad/optim';", 'Adam'],
    ["export { Adam, loadStateDict, stateDict } from '@etagrad/optim';", 'Adam'],
  ])('%s brings no parser, no chart and no other kind', async (source) => {
    const code = await bundled(source);
    for (const [piece, phrase] of Object.entries(pieces)) expect(code.includes(phrase), piece).toBe(false);
  });

  test('the phrases are there when their pieces are imported', async () => {
    const code = await bundled("export { fromSpec, parse, plot } from '@etagrad/sched';");
    for (const [piece, phrase] of Object.entries(pieces)) expect(code.includes(phrase), piece).toBe(true);
  });
});
