// The page: reads the configuration (link, lesson or default), starts the worker, draws what it
// sends, and wires the controls.
import { makeCharts, type Charts } from './charts.js';
import { defaultConfig, laneLabel, withoutApplied, type PlaygroundConfig } from './config.js';
import { readControls, renderControls } from './controls.js';
import { exportJson } from './export-json.js';
import { exportTypeScript } from './export-ts.js';
import { lrFindSvg } from '@etagrad/tune';
import { paintPoints, pointAt } from './heatmap.js';
import { absorb, drawLane, halt, makeLaneView, relabel, type LaneView } from './lane-view.js';
import { isLesson, lessons } from './lessons.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { LrFindResult } from '@etagrad/tune';
import type { Bounds } from './scores.js';
import { wireScheduleBox } from './schedule-box.js';
import { installSurface } from './surface.js';
import { encodeConfig, readFragment } from './url-state.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const form = $<HTMLFormElement>('controls');
const status = $('status');
const lesson = $('lesson');

/** The training worker: none before the first start, nor after it failed (the next start makes one). */
let worker: Worker | null = null;
const send = (message: ToWorker): void => worker?.postMessage(message);
/** The latest start's `run`: the worker's messages about any other run are dropped. */
let run = 0;

let config: PlaygroundConfig = defaultConfig;
let views: LaneView[] = [];
let charts: Charts | null = null;
let bounds: Bounds | null = null;
let paused = false;
let frame = 0;
let exportId = 0;
const exports = new Map<number, (message: Extract<FromWorker, { type: 'export' }>) => void>();

const announce = (text: string): void => {
  status.textContent = text;
};

/**
 * The configuration the fragment asks for, and why it is not what it asks for: the default view,
 * with the reason, when it asks for nothing valid.
 */
function fromFragment(): [PlaygroundConfig, string] {
  try {
    const request = readFragment(location.hash);
    if (request.kind === 'config') return [request.config, ''];
    if (request.kind === 'lesson') {
      if (isLesson(request.name)) return [lessons[request.name].config, ''];
      return [defaultConfig, `No lesson named ${request.name}; showing the default view.`];
    }
  } catch (error) {
    return [defaultConfig, `${(error as Error).message}; showing the default view.`];
  }
  return [defaultConfig, ''];
}

/**
 * Trains `next` from the start.
 *
 * @param next - the configuration
 * @param notice - why it is not what the link asked for (shown above the lanes until the next start)
 */
function start(next: PlaygroundConfig, notice = ''): void {
  config = next;
  history.replaceState(null, '', encodeConfig(config));
  renderControls(form, config);
  (form.elements.namedItem('addClass') as HTMLSelectElement).value = pointClass;
  box = wireScheduleBox(form.elements.namedItem('schedule') as HTMLTextAreaElement, $('schedule-plot'), $('schedule-error'), () => config.steps);
  const about = config.lesson !== null && isLesson(config.lesson) ? lessons[config.lesson] : null;
  lesson.textContent = about === null ? notice : `${about.title}. ${about.text}`;
  lesson.hidden = lesson.textContent === '';
  const parent = $('lanes');
  parent.replaceChildren();
  views = config.lanes.map((spec, i) => makeLaneView(parent, i, spec));
  views.forEach((view, i) => wireLane(view, i));
  charts = makeCharts($('loss-chart'), $('lr-chart'), config.lanes.map(laneLabel));
  bounds = null;
  paused = false;
  // An export still awaited is of a lane of the run this start ends: its answer is dropped.
  exports.clear();
  worker ??= makeWorker();
  run += 1;
  send({ type: 'start', run, config });
  announce(`${notice === '' ? '' : `${notice} `}Training ${views.length} lane${views.length === 1 ? '' : 's'} for ${config.steps} steps.`);
}

/** Trains from the start: the lanes' mid-run schedules dropped (a link or a reload keeps them). */
const restart = (next: PlaygroundConfig): void => start(withoutApplied(next));

let box = { good: () => config.schedule };
/** The class of added points, kept when the controls are drawn again. */
let pointClass = '1';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  URL.revokeObjectURL(url);
}

function requestExport(lane: number, use: (message: Extract<FromWorker, { type: 'export' }>) => void): void {
  exportId += 1;
  exports.set(exportId, use);
  send({ type: 'export', lane, id: exportId });
}

