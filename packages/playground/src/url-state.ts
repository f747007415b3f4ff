// The configuration in the URL's fragment and back, versioned and validated at this boundary:
// `#c=<JSON>` (percent-encoded) or `#lesson=<name>`.
import {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkKeys,
  checkNonNegative,
  checkNonNegativeInteger,
  checkObject,
  checkPositiveInteger,
  checkString,
  show,
} from '@etagrad/check';
import { activationNames, configVersion, dataKinds, lossNames, type LaneSpec, type PlaygroundConfig, type Point } from './config.js';
import { defaultOptions, optimizerNames, optimizers, type OptimizerName, type OptimizerOptions } from './optimizers.js';

const owner = 'playground';

/**
 * The fragment that encodes `config` (exact: JSON writes every double so that it reads back the same).
 *
 * @param config - the configuration
 */
export const encodeConfig = (config: PlaygroundConfig): string => `#c=${encodeURIComponent(JSON.stringify(config))}`;

function checkPoint(x: unknown, i: number): Point {
  if (!Array.isArray(x) || x.length !== 3) throw new TypeError(`${owner}: data.points[${i}] must be [x, y, label], got ${show(x)}`);
  const [px, py, label] = x as unknown[];
  checkFinite(owner, `data.points[${i}][0]`, px);
  checkFinite(owner, `data.points[${i}][1]`, py);
  const cls = checkChoice(owner, `data.points[${i}][2]`, String(label), ['0', '1']);
  return [px as number, py as number, cls === '1' ? 1 : 0];
}

const readBatchSize = (x: unknown, path: string): number | 'all' => (x === 'all' ? 'all' : checkPositiveInteger(owner, path, x));

/** The options of `optimizer` at `path`, each checked (only the fields the page shows). */
function checkOptions(optimizer: OptimizerName, x: unknown, path: string): OptimizerOptions {
  const options = checkObject(owner, path, x);
  const fields = optimizers[optimizer].fields;
  checkKeys(owner, path, options, fields.map((f) => f.name));
  for (const f of fields) {
    const v = options[f.name];
    if (v === undefined) continue;
    if (typeof f.default === 'boolean') checkBoolean(owner, `${path}.${f.name}`, v);
    else checkNonNegative(owner, `${path}.${f.name}`, v);
  }
  return options as Record<string, number | boolean>;
}

/** A lane (version 2): its multiplier and the overrides it has (options checked against its optimizer, else `shared`). */
function readLane(x: unknown, path: string, shared: OptimizerName): LaneSpec {
  const lane = checkObject(owner, path, x);
  checkKeys(owner, path, lane, ['multiplier', 'optimizer', 'options', 'schedule', 'batchSize', 'applied']);
  const optimizer = lane['optimizer'] === undefined ? undefined : checkChoice(owner, `${path}.optimizer`, lane['optimizer'], optimizerNames);
  return {
    multiplier: checkNonNegative(owner, `${path}.multiplier`, lane['multiplier']),
    ...(optimizer === undefined ? {} : { optimizer }),
    ...(lane['options'] === undefined ? {} : { options: checkOptions(optimizer ?? shared, lane['options'], `${path}.options`) }),
    ...(lane['schedule'] === undefined ? {} : { schedule: checkString(owner, `${path}.schedule`, lane['schedule']) }),
    ...(lane['batchSize'] === undefined ? {} : { batchSize: readBatchSize(lane['batchSize'], `${path}.batchSize`) }),
    ...(lane['applied'] === undefined ? {} : { applied: checkString(owner, `${path}.applied`, lane['applied']) }),
  };
}

/**
 * Reads a configuration (parsed JSON), refusing anything out of place with the field's path.
 *
 * @param x - the parsed JSON
 * @example
 * readConfig({ ...defaultConfig, version: 3 });
 * // RangeError: playground: version must be 1 or 2, got 3
 */
