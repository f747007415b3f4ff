// Issue 10, bundle size: importing `Value` alone brings the engine (its ops' switches, backward),
// not the rule table they are proved equal to, nor compile, toDot or the n-ary ops. The byte
// budget lives in the root's bundle script (`npm run size`); this says what must stay out.

import { expect, test } from 'vitest';
import { bundle } from '../../../scripts/bundle.mjs';

test('a bundle of Value alone leaves out the rule table, compile, toDot and the n-ary ops', async () => {
  const { code } = await bundle("export { Value } from '@etagrad/autograd';");
  expect(code).toContain('must be a Value or a number'); // the engine is there
  // a phrase of each piece's own code: the table's kinds, compile's and toDot's messages, dot's
  for (const phrase of ['"nary"', 'compile: ', 'digraph', 'dot: xs must have']) expect(code).not.toContain(phrase);
});
