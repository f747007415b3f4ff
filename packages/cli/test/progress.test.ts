import { describe, expect, test, vi } from 'vitest';
import { formatDuration, formatNumber, type EpochRecord, type History } from '@etagrad/train';
import { formatEpochNumbers, progressReporter } from '../src/progress.js';
import { capture } from './capture-stream.js';

const epoch0: EpochRecord = {
  epoch: 0,
  steps: 2,
  loss: 0.693147,
  metrics: { accuracy: 0.5 },
  valLoss: 0.7,
  valMetrics: { accuracy: 0.25 },
  lr: 0.1,
  lrScale: 1,
};
const running: History = { steps: [], epochs: [epoch0], stopped: null };

describe('formatting', () => {
  test('numbers to 4 significant digits, no trailing zeros', () => {
    expect(formatNumber(0.693147)).toBe('0.6931');
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(2.5e-5)).toBe('0.000025');
    expect(formatNumber(12345.6)).toBe('12350');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  test('durations as s, m and h', () => {
    expect(formatDuration(0.4)).toBe('0s');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(3720)).toBe('1h02m');
  });

  test("an epoch's numbers on one line, validation metrics prefixed with val", () => {
    expect(formatEpochNumbers(epoch0)).toBe('loss 0.6931 accuracy 0.5 valLoss 0.7 valAccuracy 0.25');
  });
});

describe('progressReporter', () => {
  test('writes nothing with progress: false', () => {
    // the default stream is stderr (stdout never): silence means neither is written to
    const stderr = vi.spyOn(process.stderr, 'write');
    const stdout = vi.spyOn(process.stdout, 'write');
    try {
      const reporter = progressReporter(false);
      reporter.start({ epochs: 2, startEpoch: 0, stepsPerEpoch: 2 });
      reporter.epoch(epoch0);
      reporter.end(running);
      expect(stderr).not.toHaveBeenCalled();
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });

  test('writes one plain line per epoch when the stream is not a terminal', () => {
    const stream = capture(false);
    const reporter = progressReporter({ stream });
    reporter.start({ epochs: 2, startEpoch: 0, stepsPerEpoch: 2 });
    reporter.step({ step: 0, epoch: 0, loss: 0.8, lr: 0.1 });
    reporter.epoch(epoch0);
    reporter.end({ ...running, stopped: { reason: 'callback', epoch: 0, step: 2, lr: 0.1, message: 'a callback asked to stop after epoch 1' } });
    expect(stream.text()).toMatch(
      /^epoch 1\/2 step 2 loss 0\.6931 accuracy 0\.5 valLoss 0\.7 valAccuracy 0\.25 lr 0\.1 ETA \d+s\nstopped: a callback asked to stop after epoch 1\n$/,
    );
  });

  test('draws a live bar with epoch, step, loss, lr and ETA on a terminal', () => {
    const stream = capture(true);
    const reporter = progressReporter({ stream });
    reporter.start({ epochs: 3, startEpoch: 1, stepsPerEpoch: 2 });
    reporter.step({ step: 2, epoch: 1, loss: 0.8, lr: 0.05 });
    reporter.epoch({ ...epoch0, epoch: 1, steps: 4 });
    reporter.end(running);
    const text = stream.text();
    expect(text).toMatch(/epoch 2\/3 .* \| step 2 \| loss 0\.6931 \| lr 0\.05 \| ETA /);
    expect(text).toContain('\x1B[?25l'); // cursor hidden while drawing, restored at the end:
    expect(text).toContain('\x1B[?25h');
  });
});
