import { describe, expect, test } from 'vitest';
import { lineChartSvg } from '@etagrad/sched';
import { descendants as all, parseXml } from './xml.js';

describe('lineChartSvg', () => {
  test('is a standalone, well-formed SVG document', () => {
    const svg = lineChartSvg([{ name: 'loss', values: [3, 2, 1] }], { title: 'a <b> & "c"', xLabel: 'step', yLabel: 'loss' });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.attributes.get('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    const texts = all(root, 'text').map((t) => t.text);
    expect(texts).toContain('a <b> & "c"');
    expect(texts).toContain('step');
    expect(texts).toContain('loss');
    expect(all(root, 'polyline')).toHaveLength(1);
    expect(all(root, 'polyline')[0]?.attributes.get('points')?.split(' ')).toHaveLength(3);
  });

  test('breaks lines at non-finite values, marks lone points, and has a legend for several series', () => {
    const root = parseXml(
      lineChartSvg([
        { name: 'a & b', values: [1, 2, Number.NaN, 3, 4, Infinity, 5] },
        { name: 'c', values: [2, 2, 2, 2, 2, 2, 2] },
      ]),
    );
    expect(all(root, 'polyline')).toHaveLength(3); // [1, 2], [3, 4] and the flat series
    expect(all(root, 'circle')).toHaveLength(1); // the lone 5
    expect(all(root, 'text').map((t) => t.text)).toEqual(expect.arrayContaining(['a & b', 'c']));
  });

  test('draws nothing, well-formed, when there is nothing to draw', () => {
    const root = parseXml(lineChartSvg([{ name: 'x', values: [Number.NaN, -1] }], { logY: true }));
    expect(all(root, 'polyline')).toHaveLength(0);
    expect(all(root, 'text').map((t) => t.text)).toContain('(no finite values to draw)');
  });
});
