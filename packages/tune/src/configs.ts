import { rng } from '@etagrad/nn';
import type { CheckedSpace, Config, Json } from './space.js';

/**
 * `trials` configs drawn from `space` with nn's seeded generator, each hyperparameter in the
 * space's order: the same seed gives the same configs, and a longer search extends a shorter one.
 *
 * @param space A checked space.
 * @param trials How many configs.
 * @param seed The generator's seed.
 */
export function sampleConfigs(space: CheckedSpace, trials: number, seed: number): Config[] {
  const random = rng(seed);
  return Array.from({ length: trials }, () => {
    const config: Record<string, Json> = {};
    for (const [name, domain] of space) {
      if ('uniform' in domain) config[name] = random.uniform(domain.uniform[0], domain.uniform[1]);
      else if ('logUniform' in domain) {
        const [low, high] = domain.logUniform;
        config[name] = Math.exp(random.uniform(Math.log(low), Math.log(high)));
      } else config[name] = domain.choice[random.int(0, domain.choice.length)] ?? null;
    }
    return config;
  });
}

/**
 * Every combination of a grid's values, the first hyperparameter varying slowest.
 *
 * @param space A checked space of choices only.
 */
export function gridConfigs(space: CheckedSpace): Config[] {
  let configs: Record<string, Json>[] = [{}];
  for (const [name, domain] of space) {
    const values = 'choice' in domain ? domain.choice : [];
    configs = configs.flatMap((config) => values.map((value) => ({ ...config, [name]: value })));
  }
  return configs;
}