function wireLane(view: LaneView, index: number): void {
  const actions = view.root.querySelector('.lane-actions') as HTMLElement;
  const button = (text: string, onClick: () => void): void => {
    const node = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
    node.addEventListener('click', onClick);
    actions.append(node);
  };
  button(`Export lane ${index + 1} as TypeScript`, () =>
    requestExport(index, (m) => download(`etagrad-lane-${index + 1}.ts`, exportTypeScript(m.recipe), 'text/typescript')),
  );
  button(`Export lane ${index + 1} as JSON`, () =>
    requestExport(index, (m) => download(`etagrad-lane-${index + 1}.json`, exportJson(m.checkpoint, m.recipe.config, m.recipe.multiplier), 'application/json')),
  );
  view.overlay.addEventListener('click', (event) => {
    if (bounds !== null) addPoint(...pointAt(event, view.overlay, bounds));
  });
}

/** Adds a point of the class chosen in the form and trains from the start with it. */
function addPoint(x: number, y: number): void {
  const label = (form.elements.namedItem('addClass') as HTMLSelectElement).value === '1' ? 1 : 0;
  restart({ ...config, data: { ...config.data, points: [...config.data.points, [x, y, label]] } });
  announce(`Added a point of class ${label} at (${x.toFixed(2)}, ${y.toFixed(2)}); training from the start.`);
}

function draw(): void {
  frame = 0;
  const painted = views.some((view) => view.grid !== null);
  for (const view of views) drawLane(view);
  // For the benchmark script: when the first heatmap was on the page.
  if (painted && performance.getEntriesByName('first-heatmap').length === 0) performance.mark('first-heatmap');
  // Redrawing every step of every lane is the main thread's biggest job: at most 4 times a second.
  const now = performance.now();
  if (now - chartsDrawn >= 250 || views.every((v) => v.done)) {
    chartsDrawn = now;
    charts?.update(
      views.map((v) => v.losses),
      views.map((v) => v.lrs),
    );
  } else if (chartsTimer === 0) {
    chartsTimer = window.setTimeout(() => {
      chartsTimer = 0;
      requestDraw();
    }, 250);
  }
}

let chartsDrawn = -Infinity;
let chartsTimer = 0;

/** Draws what changed at the next frame (once, however often it is asked). */
function requestDraw(): void {
  if (frame === 0) frame = requestAnimationFrame(draw);
}

/**
 * Shows `problem` in the status line and ends the run on the page: no lane is left running (the
 * worker's errors end its run, and a failed worker trains nothing).
 */
function fail(problem: string): void {
  announce(`Error: ${problem}`);
  views.forEach(halt);
  requestDraw();
}

/**
 * What went wrong in the worker itself: its uncaught error's message or, without one, that it did
 * not load (a worker script that fails to load fires a bare `error` event).
 */
const workerFailure = (event: Event): string =>
  event instanceof ErrorEvent && event.message !== '' ? `the training worker failed: ${event.message}` : 'the training worker failed to load';

/** Takes in a message from the worker, if it is about the latest start's run. */
function receive(event: MessageEvent<FromWorker>): void {
  const message = event.data;
  // News of an earlier run that was still on its way when this one started is not this run's.
  if (message.run !== run) return;
  switch (message.type) {
    case 'started':
      bounds = message.bounds;
      for (const view of views) {
        paintPoints(view.overlay, message.points, message.bounds);
        view.heatmap.dataset['bounds'] = JSON.stringify(message.bounds);
      }
      return;
    case 'progress':
      message.lanes.forEach((news, i) => {
        const view = views[i];
        if (view !== undefined && absorb(view, news) && news.verdict !== 'running') announce(`Lane ${i + 1} (×${view.multiplier}): ${news.text}`);
      });
      requestDraw();
      return;
    case 'scheduled': {
      // The link keeps each lane's whole schedule, the change and its step included: a reload
      // trains the same numbers.
      const changed = new Map(message.schedules);
      config = { ...config, lesson: null, lanes: config.lanes.map((spec, i) => { const applied = changed.get(i); return applied === undefined ? spec : { ...spec, applied }; }) };
      history.replaceState(null, '', encodeConfig(config));
      config.lanes.forEach((spec, i) => relabel(views[i], spec));
      return;
    }
    case 'export':
      exports.get(message.id)?.(message);
      exports.delete(message.id);
      return;
    case 'rangeTest':
      showRangeTest(message.result);
      return;
    case 'error':
      fail(message.message);
      return;
  }
}

