// The configuration in the URL's fragment and back, versioned and validated at this boundary:
// `#c=<JSON>` (percent-encoded) or `#lesson=<name>`.
import {
  checkBoolean,
  checkChoice,
  checkFinite,
  checkKeys,
  checkNonNegative,
  checkObject,
  checkPositiveInteger,
  checkString,
  show,
} from '@etagrad/check';
import { activationNames, configVersion, dataKinds, lossNames, type PlaygroundConfig, type Point } from './config.js';
import { defaultOptions, optimizerNames, optimizers } from './optimizers.js';

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

/**
 * Reads a configuration (parsed JSON), refusing anything out of place with the field's path.
 *
 * @param x - the parsed JSON
 * @example
 * readConfig({ ...defaultConfig, version: 2 });
 * // RangeError: playground: version must be 1, got 2
 */
export function readConfig(x: unknown): PlaygroundConfig {
  const c = checkObject(owner, 'configuration', x);
  if (c['version'] !== configVersion) throw new RangeError(`${owner}: version must be ${configVersion}, got ${show(c['version'])}`);
  checkKeys(owner, 'configuration', c, ['version', 'lesson', 'data', 'model', 'loss', 'l2', 'optimizer', 'options', 'batchSize', 'seed', 'schedule', 'lanes', 'steps']);
  const data = checkObject(owner, 'data', c['data']);
  const points = data['points'];
  if (!Array.isArray(points)) throw new TypeError(`${owner}: data.points must be an array, got ${show(points)}`);
  const model = checkObject(owner, 'model', c['model']);
  const hidden = model['hidden'];
  if (!Array.isArray(hidden) || hidden.length > 4) throw new TypeError(`${owner}: model.hidden must be an array of up to 4 layer sizes, got ${show(hidden)}`);
  const optimizer = checkChoice(owner, 'optimizer', c['optimizer'], optimizerNames);
  const options = checkObject(owner, 'options', c['options']);
  const fields = optimizers[optimizer].fields;
  checkKeys(owner, 'options', options, fields.map((f) => f.name));
  for (const f of fields) {
    const v = options[f.name];
    if (v === undefined) continue;
    if (typeof f.default === 'boolean') checkBoolean(owner, `options.${f.name}`, v);
    else checkNonNegative(owner, `options.${f.name}`, v);
  }
  const lanes = c['lanes'];
  if (!Array.isArray(lanes) || lanes.length < 1 || lanes.length > 3) {
    throw new RangeError(`${owner}: lanes must be 1 to 3 multipliers, got ${show(lanes)}`);
  }
  const init = model['init'] === 'micrograd' ? 'micrograd' : checkNonNegative(owner, 'model.init', model['init']);
  const batchSize = c['batchSize'] === 'all' ? 'all' : checkPositiveInteger(owner, 'batchSize', c['batchSize']);
  const lesson = c['lesson'] === null ? null : checkString(owner, 'lesson', c['lesson']);
  return {
    version: configVersion,
    lesson,
    data: {
      kind: checkChoice(owner, 'data.kind', data['kind'], dataKinds),
      n: checkPositiveInteger(owner, 'data.n', data['n']),
      noise: checkNonNegative(owner, 'data.noise', data['noise']),
      seed: checkNonNegative(owner, 'data.seed', data['seed']),
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
    options: { ...defaultOptions(optimizer), ...(options as Record<string, number | boolean>) },
    batchSize,
    seed: checkNonNegative(owner, 'seed', c['seed']),
    schedule: checkString(owner, 'schedule', c['schedule']),
    lanes: lanes.map((m: unknown, i) => checkNonNegative(owner, `lanes[${i}]`, m)),
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
