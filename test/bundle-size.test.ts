import { expect, test } from 'vitest';
import { budgets, bundle } from '../scripts/bundle.mjs';

// What `import { Value }` adds to a user's browser bundle (minified, @etagrad/check bundled in),
// against issue 10's budget, measured as `npm run size` does. Value is the one budget of issue 10
// that is met; `npm run size` prints the others (cosine, SGD, Adam, MLP), which are still over.
const value = budgets.find((b) => b.name === 'Value');

test('import { Value } from @etagrad/autograd bundles to at most 8 KiB', async () => {
  expect(value?.limit).toBe(8 * 1024);
  const { bytes } = await bundle("export { Value } from '@etagrad/autograd';");
  expect(bytes).toBeGreaterThan(1024); // a real bundle, not an empty one
  expect(bytes).toBeLessThanOrEqual(8 * 1024);
});
