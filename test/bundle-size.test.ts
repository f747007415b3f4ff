import { expect, test } from 'vitest';
import { budgets, bundle } from '../scripts/bundle.mjs';

// What `import { name }` adds to a user's browser bundle (minified, the other @etagrad packages
// bundled in), against issue 10's budgets, measured as `npm run size` does: every budget that
// `npm run size` reports is enforced here.
test('the budgets are issue 10\'s, none left out or raised', () => {
  expect(budgets.map(({ name, limit }) => `${name} ${limit / 1024} KiB`)).toEqual([
    'Value 8 KiB',
    'cosine 2 KiB',
    'SGD 10 KiB',
    'Adam 12 KiB',
    'MLP 18 KiB',
  ]);
});

test.each(budgets)('import { $name } from $from bundles to at most its budget', async ({ name, from, limit }) => {
  const { bytes } = await bundle(`export { ${name} } from '${from}';`);
  expect(bytes).toBeGreaterThan(1024); // a real bundle, not an empty one
  expect(bytes).toBeLessThanOrEqual(limit);
});
