import { expect, test } from 'vitest';
import { checkPacks, probes } from '../scripts/check-packs.mjs';

test('every library package packs, installs alone, imports from Node ESM and type-checks', () => {
  const lines: string[] = checkPacks();
  expect(lines).toHaveLength(Object.keys(probes).length);
}, 180_000);
