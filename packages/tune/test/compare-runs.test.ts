import { MLP, bceWithLogits, binaryAccuracy, moons, rng, trainTestSplit } from '@etagrad/nn';
import { SGD } from '@etagrad/optim';
import { describe, expect, test } from 'vitest';
import { compareCharts, compareRuns, compareTable, type CompareCommon, type CompareRun } from '../src/index.js';

const { train, test: heldOut } = trainTestSplit(moons({ n: 60, noise: 0.1, seed: 2 }), { testFraction: 0.25, seed: 2 });
const common: CompareCommon = {
  model: () => new MLP(2, [8, 1], { rng: rng(4) }),
  data: train,
  validation: heldOut,
  loss: bceWithLogits,
  metrics: { accuracy: binaryAccuracy },
  epochs: 4,
  batchSize: 15,
  seed: 1,
};
const sgd = (lr: number): CompareRun => ({ name: `sgd ${lr}`, optimizer: (params) => new SGD(params, { lr }) });

describe('compareRuns', () => {
  const records = compareRuns([sgd(0.01), sgd(0.5), sgd(1e300)], common);

  test('one record per run, in order, all from the same init and batch order', () => {
    expect(records.map((r) => r.name)).toEqual(['sgd 0.01', 'sgd 0.5', 'sgd 1e+300']);
    // Same parameters and the same first batch: the first update's loss is the same in every run.
    const firstLosses = records.map((r) => r.history.steps[0]?.loss);
    expect(new Set(firstLosses).size).toBe(1);
    expect(records[0]?.history.steps.map((s) => s.lr)).toEqual([0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]);
  });

  test('final, best and diverged read from the history', () => {
    const [slow, good, wild] = records;
    const last = good?.history.epochs.at(-1);
    expect(good?.final).toEqual({ loss: last?.loss, valLoss: last?.valLoss, metrics: last?.valMetrics });
    const valLosses = good?.history.epochs.map((e) => e.valLoss ?? Infinity) ?? [];
    expect(good?.best?.loss).toBe(Math.min(...valLosses));
    expect(good?.best?.epoch).toBe(valLosses.indexOf(Math.min(...valLosses)));
    expect(slow?.diverged).toBeNull();
    expect(wild?.diverged).not.toBeNull();
    expect(wild?.diverged?.step).toBe(wild?.history.stopped?.step);
  });

  test('a run overrides fit options of common', () => {
    const [short] = compareRuns([{ ...sgd(0.1), epochs: 2 }], common);
    expect(short?.history.epochs).toHaveLength(2);
  });

  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });

  test('compareTable: a row per run with final, best, metric and divergence', () => {
    const lines = compareTable(records).split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['run', 'final loss', 'val loss', 'best loss', 'accuracy', 'diverged']);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^sgd 1e\+300 .* at step \d+$/);
    expect(lines[1]).toMatch(/^sgd 0\.01 .*-$/);
  });

  test('compareCharts: a loss chart on log-y and a learning-rate chart, one line per run', () => {
    const { loss, lr } = compareCharts(records, { width: 40, height: 6 });
    expect(loss.split('\n')[0]).toBe('training loss');
    expect(lr.split('\n')[0]).toBe('learning rate');
    expect(loss).toContain('* sgd 0.01');
    const svg = compareCharts(records, { svg: true });
    expect(svg.loss.startsWith('<?xml')).toBe(true);
  });

  test('refuses bad runs and a model factory that changes the init', () => {
    expect(() => compareRuns([], common)).toThrow(new TypeError('compareRuns: runs must be a non-empty array, got an array of length 0'));
    expect(() => compareRuns([5 as unknown as CompareRun], common)).toThrow(new TypeError('compareRuns: runs[0] must be an object, got 5'));
    expect(() => compareRuns([{ ...sgd(1), name: 3 as unknown as string }], common)).toThrow(
      new TypeError('compareRuns: runs[0].name must be a string, got 3'),
    );
    expect(() => compareRuns([sgd(1), sgd(1)], common)).toThrow(new RangeError("compareRuns: runs[1].name must be unique, got 'sgd 1' twice"));
    expect(() => compareRuns([{ name: 'a' } as CompareRun], common)).toThrow(
      new TypeError('compareRuns: runs[0].optimizer must be a function, got undefined'),
    );
    let seed = 0;
    const drifting = { ...common, model: () => new MLP(2, [8, 1], { rng: rng(seed++) }) };
    expect(() => compareRuns([sgd(0.1), sgd(0.2)], drifting)).toThrow(
      new RangeError("compareRuns: common.model must build the same initial parameters on every call (seed its rng), got different ones for run 'sgd 0.2'"),
    );
  });
});
