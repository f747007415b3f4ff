import { expect, test } from 'vitest';
import { checkPacks, probes } from '../scripts/check-packs.mjs';
import { publishedPackages } from '../scripts/pack.mjs';

test('every package packs with its licence and mapped sources; each library package installs alone, imports from Node ESM and type-checks', async () => {
  const lines: string[] = await checkPacks();
  expect(lines).toHaveLength(publishedPackages().length + Object.keys(probes).length);
}, 180_000);
