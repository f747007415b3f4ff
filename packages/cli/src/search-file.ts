import { dirname, isAbsolute, resolve } from 'node:path';
import { isRecord } from '@etagrad/check';
import { readBounded } from '@etagrad/train/node';
import { fitObjective, type FitObjectiveSpec, type Space } from '@etagrad/tune';
import { UsageError } from './command.js';

/** A search file, read and checked: what `etagrad tune` runs. */
export interface SearchFile {
  readonly method: 'grid' | 'random' | 'successiveHalving';
  readonly space: Space;
  /** An absolute module path, or the built-in `{ fit: {...} }`. */
  readonly objective: string | { readonly fit: Record<string, unknown> };
  /** The search's own options (trials, seed, direction, budget, minBudget, maxBudget, eta), checked by tune. */
  readonly options: Readonly<Record<string, unknown>>;
}

const methods = ['grid', 'random', 'successiveHalving'] as const;
/** A search file is a few lines of JSON: anything larger is not one. */
const MAX_BYTES = 1 << 20;
const optionKeys = ['trials', 'seed', 'direction', 'budget', 'minBudget', 'maxBudget', 'eta'];

/**
 * Reads a search file (JSON): `{ method, space, objective, trials, seed, direction, budget,
 * minBudget, maxBudget, eta }`. A relative module path in `objective` starts at the file's
 * directory. Bad input is a UsageError naming the file and the field; tune checks the values (the
 * built-in objective's here, so that a bad one is bad input on worker threads too).
 *
 * @param path The search file.
 */
export function readSearchFile(path: string): SearchFile {
  let text: string;
  try {
    text = readBounded(path, MAX_BYTES, `the search file ${path}`).toString('utf8');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the search file ${path} must be JSON: ${(error as Error).message}`);
  }
  if (!isRecord(json)) throw new UsageError(`the search file ${path} must hold a JSON object`);
  const unknown = Object.keys(json).find((key) => !['method', 'space', 'objective', ...optionKeys].includes(key));
  if (unknown !== undefined) throw new UsageError(`${path}: unknown field '${unknown}' (known: method, space, objective, ${optionKeys.join(', ')})`);
  const { method, space, objective } = json;
  if (typeof method !== 'string' || !(methods as readonly string[]).includes(method)) {
    throw new UsageError(`${path}: method must be one of ${methods.join(', ')}, got ${JSON.stringify(method)}`);
  }
  if (!isRecord(space)) throw new UsageError(`${path}: space must be an object, got ${JSON.stringify(space)}`);
  let resolved: SearchFile['objective'];
  if (typeof objective === 'string' && objective !== '') {
    resolved = objective.startsWith('file:') || isAbsolute(objective) ? objective : resolve(dirname(path), objective);
  } else if (isRecord(objective) && Object.keys(objective).length === 1 && isRecord(objective['fit'])) {
    resolved = { fit: checkFitSpec(objective['fit']) };
  } else {
    throw new UsageError(`${path}: objective must be a module path or { "fit": { ... } }, got ${JSON.stringify(objective)}`);
  }
  const options = Object.fromEntries(optionKeys.filter((key) => json[key] !== undefined).map((key) => [key, json[key]]));
  return { method: method as SearchFile['method'], space: space as Space, objective: resolved, options };
}

/** The built-in objective's description, checked as `fitObjective` checks it; a UsageError if bad. */
function checkFitSpec(spec: Record<string, unknown>): Record<string, unknown> {
  try {
    fitObjective(spec as unknown as FitObjectiveSpec);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return spec;
}
