// The training set of a configuration: generated points plus those added by hand, labels in the
// loss's space (±1 for hinge and MSE, 0/1 for BCE).
import { blobs, circles, moons, spirals, xor, type Dataset } from '@etagrad/nn';
import type { PlaygroundConfig } from './config.js';
import type { MicrogradDemo } from './micrograd-demo.js';

/** The generated points with labels 0/1, before the added points. */
function generated(config: PlaygroundConfig, demo: MicrogradDemo | null): Dataset {
  const { kind, n, noise, seed } = config.data;
  switch (kind) {
    case 'moons':
      return moons({ n, noise, seed });
    case 'circles':
      return circles({ n, noise, seed, factor: 0.5 });
    case 'spirals':
      return spirals({ classes: 2, n, noise, seed });
    case 'xor':
      return xor({ n, noise, seed });
    case 'blobs':
      // Two blobs near the origin, their spread set by the noise control.
      return blobs({ n, centers: [[-1, -1], [1, 1]], std: Math.max(noise, 0.01) * 5, seed });
    case 'points':
      return { x: [], y: [] };
    case 'micrograd':
      if (demo === null) throw new Error('playground: the micrograd lesson needs its data, got none');
      return { x: demo.x.map((row) => [...row]), y: [...demo.y] };
  }
}

/**
 * The configuration's training set: generated points, then the added ones, each label (0/1) made
 * the loss's target: ±1 for hinge and MSE, 0/1 for BCE with logits.
 *
 * @param config - the playground configuration
 * @param demo - bench/'s micrograd demo numbers, needed only by data kind `'micrograd'`
 */
export function makeDataset(config: PlaygroundConfig, demo: MicrogradDemo | null): Dataset {
  const base = generated(config, demo);
  const x = [...base.x, ...config.data.points.map(([px, py]) => [px, py])];
  const labels = [...(base.y as number[]), ...config.data.points.map((p) => p[2])];
  const y = config.loss === 'bce' ? labels : labels.map((label) => (label === 1 ? 1 : -1));
  return { x, y };
}

/** The class (0/1) of a target in the loss's space. */
export const classOf = (target: number): 0 | 1 => (target > 0 ? 1 : 0);
