// The training worker: runs the lanes in lock step (every lane takes update k before any takes
// k + 1), in slices of ~30 ms between which it reads the page's messages and sends the news.
import { thrownMessage } from '@etagrad/check';
import { laneConfig, type PlaygroundConfig } from './config.js';
import { classOf } from './data.js';
import { Lane } from './lane.js';
import { rangeTest } from './range-test.js';
import type { MicrogradDemo } from './micrograd-demo.js';
import type { FromWorker, LaneNews, RunNews, ToWorker } from './protocol.js';
import { boundsOf, gridScores, scoreInto, snapshotOf, type Bounds } from './scores.js';
import { judgeLane } from './verdict.js';

const sliceMs = 30;
const gridEveryMs = 150;

interface Running {
  readonly config: PlaygroundConfig;
  readonly demo: MicrogradDemo | null;
  readonly lanes: Lane[];
  readonly bounds: Bounds;
  /** Updates already sent, per lane. */
  readonly sent: number[];
  paused: boolean;
  lastGrid: number;
}

let run: Running | null = null;
/**
 * The page's `run` of the latest start: a start still loading its data when a newer one came is
 * dropped, and so is the run before it, so all the worker says is about this run.
 */
let latest = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Tells the page `news` of the latest start's run. */
const post = (news: RunNews, transfer: Transferable[] = []): void =>
  self.postMessage({ ...news, run: latest } satisfies FromWorker, { transfer });

async function demoFor(config: PlaygroundConfig): Promise<MicrogradDemo | null> {
  const needed = config.data.kind === 'micrograd' || config.model.init === 'micrograd';
  return needed ? ((await import('./micrograd-demo.json')).default as MicrogradDemo) : null;
}

async function start(config: PlaygroundConfig, id: number): Promise<void> {
  const demo = await demoFor(config);
  if (id !== latest) return;
  const lanes = config.lanes.map((spec) => new Lane(laneConfig(config, spec), spec.multiplier, demo));
  const first = lanes[0];
  if (first === undefined) throw new RangeError('playground: lanes must hold 1 to 3 multipliers, got 0');
  const bounds = boundsOf(first.data.x);
  run = { config, demo, lanes, bounds, sent: lanes.map(() => 0), paused: false, lastGrid: -Infinity };
  const points = first.data.x.map((p, i) => [p[0] ?? 0, p[1] ?? 0, classOf(first.data.y[i] as number)] as const);
  post({ type: 'started', points, bounds });
  report(run, true);
  schedule();
}

/** Accuracy of the lane's model on its training set, from a snapshot (no graph). */
function accuracyOf(lane: Lane, scores: Float64Array): number {
  const { x, y } = lane.data;
  scoreInto(snapshotOf(lane.model.stateDict(), lane.config.model.activation), x.map((p) => p[0] ?? 0), x.map((p) => p[1] ?? 0), scores);
  let right = 0;
  scores.forEach((s, i) => (right += classOf(s) === classOf(y[i] as number) ? 1 : 0));
  return right / x.length;
}

function report(state: Running, withGrids: boolean): void {
  const transfer: Transferable[] = [];
  const news: LaneNews[] = state.lanes.map((lane, i) => {
    const from = state.sent[i] ?? 0;
    state.sent[i] = lane.losses.length;
    const scores = new Float64Array(lane.data.x.length);
    const accuracy = accuracyOf(lane, scores);
    const grid = withGrids ? gridScores(snapshotOf(lane.model.stateDict(), lane.config.model.activation), state.bounds) : null;
    if (grid !== null) transfer.push(grid.buffer);
    const verdict = judgeLane({ losses: lane.losses, diverged: lane.stopped, window: lane.window, accuracy, lr: lane.lrs.at(-1) ?? lane.lr, finished: lane.done });
    return {
      step: lane.step,
      losses: lane.losses.slice(from),
      lrs: lane.lrs.slice(from),
      lr: lane.lr,
      verdict: verdict.verdict,
      text: verdict.text,
      accuracy,
      done: lane.done,
      grid,
    };
  });
  post({ type: 'progress', lanes: news }, transfer);
}

function schedule(): void {
  if (timer === null) timer = setTimeout(slice, 0);
}

function slice(): void {
  timer = null;
  const state = run;
  if (state === null || state.paused) return;
  try {
    train(state);
  } catch (error) {
    // An update that throws (a schedule's rate turning NaN, ...) ends the run: the page gets the
    // updates made before it, then the message.
    report(state, true);
    fail(error);
  }
}

function train(state: Running): void {
  const end = performance.now() + sliceMs;
  let active = true;
  while (active && performance.now() < end) {
    active = false;
    for (const lane of state.lanes) if (lane.update()) active = true;
  }
  const now = performance.now();
  const grids = !active || now - state.lastGrid >= gridEveryMs;
  if (grids) state.lastGrid = now;
  report(state, grids);
  if (active) schedule();
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'start': {
      run = null;
      latest = message.run;
      const id = latest;
      // A start dropped for a newer one drops its failure too: the newer run goes on.
      void start(message.config, id).catch((error: unknown) => {
        if (id === latest) fail(error);
      });
      return;
    }
    case 'pause':
      if (run !== null) run.paused = true;
      return;
    case 'resume':
      if (run !== null) run.paused = false;
      schedule();
      return;
    case 'schedule': {
      const lanes = run?.lanes ?? [];
      const schedules = message.lanes.flatMap((i) => (lanes[i] === undefined ? [] : [[i, lanes[i].setSchedule(message.text)] as const]));
      post({ type: 'scheduled', schedules });
      schedule();
      return;
    }
    case 'rangeTest':
      if (run !== null) post({ type: 'rangeTest', result: rangeTest(run.config, run.demo) });
      return;
    case 'export': {
      const lane = run?.lanes[message.lane];
      if (lane === undefined) return;
      post({ type: 'export', id: message.id, recipe: lane.recipe(), checkpoint: lane.checkpoint() });
      return;
    }
  }
}

/** Ends the run, if any, and tells the page why. */
function fail(error: unknown): void {
  run = null;
  post({ type: 'error', message: thrownMessage(error) });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    fail(error);
  }
};