export function readConfig(x: unknown): PlaygroundConfig {
  const c = checkObject(owner, 'configuration', x);
  const version = c['version'];
  if (version !== 1 && version !== configVersion) throw new RangeError(`${owner}: version must be 1 or ${configVersion}, got ${show(version)}`);
  checkKeys(owner, 'configuration', c, ['version', 'lesson', 'data', 'model', 'loss', 'l2', 'optimizer', 'options', 'batchSize', 'seed', 'schedule', 'lanes', 'steps']);
  const data = checkObject(owner, 'data', c['data']);
  const points = data['points'];
  if (!Array.isArray(points)) throw new TypeError(`${owner}: data.points must be an array, got ${show(points)}`);
  const model = checkObject(owner, 'model', c['model']);
  const hidden = model['hidden'];
  if (!Array.isArray(hidden) || hidden.length > 4) throw new TypeError(`${owner}: model.hidden must be an array of up to 4 layer sizes, got ${show(hidden)}`);
  const optimizer = checkChoice(owner, 'optimizer', c['optimizer'], optimizerNames);
  const options = checkOptions(optimizer, c['options'], 'options');
  const lanes = c['lanes'];
  if (!Array.isArray(lanes) || lanes.length < 1 || lanes.length > 3) {
    throw new RangeError(`${owner}: lanes must be 1 to 3 lanes, got ${show(lanes)}`);
  }
  const init = model['init'] === 'micrograd' ? 'micrograd' : checkNonNegativeInteger(owner, 'model.init', model['init']);
  const batchSize = readBatchSize(c['batchSize'], 'batchSize');
  const lesson = c['lesson'] === null ? null : checkString(owner, 'lesson', c['lesson']);
  return {
    version: configVersion,
    lesson,
    data: {
      kind: checkChoice(owner, 'data.kind', data['kind'], dataKinds),
      n: checkPositiveInteger(owner, 'data.n', data['n']),
      noise: checkNonNegative(owner, 'data.noise', data['noise']),
      seed: checkNonNegativeInteger(owner, 'data.seed', data['seed']),
      points: points.map(checkPoint),
    },
    model: {
      hidden: hidden.map((size: unknown, i) => checkPositiveInteger(owner, `model.hidden[${i}]`, size)),
      activation: checkChoice(owner, 'model.activation', model['activation'], activationNames),
      init,
    },
    loss: checkChoice(owner, 'loss', c['loss'], lossNames),
    l2: checkNonNegative(owner, 'l2', c['l2']),
    optimizer,
    options: { ...defaultOptions(optimizer), ...options },
    batchSize,
    seed: checkNonNegativeInteger(owner, 'seed', c['seed']),
    schedule: checkString(owner, 'schedule', c['schedule']),
    // Version 1 wrote each lane as its bare multiplier.
    lanes: lanes.map((lane: unknown, i) => (version === 1 ? { multiplier: checkNonNegative(owner, `lanes[${i}]`, lane) } : readLane(lane, `lanes[${i}]`, optimizer))),
    steps: checkPositiveInteger(owner, 'steps', c['steps']),
  };
}

/** What a fragment asks for: a configuration, a lesson by name, or nothing (the default view). */
export type FragmentRequest =
  | { readonly kind: 'config'; readonly config: PlaygroundConfig }
  | { readonly kind: 'lesson'; readonly name: string }
  | { readonly kind: 'default' };

/**
 * Reads a URL fragment (`location.hash`); throws when it holds a configuration that is not valid.
 *
 * @param hash - the fragment, with or without its `#`
 */
export function readFragment(hash: string): FragmentRequest {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lesson = params.get('lesson');
  if (lesson !== null) return { kind: 'lesson', name: lesson };
  const text = params.get('c');
  if (text === null) return { kind: 'default' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${owner}: the link's configuration is not valid JSON: ${(error as Error).message}`);
  }
  return { kind: 'config', config: readConfig(parsed) };
}