/**
 * A training worker wired to the page. Its own `error` (it did not load, or threw outside its
 * message handler) ends it, so that the next start makes a new one; an error it reports in a
 * message leaves it working.
 */
function makeWorker(): Worker {
  const made = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  made.onmessage = receive;
  made.onerror = (event) => {
    made.terminate();
    worker = null;
    fail(workerFailure(event));
  };
  made.onmessageerror = () => fail('a message from the training worker could not be read');
  return made;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  try {
    restart(readControls(form, { ...config, lesson: null }));
  } catch (error) {
    announce(`Not started: ${(error as Error).message}`);
  }
});

form.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target.getAttribute('name') === 'addClass') pointClass = (target as HTMLSelectElement).value;
  if (target.getAttribute('name') !== 'lesson') return;
  const name = (target as HTMLSelectElement).value;
  if (isLesson(name)) start(lessons[name].config);
});

form.addEventListener('click', (event) => {
  const name = (event.target as HTMLElement).getAttribute('name');
  if (name === 'pause') {
    paused = !paused;
    send({ type: paused ? 'pause' : 'resume' });
    (event.target as HTMLButtonElement).textContent = paused ? 'Resume' : 'Pause';
    announce(paused ? 'Paused.' : 'Resumed.');
  } else if (name === 'applySchedule') {
    // Mid-run, from the lanes' next update (the worker answers with their whole schedules, which
    // the link keeps). "Train from the start" applies it from step 0.
    const text = box.good();
    const target = (form.elements.namedItem('applyTo') as HTMLSelectElement).value;
    const lanes = target === 'all' ? views.map((_, i) => i) : [Number(target)];
    send({ type: 'schedule', text, lanes });
    announce(`Schedule ${text} applied mid-run to ${target === 'all' ? 'every lane' : `lane ${Number(target) + 1}`}.`);
  } else if (name === 'share') {
    void navigator.clipboard?.writeText(location.href).then(() => announce('Link copied.'));
  } else if (name === 'addPoint') {
    const x = Number((form.elements.namedItem('pointX') as HTMLInputElement).value);
    const y = Number((form.elements.namedItem('pointY') as HTMLInputElement).value);
    if (Number.isFinite(x) && Number.isFinite(y)) addPoint(x, y);
    else announce('Not added: the point needs two numbers.');
  } else if (name === 'clearPoints') {
    restart({ ...config, data: { ...config.data, points: [] } });
  }
});

let suggested: number | null = null;

function showRangeTest(result: LrFindResult): void {
  const text = $('range-text');
  $('range-plot').innerHTML = lrFindSvg(result, { width: 520, height: 220 });
  $('range-test').dataset['result'] = JSON.stringify(result);
  const stop = result.divergedAt === null ? `ran all ${result.steps} steps` : `stopped at step ${result.divergedAt}, the smoothed loss past 4× its best`;
  const s = result.suggestions;
  suggested = s === null ? null : s.valley;
  text.textContent =
    s === null
      ? `The test ${stop} too soon to suggest a rate.`
      : `Suggested rate (valley): ${s.valley.toPrecision(3)}; steepest ${s.steepest.toPrecision(3)}, minimum/10 ${s.minimumDiv10.toPrecision(3)}. The test ${stop}.`;
  $('range-apply').hidden = s === null;
  announce(text.textContent);
}

$('range-run').addEventListener('click', () => {
  announce('Running the range test…');
  send({ type: 'rangeTest' });
});

$('range-apply').addEventListener('click', () => {
  if (suggested === null) return;
  restart({ ...config, lesson: null, schedule: `constant(${suggested})` });
  announce(`Training from the start at the suggested rate ${suggested.toPrecision(3)} (lane ×1).`);
});

window.addEventListener('hashchange', () => start(...fromFragment()));

installSurface({
  lanes: () => views.map((v) => ({ step: v.step, loss: v.losses.at(-1) ?? Number.NaN, lr: v.lr, verdict: v.verdict, losses: v.losses })),
  config: () => config,
});

start(...fromFragment());
