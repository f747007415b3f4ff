import { expect, test } from 'vitest';
import { budgets, bundle } from '../scripts/bundle.mjs';

// What `import { name }` adds to a user's browser bundle (minified, the other @etagrad packages
// bundled in), against issue 10's budgets, measured as `npm run size` does. These are the budgets
// that are met; `npm run size` prints the others, which are still over.
const met = [
  { name: 'Value', from: '@etagrad/autograd', limit: 8 * 1024 },
  // Saving and restoring a state are functions (stateDict, loadStateDict), so these carry none of it.
  { name: 'SGD', from: '@etagrad/optim', limit: 10 * 1024 },
  { name: 'Adam', from: '@etagrad/optim', limit: 12 * 1024 },
];

test.each(met)('import { $name } from $from bundles to at most its budget', async ({ name, from, limit }) => {
  expect(budgets).toContainEqual({ name, from, limit }); // the budget `npm run size` reports
  const { bytes } = await bundle(`export { ${name} } from '${from}';`);
  expect(bytes).toBeGreaterThan(1024); // a real bundle, not an empty one
  expect(bytes).toBeLessThanOrEqual(limit);
});
