import { expect, test } from 'vitest';
import { lrFindChart, lrFindSvg, type LrFindResult } from '../src/index.js';

// A made-up result: rates 1e-6 .. 1, one point a decade, each suggestion on a point.
const result: LrFindResult = {
  lrs: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1],
  losses: [1, 1, 0.9, 0.6, 0.3, 0.2, 0.8],
  suggestions: { valley: 1e-3, steepest: 1e-4, minimumDiv10: 1e-2 },
  divergedAt: null,
  steps: 7,
};

test('lrFindChart: loss against a log-x learning rate, the suggestions in the legend', () => {
  const chart = lrFindChart(result, { width: 61, height: 8 });
  const lines = chart.split('\n');
  expect(lines[0]).toBe('learning-rate range test');
  // log10 of the rates: -6 .. 0, so the ticks are decades.
  expect(lines.find((l) => l.includes('1e-6'))?.trim().split(/\s+/)).toEqual(['1e-6', '1e-4', '0.01', '1']);
  expect(lines.slice(-4)).toEqual(['* smoothed loss', 'o valley 0.001', '+ steepest 0.0001', 'x minimumDiv10 0.01']);
  // The valley mark sits at 1e-3: half way along the axis (column 30 of 0..60).
  const plotRows = lines.filter((l) => /[│┤]/.test(l)).map((l) => l.split(/[│┤]/)[1] ?? '');
  expect(plotRows.find((row) => row.includes('o'))?.indexOf('o')).toBe(30);
  expect(plotRows.find((row) => row.includes('+'))?.indexOf('+')).toBe(20);
});

test('lrFindSvg: the curve as a polyline and each suggestion as a point', () => {
  const svg = lrFindSvg(result);
  expect(svg.startsWith('<?xml')).toBe(true);
  expect(svg.match(/<polyline /g)).toHaveLength(1);
  expect(svg.match(/<circle /g)).toHaveLength(3);
  expect(svg).toContain('valley 0.001');
});

test('without suggestions only the curve is drawn', () => {
  expect(lrFindChart({ ...result, suggestions: null }, { width: 20, height: 4 })).not.toContain('valley');
});
