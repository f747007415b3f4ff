// The messages between the page and the training worker.
import type { Checkpoint } from '@etagrad/train';
import type { LrFindResult } from '@etagrad/tune';
import type { PlaygroundConfig } from './config.js';
import type { LaneRecipe } from './export-ts.js';
import type { Bounds } from './scores.js';
import type { VerdictName } from './verdict.js';

/** What the page asks the worker. */
export type ToWorker =
  /** Trains `config` from the start; `run` names this run in everything the worker says of it. */
  | { readonly type: 'start'; readonly run: number; readonly config: PlaygroundConfig }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Apply a schedule to lanes from their next update on. */
  | { readonly type: 'schedule'; readonly text: string; readonly lanes: readonly number[] }
  /** A lane's recipe (for the TypeScript export) and checkpoint (for the JSON export). */
  | { readonly type: 'export'; readonly lane: number; readonly id: number }
  /** The learning-rate range test of the running configuration. */
  | { readonly type: 'rangeTest' };

/** News of one lane since the last message. */
export interface LaneNews {
  /** Updates completed. */
  readonly step: number;
  /** Losses and rates of the updates since the last message. */
  readonly losses: readonly number[];
  readonly lrs: readonly number[];
  /** The rate of the next update. */
  readonly lr: number;
  readonly verdict: VerdictName;
  readonly text: string;
  readonly accuracy: number;
  readonly done: boolean;
  /** Scores on the heatmap's 100×100 grid (row 0 at the top), when recomputed. */
  readonly grid: Float32Array | null;
}

/** What the worker tells the page of a run. */
export type RunNews =
  | {
      readonly type: 'started';
      /** The training points (labels 0/1) and the square the heatmaps cover. */
      readonly points: readonly (readonly [number, number, 0 | 1])[];
      readonly bounds: Bounds;
    }
  | { readonly type: 'progress'; readonly lanes: readonly LaneNews[] }
  /** Lanes' whole schedules after a mid-run change (`Lane.setSchedule`), by lane index. */
  | { readonly type: 'scheduled'; readonly schedules: readonly (readonly [lane: number, schedule: string])[] }
  | { readonly type: 'export'; readonly id: number; readonly recipe: LaneRecipe; readonly checkpoint: Checkpoint }
  | { readonly type: 'rangeTest'; readonly result: LrFindResult }
  /** The run (if any) ended with this error: the worker trains nothing more until the next start. */
  | { readonly type: 'error'; readonly message: string };

/**
 * What the worker tells the page, with the `run` of the start it is about: after a new start the
 * page drops what the worker said of an earlier run that was still on its way.
 */
export type FromWorker = RunNews & { readonly run: number };
