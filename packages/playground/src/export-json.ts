// A lane as a JSON checkpoint that train's `fit` resumes (`parseCheckpoint`, then `resumeFrom`),
// with the playground's configuration beside the weights and optimizer state.
import { serializeCheckpoint, type Checkpoint } from '@etagrad/train';
import type { PlaygroundConfig } from './config.js';

/**
 * The checkpoint's text with a `playground` field: the configuration and the lane's multiplier,
 * covered by the checksum like every other field (fit's reader keeps and ignores it).
 *
 * @param checkpoint - the lane's checkpoint
 * @param config - the configuration the lane was built from
 * @param multiplier - the lane's factor on the configured rate
 */
export function exportJson(checkpoint: Checkpoint, config: PlaygroundConfig, multiplier: number): string {
  const withConfig: Checkpoint = Object.assign({}, checkpoint, { playground: { config, multiplier } });
  return serializeCheckpoint(withConfig);
}
