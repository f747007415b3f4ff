import { isRecord, show } from './check.js';
import { type Checkpoint, checkpointFormat, checkpointVersion, checksumOf } from './checkpoint-format.js';
import { StopReason } from './history.js';

/** A structural rule for one field: returns the rule text when `x` breaks it, else null. */
type Rule = (x: unknown) => string | null;

const finite: Rule = (x) => (typeof x === 'number' && Number.isFinite(x) ? null : 'a finite number');
const nonNegative: Rule = (x) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? null : 'a finite number >= 0');
const count: Rule = (x) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? null : 'an integer >= 0');
const positive: Rule = (x) => (typeof x === 'number' && Number.isInteger(x) && x >= 1 ? null : 'a positive integer');
const boolean: Rule = (x) => (typeof x === 'boolean' ? null : 'a boolean');
const string: Rule = (x) => (typeof x === 'string' ? null : 'a string');
const present: Rule = (x) => (x === undefined ? 'present' : null);
const orNull = (rule: Rule): Rule => (x) => (x === null ? null : rule(x));
const oneOf = (values: readonly string[]): Rule => (x) =>
  typeof x === 'string' && values.includes(x) ? null : `one of ${values.join(', ')}`;

/** A record whose values are all finite numbers (a metrics record). */
const numbers: Rule = (x) =>
  isRecord(x) && Object.values(x).every((v) => finite(v) === null) ? null : 'an object of finite numbers';

/** Thrown with the path of the first field that breaks its rule. */
class Invalid extends Error {}

function check(x: unknown, rule: Rule, path: string): void {
  const broken = rule(x);
  if (broken !== null) throw new Invalid(`${path} must be ${broken}, got ${show(x)}`);
}

function checkFields(x: unknown, rules: Readonly<Record<string, Rule>>, path: string): Record<string, unknown> {
  if (!isRecord(x)) throw new Invalid(`${path} must be an object, got ${show(x)}`);
  for (const [name, rule] of Object.entries(rules)) check(x[name], rule, `${path}.${name}`);
  return x;
}

function checkArray(x: unknown, each: (item: unknown, path: string) => void, path: string): void {
  if (!Array.isArray(x)) throw new Invalid(`${path} must be an array, got ${show(x)}`);
  x.forEach((item, i) => each(item, `${path}[${i}]`));
}

const stepRules = { step: count, epoch: count, loss: finite, lr: finite };
const epochRules = {
  epoch: count,
  steps: count,
  loss: finite,
  metrics: numbers,
  valLoss: orNull(finite),
  valMetrics: orNull(numbers),
  lr: finite,
  lrScale: nonNegative,
};
const stoppedRules = {
  reason: oneOf(Object.values(StopReason)),
  epoch: count,
  step: count,
  lr: finite,
  message: string,
};

const inProgressRules = { batches: count, loss: finite, metrics: numbers, lr: finite };

function checkBody(x: Record<string, unknown>): void {
  check(x['completedEpochs'], count, 'completedEpochs');
  if (x['epochInProgress'] !== null) checkFields(x['epochInProgress'], inProgressRules, 'epochInProgress');
  check(x['model'], present, 'model');
  checkFields(x['optimizer'], { name: string, state: present }, 'optimizer');
  check(x['rng'], present, 'rng');
  check(x['plateau'], present, 'plateau');
  const history = checkFields(x['history'], {}, 'history');
  checkArray(history['steps'], (s, p) => checkFields(s, stepRules, p), 'history.steps');
  checkArray(history['epochs'], (e, p) => checkFields(e, epochRules, p), 'history.epochs');
  if (history['stopped'] !== null) checkFields(history['stopped'], stoppedRules, 'history.stopped');
  const epochs = history['epochs'] as unknown[];
  if (epochs.length !== x['completedEpochs']) {
    throw new Invalid(`history.epochs must hold one record per completed epoch (${String(x['completedEpochs'])}), got ${epochs.length}`);
  }
  if (x['earlyStopping'] !== null) {
    const early = checkFields(x['earlyStopping'], { bestModel: present }, 'earlyStopping');
    checkFields(early['state'], { best: orNull(finite), bestEpoch: orNull(count), wait: count }, 'earlyStopping.state');
  }
  checkFields(x['run'], { samples: count, batchSize: positive, shuffle: boolean }, 'run');
}

