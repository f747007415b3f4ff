import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { format, parse, scheduleKinds } from '@etagrad/sched';
import { readmeCharts, readmePath, renderReadme } from '../scripts/readme.js';

const readme = readFileSync(readmePath, 'utf8');

describe('README', () => {
  test('its charts are what plot draws now (run scripts/readme.ts to redraw them)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  test('charts every kind of schedule', () => {
    const charted = new Set(readmeCharts(readme).map((c) => parse(c.expression).spec.kind));
    expect([...scheduleKinds].filter((kind) => !charted.has(kind))).toEqual([]);
  });

  test('writes each chart expression as format does', () => {
    for (const { expression } of readmeCharts(readme)) expect(format(parse(expression))).toBe(expression);
  });
});
