import cliProgress from 'cli-progress';
import {
  formatDuration,
  formatNumber,
  type EpochRecord,
  type History,
  type ProgressReporter,
  type ProgressRun,
} from '@etagrad/train';

/**
 * Where progress goes: a writable stream such as `process.stderr` (only `write` and `isTTY` are
 * read here; the bar also moves the cursor through it). A live bar when `isTTY` is true, plain
 * lines otherwise. Declared structurally so that consumers need no Node type definitions.
 */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Options of {@link progressReporter}. */
export interface ProgressOptions {
  /** Default `process.stderr` (standard output stays clean for results, e.g. `--json`). */
  readonly stream?: ProgressStream;
}

/** `loss 0.4 accuracy 0.9 valLoss 0.5 valAccuracy 0.85`: an epoch's numbers on one line. */
export function formatEpochNumbers(record: EpochRecord): string {
  const parts = [`loss ${formatNumber(record.loss)}`];
  for (const [name, value] of Object.entries(record.metrics)) parts.push(`${name} ${formatNumber(value)}`);
  if (record.valLoss !== null) parts.push(`valLoss ${formatNumber(record.valLoss)}`);
  for (const [name, value] of Object.entries(record.valMetrics ?? {})) {
    parts.push(`val${name.charAt(0).toUpperCase()}${name.slice(1)} ${formatNumber(value)}`);
  }
  return parts.join(' ');
}

const silent: ProgressReporter = { start() {}, step() {}, epoch() {}, end() {} };

/**
 * A reporter for `fit`'s `progress` option: nothing for `false`; for `true` or options, a live
 * bar (cli-progress: epoch, step, loss, lr, ETA) when the stream is a TTY, else one plain line
 * per epoch (`epoch 3/20 step 30 loss 0.41 ... lr 0.1 ETA 2s`). Either way, a line saying why
 * training stopped early, if it did.
 */
export function progressReporter(option: boolean | ProgressOptions = true): ProgressReporter {
  if (option === false) return silent;
  const stream = (option === true ? undefined : option.stream) ?? process.stderr;
  return stream.isTTY === true ? barReporter(stream) : lineReporter(stream);
}

function stoppedLine(history: History): string {
  return history.stopped === null ? '' : `stopped: ${history.stopped.message}\n`;
}

function lineReporter(stream: ProgressStream): ProgressReporter {
  let run: ProgressRun = { epochs: 0, startEpoch: 0, stepsPerEpoch: 0 };
  let started = 0;
  return {
    start(r) {
      run = r;
      started = performance.now();
    },
    step() {},
    epoch(record) {
      const done = record.epoch + 1 - run.startEpoch;
      const eta = ((performance.now() - started) / 1000 / done) * (run.epochs - record.epoch - 1);
      stream.write(
        `epoch ${record.epoch + 1}/${run.epochs} step ${record.steps} ${formatEpochNumbers(record)} ` +
          `lr ${formatNumber(record.lr)} ETA ${formatDuration(eta)}\n`,
      );
    },
    end(history) {
      stream.write(stoppedLine(history));
    },
  };
}

function barReporter(stream: ProgressStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      // cli-progress types its stream as Node's; it only writes to it (via readline's cursor codes).
      stream: stream as NodeJS.WritableStream,
      format: 'epoch {epochShown}/{epochs} [{bar}] {percentage}% | step {step} | loss {loss} | lr {lr} | ETA {eta_formatted}',
      barsize: 24,
      hideCursor: true,
      // fit runs synchronously, so cli-progress's timer never fires: redraw from update().
      synchronousUpdate: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let run: ProgressRun = { epochs: 0, startEpoch: 0, stepsPerEpoch: 0 };
  return {
    start(r) {
      run = r;
      const total = (run.epochs - run.startEpoch) * run.stepsPerEpoch;
      bar.start(total, 0, { epochShown: run.startEpoch + 1, epochs: run.epochs, step: '-', loss: '-', lr: '-' });
    },
    step(record) {
      bar.increment(1, {
        epochShown: record.epoch + 1,
        step: record.step,
        loss: formatNumber(record.loss),
        lr: formatNumber(record.lr),
      });
    },
    epoch(record) {
      bar.update({ loss: formatNumber(record.loss) });
      bar.render();
    },
    end(history) {
      bar.stop();
      stream.write(stoppedLine(history));
    },
  };
}