/**
 * Reads a checkpoint's text (as `serializeCheckpoint` wrote it) and validates all of it that this
 * package owns: JSON syntax, format tag, version, checksum, and the shape of every field. Throws
 * an `Error` that names `source` and says what is wrong; returns the checkpoint only when whole.
 * (The model, optimizer, generator and plateau states are validated by their owners on restore.)
 *
 * @param text - the checkpoint's text
 * @param source - what to call it in errors (a file name, a storage key); default `'checkpoint'`
 * @example
 * parseCheckpoint('{"format":"etagrad-checkpoint","ver', 'run.json');
 * // Error: checkpoint run.json is not valid JSON (truncated or corrupt?): ...
 */
export function parseCheckpoint(text: string, source = 'checkpoint'): Checkpoint {
  if (typeof text !== 'string') throw new TypeError(`parseCheckpoint: text must be a string, got ${show(text)}`);
  if (typeof source !== 'string') throw new TypeError(`parseCheckpoint: source must be a string, got ${show(source)}`);
  const fields = readCheckpointText(text, source);
  if ('historyLog' in fields) {
    throw new Error(`${checkpointName(source)} is a checkpoint file whose history is in a log beside it: read it with loadCheckpoint from '@etagrad/train/node'`);
  }
  return checkCheckpointFields(fields, source);
}

/** The deepest nesting of arrays and objects a checkpoint may have (its own is under 10). */
export const maxCheckpointDepth = 1000;

/**
 * The first steps of {@link parseCheckpoint}: not empty, not nested too deep, JSON, the format
 * tag and version, the checksum. Returns the fields without the checksum, shape unchecked.
 * Internal: the Node entry fills the history from its log file before the shape is checked.
 */
export function readCheckpointText(text: string, source: string): Record<string, unknown> {
  const prefix = checkpointName(source);
  if (text.trim() === '') throw new Error(`${prefix} is empty (truncated?)`);
  const depth = nestingDepth(text);
  if (depth > maxCheckpointDepth) {
    throw new Error(`${prefix} is nested ${depth} deep; a checkpoint must be nested at most ${maxCheckpointDepth} deep (corrupt?)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${prefix} is not valid JSON (truncated or corrupt?): ${(error as Error).message}`);
  }
  const fields = checkTag(parsed, prefix);
  const { checksum, ...rest } = fields;
  if (checksum !== checksumOf(rest)) {
    throw new Error(`${prefix} is corrupt: its checksum does not match its contents (changed after it was written)`);
  }
  return rest;
}

/**
 * The deepest nesting of `[` and `{` in JSON text, outside strings; counted before parsing, so a
 * hostile file cannot overflow the stack of whatever walks the parsed value.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Validates a checkpoint object (one `fit` handed to `checkpoint.save`, or parsed by the caller)
 * as {@link parseCheckpoint} does, without the checksum. Internal: `fit`'s `resumeFrom` uses it.
 */
export function checkCheckpoint(value: unknown, source: string): Checkpoint {
  return checkCheckpointFields(checkTag(value, checkpointName(source)), source);
}

/** `checkpoint run.json`, or just `checkpoint` for the default name. */
function checkpointName(source: string): string {
  return source === 'checkpoint' ? source : `checkpoint ${source}`;
}

function checkTag(parsed: unknown, prefix: string): Record<string, unknown> {
  if (!isRecord(parsed) || parsed['format'] !== checkpointFormat) {
    const got = isRecord(parsed) ? show(parsed['format']) : show(parsed);
    throw new Error(`${prefix} is not an etagrad checkpoint: format must be '${checkpointFormat}', got ${got}`);
  }
  if (parsed['version'] !== checkpointVersion) {
    throw new Error(`${prefix} has version ${show(parsed['version'])}; this etagrad reads version ${checkpointVersion}`);
  }
  return parsed;
}

/** The shape of every field this package owns. Internal (see {@link readCheckpointText}). */
export function checkCheckpointFields(fields: Record<string, unknown>, source: string): Checkpoint {
  const prefix = checkpointName(source);
  try {
    checkBody(fields);
  } catch (error) {
    if (error instanceof Invalid) throw new Error(`${prefix} is malformed: ${error.message}`);
    throw error;
  }
  return fields as unknown as Checkpoint;
}
