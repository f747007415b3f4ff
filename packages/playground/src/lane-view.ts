// One lane on the page: its heading, heatmap (with the points over it), verdict and export buttons.
import type { LaneNews } from './protocol.js';
import type { VerdictName } from './verdict.js';
import { paintHeatmap } from './heatmap.js';
import { laneColors } from './charts.js';
import { laneLabel, type LaneSpec } from './config.js';

/** What the page keeps of a lane. */
export interface LaneView {
  readonly multiplier: number;
  readonly losses: number[];
  readonly lrs: number[];
  step: number;
  lr: number;
  verdict: VerdictName;
  text: string;
  /** Whether the lane takes no more updates. */
  done: boolean;
  /** Accuracy on the training set at the last news, in [0, 1]. */
  accuracy: number;
  /** The newest heatmap scores not drawn yet. */
  grid: Float32Array | null;
  readonly heatmap: HTMLCanvasElement;
  readonly overlay: HTMLCanvasElement;
  readonly verdictLine: HTMLElement;
  /** The header: the lane's multiplier and overrides. */
  readonly title: HTMLElement;
  readonly root: HTMLElement;
}

/**
 * A lane's elements, appended to `parent`.
 *
 * @param parent - the lanes' container
 * @param index - the lane's position
 * @param spec - the lane: its factor on its rate and its overrides, shown in its header
 */
export function makeLaneView(parent: HTMLElement, index: number, spec: LaneSpec): LaneView {
  const { multiplier } = spec;
  const root = document.createElement('article');
  root.className = 'lane';
  root.setAttribute('aria-label', `Lane ${index + 1}: ×${multiplier}`);
  root.style.borderTopColor = laneColors[index] ?? '#333';
  const title = document.createElement('h2');
  title.textContent = laneLabel(spec);
  const stack = document.createElement('div');
  stack.className = 'heatmap';
  const heatmap = Object.assign(document.createElement('canvas'), { width: 100, height: 100, className: 'scores' });
  heatmap.setAttribute('role', 'img');
  heatmap.setAttribute('aria-label', `Decision heatmap of lane ${index + 1}; click to add a point`);
  const overlay = Object.assign(document.createElement('canvas'), { width: 300, height: 300, className: 'points' });
  overlay.setAttribute('aria-hidden', 'true');
  stack.append(heatmap, overlay);
  const verdictLine = document.createElement('p');
  verdictLine.className = 'verdict';
  const actions = document.createElement('div');
  actions.className = 'lane-actions';
  root.append(title, stack, verdictLine, actions);
  parent.append(root);
  return { multiplier, losses: [], lrs: [], step: 0, lr: 0, verdict: 'running', text: '', done: false, accuracy: 0, grid: null, heatmap, overlay, verdictLine, title, root };
}

/**
 * Shows the lane's overrides anew (after a schedule was applied mid-run).
 *
 * @param view - the lane, if there is one
 * @param spec - its multiplier and overrides
 */
export function relabel(view: LaneView | undefined, spec: LaneSpec): void {
  if (view !== undefined) view.title.textContent = laneLabel(spec);
}

/**
 * Takes in a lane's news; returns whether its verdict changed.
 *
 * @param view - the lane
 * @param news - what the worker sent
 */
export function absorb(view: LaneView, news: LaneNews): boolean {
  // A stopped lane's run is over: nothing sent after its end is its news.
  if (view.verdict === 'stopped') return false;
  view.losses.push(...news.losses);
  view.lrs.push(...news.lrs);
  view.step = news.step;
  view.lr = news.lr;
  view.accuracy = news.accuracy;
  view.done = news.done;
  if (news.grid !== null) view.grid = news.grid;
  const changed = news.verdict !== view.verdict;
  view.verdict = news.verdict;
  view.text = news.text;
  return changed;
}

/**
 * Ends the lane where it is, its run having failed: a lane still running is shown stopped at its
 * step (a finished lane keeps its verdict).
 *
 * @param view - the lane
 */
export function halt(view: LaneView): void {
  view.done = true;
  if (view.verdict !== 'running') return;
  view.verdict = 'stopped';
  view.text = `stopped at step ${view.step}: the run ended with an error`;
}

/**
 * Draws what changed since the last frame.
 *
 * @param view - the lane
 */
export function drawLane(view: LaneView): void {
  if (view.grid !== null) {
    paintHeatmap(view.heatmap, view.grid);
    view.grid = null;
  }
  if (view.verdictLine.textContent !== view.text) view.verdictLine.textContent = view.text;
  view.root.dataset['verdict'] = view.verdict;
  view.root.dataset['accuracy'] = String(view.accuracy);
}
