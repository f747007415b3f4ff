import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { EpochRecord, History, StepRecord } from '@etagrad/train';
import { chartColumns, trainingChart, trainingChartSvg } from '../src/training-chart.js';
import { xmlProblem } from './helpers.js';

/**
 * A long run's history: per-update losses falling from 1 to 1e-15 (what flattened the old chart),
 * epoch means and held-out losses, and a learning rate halved each epoch.
 */
function longRun(epochs: number, perEpoch: number): History {
  const steps: StepRecord[] = [];
  const records: EpochRecord[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = 0.1 / 2 ** epoch;
    for (let i = 0; i < perEpoch; i++) {
      const step = epoch * perEpoch + i;
      steps.push({ step, epoch, loss: 10 ** ((-15 * step) / (epochs * perEpoch - 1)), lr });
    }
    const loss = 10 ** -epoch;
    records.push({ epoch, steps: (epoch + 1) * perEpoch, loss, metrics: {}, valLoss: 2 * loss, valMetrics: {}, lr, lrScale: 1 });
  }
  return { steps, epochs: records, stopped: null };
}

const labels = (chart: string): string[] =>
  chart
    .split('\n')
    .filter((line) => line.includes('┤'))
    .map((line) => line.split('┤')[0]?.trim() ?? '');

describe('chartColumns', () => {
  test("a terminal's width, 80 off a terminal, never fewer than 40", () => {
    expect(chartColumns({ write: () => 0, isTTY: true, columns: 60 })).toBe(60);
    expect(chartColumns({ write: () => 0, isTTY: false, columns: 60 })).toBe(80);
    expect(chartColumns({ write: () => 0 })).toBe(80);
    expect(chartColumns({ write: () => 0, isTTY: true, columns: 30 })).toBe(40);
    expect(chartColumns({ write: () => 0, isTTY: true })).toBe(80);
  });
});

describe('trainingChart', () => {
  test('every line fits the terminal, from 40 columns up (a 60-column terminal is not garbled)', () => {
    const history = longRun(8, 5);
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 240 }), (columns) => {
        const widest = Math.max(...trainingChart(history, columns).split('\n').map((line) => line.length));
        expect(widest).toBeLessThanOrEqual(columns);
        expect(widest).toBeGreaterThan(columns - 12); // and uses the width it has
      }),
      { numRuns: 40 },
    );
  });

  test('plots the epoch means and the held-out loss on a log axis, not the per-update loss', () => {
    const chart = trainingChart(longRun(6, 5), 80);
    expect(chart).toContain('loss (log scale)');
    expect(chart).toContain('* train (epoch mean)   o held out');
    // epoch means 1 .. 1e-5, held out 2 .. 2e-5: the per-update losses down to 1e-15 are not drawn
    const lossLabels = labels(chart.split('learning rate')[0] ?? '');
    expect(lossLabels[0]).toBe('2');
    expect(lossLabels.at(-1)).toBe('1e-5');
    expect(lossLabels).not.toContain('1e-15');
  });

  test('labels both ends of the loss axis and has the learning rate below, by update', () => {
    const chart = trainingChart(longRun(6, 5), 80);
    const [loss = '', lr = ''] = chart.split('\nlearning rate\n');
    expect(labels(loss).length).toBeGreaterThanOrEqual(4);
    // the rate: 0.1 halved each epoch, 0.1 .. 0.003125 over updates 0 .. 29
    expect(labels(lr)[0]).toBe('0.1');
    expect(labels(lr).at(-1)).toBe('0.00313');
    expect(lr).toMatch(/\n\s+update$/);
  });

  test('a run without held-out data draws only the training loss', () => {
    const history = longRun(3, 2);
    const bare: History = { ...history, epochs: history.epochs.map((record) => ({ ...record, valLoss: null, valMetrics: null })) };
    expect(trainingChart(bare, 80)).not.toContain('held out');
  });
});

describe('trainingChartSvg', () => {
  test('one well-formed SVG with the loss chart above the learning rate', () => {
    const svg = trainingChartSvg(longRun(6, 5));
    expect(xmlProblem(svg.trim())).toBeNull();
    expect(svg.match(/<svg /g)).toHaveLength(3); // the document and the two charts in it
    expect(svg.indexOf('loss (log scale)')).toBeLessThan(svg.indexOf('>learning rate<'));
  });
});
