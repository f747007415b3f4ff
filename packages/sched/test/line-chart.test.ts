import { describe, expect, test } from 'vitest';
import { lineChart, lineChartSvg, type Series } from '@etagrad/sched';

/** The plot area of a text chart: the rows between the title lines and the x axis, right of the y axis. */
function plotArea(chart: string): string[] {
  const lines = chart.split('\n');
  const axis = lines.findIndex((l) => l.includes('└'));
  return lines
    .slice(0, axis)
    .filter((l) => l.includes('┤') || l.includes('│'))
    .map((l) => l.slice(Math.max(l.indexOf('┤'), l.indexOf('│')) + 1));
}

const count = (text: string, ch: string) => [...text].filter((c) => c === ch).length;

describe('lineChart', () => {
  test('draws a straight line one cell per column', () => {
    // 11 points on an 11 x 11 area: point i at column i and row 10 - i.
    const values = Array.from({ length: 11 }, (_, i) => i);
    const rows = plotArea(lineChart([{ name: 'line', values }], { width: 11, height: 11 }));
    expect(rows).toHaveLength(11);
    rows.forEach((row, r) => {
      expect(row.indexOf('*')).toBe(10 - r);
      expect(count(row, '*')).toBe(1);
    });
  });

  test('labels the y axis with round values and the x axis under it', () => {
    const chart = lineChart([{ name: 'line', values: [0, 10] }], { width: 11, height: 5, xLabel: 'step', yLabel: 'lr', title: 'T' });
    const lines = chart.split('\n');
    expect(lines[0]).toBe('T');
    expect(lines[1]?.trim()).toBe('lr');
    // 5 rows, range [0, 10]: ticks 10, 7.5, 5, 2.5, 0 on rows 0..4.
    expect(lines.slice(2, 7).map((l) => l.split('┤')[0]?.trim())).toEqual(['10', '7.5', '5', '2.5', '0']);
    // x ticks at 0, 0.25, 0.5, 0.75, 1 (two points: x = 0 and 1) on columns 0, 3, 5, 8, 10:
    // '0.25' and '0.75' would touch their neighbours' labels, so they are left out.
    expect(lines[7]).toBe('    └┬──┬─┬──┬─┬');
    expect(lines[8]?.trim().split(/\s+/)).toEqual(['0', '0.5', '1']);
    expect(lines[9]?.trim()).toBe('step');
  });

  test('skips non-finite values, breaking the line there', () => {
    const chart = lineChart([{ name: 'loss', values: [1, Number.NaN, 3, Infinity, 5, -Infinity] }], { width: 20, height: 5 });
    expect(count(plotArea(chart).join(''), '*')).toBe(3); // three lone points, no segments between them
  });

  test('a log axis over many decades labels every few powers of ten', () => {
    // 1e-15 .. 1: 16 decades, about 4 labels: every 5th power
    const chart = lineChart([{ name: 'loss', values: [1, 1e-15] }], { width: 10, height: 16, logY: true });
    const labels = chart.split('\n').filter((l) => l.includes('┤')).map((l) => l.split('┤')[0]?.trim());
    expect(labels).toEqual(['1', '1e-5', '1e-10', '1e-15']);
  });

  test('both ends of the y axis are labelled, also where no round value lands', () => {
    // 0.07 .. 0.93: round ticks 0.2 .. 0.8; the top row stands for 0.93, the bottom for 0.07
    const chart = lineChart([{ name: 's', values: [0.93, 0.07] }], { width: 10, height: 9 });
    const rows = chart.split('\n').filter((l) => /[│┤]/.test(l));
    expect(rows[0]?.split('┤')[0]?.trim()).toBe('0.93');
    expect(rows.at(-1)?.split('┤')[0]?.trim()).toBe('0.07');
  });

  test('draws a flat series mid-chart', () => {
    const rows = plotArea(lineChart([{ name: 'flat', values: [0.1, 0.1, 0.1] }], { width: 20, height: 5 }));
    expect(rows[2]).toBe('*'.repeat(20));
    expect(rows.filter((r) => r.includes('*'))).toHaveLength(1);
  });

  test('logY: a log scale with 1, 5 (and 2) times the powers of ten as ticks, values <= 0 left out', () => {
    const chart = lineChart([{ name: 'loss', values: [100, 10, 1, 0, -1] }], { width: 10, height: 5, logY: true });
    const labels = chart.split('\n').filter((l) => l.includes('┤')).map((l) => l.split('┤')[0]?.trim());
    // log10(50) = 1.7 lands on row (2 - 1.7) / 2 * 4 = 0.6 -> 1, before 20's (1.4 -> 1); 5 likewise on row 3
    expect(labels).toEqual(['100', '50', '10', '5', '1']);
    // log10: 2, 1, 0 -> rows 0, 2, 4: a straight line on the log scale.
    const rows = plotArea(chart);
    expect([rows[0]?.indexOf('*'), rows[4]?.lastIndexOf('*')]).toEqual([0, 9]);
    expect(rows[2]?.includes('*')).toBe(true);
  });

  test('logX spanning one power of ten but under two decades (0.012 to 0.52) ends, with round ticks', () => {
    const chart = lineChart([{ name: 'score', values: [0.8, 0.7, 0.6], xs: [0.0123, 0.0612, 0.5165] }], { width: 40, height: 5, logX: true });
    expect(chart.split('\n').at(-1)?.trim().split(/\s+/)).toEqual(['0.2', '0.4']);
  });

  test('logX: x on a log scale with the powers of ten as ticks, x <= 0 left out', () => {
    const chart = lineChart([{ name: 'loss', values: [5, 1, 2, 3], xs: [0, 1e-3, 1e-2, 1e-1] }], { width: 21, height: 3, logX: true });
    const axisLabels = chart.split('\n').at(-1)?.trim().split(/\s+/);
    expect(axisLabels).toEqual(['1e-3', '0.01', '0.1']);
    // log10: -3, -2, -1 -> columns 0, 10, 20: evenly spaced on the log scale; the point at x = 0 is gone.
    const rows = plotArea(chart);
    expect(rows[2]?.indexOf('*')).toBe(0);
    expect(rows[0]?.lastIndexOf('*')).toBe(20);
  });

  test('uses xs when given', () => {
    const chart = lineChart([{ name: 's', values: [1, 2, 3], xs: [100, 150, 200] }], { width: 21, height: 4 });
    const axisLabels = chart.split('\n').at(-1)?.trim().split(/\s+/);
    expect(axisLabels).toEqual(['100', '125', '150', '175', '200']);
  });

  test('a legend for several series, each with its own mark', () => {
    const series: Series[] = [
      { name: 'a', values: [1, 1] },
      { name: 'b', values: [2, 2] },
    ];
    const chart = lineChart(series, { width: 10, height: 4 });
    expect(chart.split('\n').at(-1)).toBe('* a   o b');
    expect(plotArea(chart).join('')).toContain('o');
    expect(lineChart([series[0] as Series], { width: 10, height: 4 })).not.toContain('* a');
  });

  test('says so when there is nothing to draw', () => {
    const chart = lineChart([{ name: 'x', values: [Number.NaN] }], { width: 30, height: 5 });
    expect(chart).toContain('(no finite values to draw)');
    expect(lineChart([], { width: 30, height: 3 })).toContain('(no finite values to draw)');
  });

  test('refuses bad series and options', () => {
    const s: Series[] = [{ name: 'x', values: [1] }];
    expect(() => lineChart({} as Series[])).toThrow(new TypeError('lineChart: series must be an array, got an object'));
    expect(() => lineChart([null as unknown as Series])).toThrow(new TypeError('lineChart: series[0] must be an object, got null'));
    expect(() => lineChart([{ values: [1] } as unknown as Series])).toThrow(
      new TypeError('lineChart: series[0].name must be a string, got undefined'),
    );
    expect(() => lineChart([{ name: 'x', values: 3 as unknown as number[] }])).toThrow(
      new TypeError('lineChart: series[0].values must be an array of numbers, got 3'),
    );
    expect(() => lineChart([{ name: 'x', values: [1, 2], xs: [1] }])).toThrow(
      new RangeError('lineChart: series[0].xs must have as many entries as values (2), got 1'),
    );
    expect(() => lineChart(s, { width: 4 })).toThrow(new RangeError('lineChart: width must be an integer >= 8, got 4'));
    expect(() => lineChart(s, { height: 2 })).toThrow(new RangeError('lineChart: height must be an integer >= 3, got 2'));
    expect(() => lineChart(s, { logY: 1 as unknown as boolean })).toThrow(new TypeError('lineChart: logY must be a boolean, got 1'));
    expect(() => lineChart(s, { logX: 'yes' as unknown as boolean })).toThrow(new TypeError("lineChart: logX must be a boolean, got 'yes'"));
    expect(() => lineChartSvg(s, { width: 10 })).toThrow(new RangeError('lineChartSvg: width must be an integer >= 32, got 10'));
  });
});
