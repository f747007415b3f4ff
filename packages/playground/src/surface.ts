// The small read-only surface for tests and scripts: `window.etagradPlayground`.
import type { PlaygroundConfig } from './config.js';
import type { VerdictName } from './verdict.js';

/** One lane as the surface reports it. */
export interface LaneReport {
  /** Updates completed. */
  readonly step: number;
  /** The loss of the last update (NaN before the first). */
  readonly loss: number;
  /** The rate of the current step (the next update's), after its schedule and the lane's multiplier. */
  readonly lr: number;
  readonly verdict: VerdictName;
  /** `losses[k]`: the loss of update k, so far. */
  readonly losses: readonly number[];
}

/** `window.etagradPlayground`. */
export interface PlaygroundSurface {
  /** Every lane, in order. */
  lanes(): LaneReport[];
  /** The configuration the URL encodes. */
  config(): PlaygroundConfig;
}

declare global {
  interface Window {
    etagradPlayground: PlaygroundSurface;
  }
}

/**
 * Installs the surface; each call reads the page's state at that moment (copies, so a caller cannot change it).
 *
 * @param read - the page's lanes and configuration
 */
export function installSurface(read: PlaygroundSurface): void {
  window.etagradPlayground = Object.freeze({
    lanes: () => read.lanes().map((lane) => ({ ...lane, losses: [...lane.losses] })),
    config: () => structuredClone(read.config()),
  });
}
