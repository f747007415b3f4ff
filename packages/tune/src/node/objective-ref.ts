import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRecord, show } from '@etagrad/check';
import { kindOf } from '@etagrad/train/node';
import type { FitObjectiveSpec } from '../fit-objective.js';
import { isFitObjective } from '../is-fit-objective.js';
import type { Objective } from '../trial.js';

/**
 * An objective as data, so it can travel to a worker thread or a BullMQ job: an ES module's
 * file URL (its default export is the objective), or the built-in fit objective's description.
 */
export type ObjectiveRef = { readonly module: string } | { readonly fit: FitObjectiveSpec };

/**
 * The reference of a module specifier (a path, absolute or relative to the working directory,
 * or a `file:` URL) or of `{ fit: {...} }`; `null` for anything else.
 *
 * @param objective A specifier or `{ fit }`.
 * @param cwd Where relative paths start (default `process.cwd()`).
 */
export function objectiveRef(objective: unknown, cwd = process.cwd()): ObjectiveRef | null {
  if (isFitObjective(objective)) return { fit: objective.fit };
  if (typeof objective !== 'string' || objective === '') return null;
  if (objective.startsWith('file:')) return { module: objective };
  return { module: pathToFileURL(isAbsolute(objective) ? objective : resolve(cwd, objective)).href };
}

/**
 * The objective a reference names: the module's default export (checked to be a function), or
 * the built-in fit objective.
 *
 * @param ref What {@link objectiveRef} made.
 */
export async function loadObjective(ref: ObjectiveRef): Promise<Objective> {
  checkObjectiveRef('loadObjective', ref);
  // Loaded only when used: a thread or child running a module objective need not compile the training stack.
  if ('fit' in ref) return (await import('../fit-objective.js')).fitObjective(ref.fit);
  checkModuleFile(ref.module);
  const loaded = (await import(ref.module)) as { default?: unknown };
  if (typeof loaded.default !== 'function') {
    throw new TypeError(`objective: the module ${ref.module} must export the objective function as its default export, got ${show(loaded.default)}`);
  }
  return loaded.default as Objective;
}

/**
 * Refuses a module whose file exists and is not a regular one: importing a device (`/dev/zero`)
 * would read it until memory ran out, a FIFO would block. A missing file is left to `import`,
 * whose error names it.
 */
function checkModuleFile(module: string): void {
  if (!module.startsWith('file:')) return;
  let stats;
  try {
    stats = statSync(fileURLToPath(module));
  } catch {
    return;
  }
  if (!stats.isFile()) throw new TypeError(`objective: the module ${module} must be a regular file, got ${kindOf(stats)}`);
}

/**
 * Checks an objective given as data: `{ module: '<file URL>' }` or `{ fit: {...} }` (what
 * {@link objectiveRef} makes).
 *
 * @param owner The function called, first in the message.
 * @param ref The value to check.
 */
export function checkObjectiveRef(owner: string, ref: unknown): asserts ref is ObjectiveRef {
  if (!isRecord(ref) || !((typeof ref['module'] === 'string' && ref['module'] !== '') || isFitObjective(ref))) {
    throw new TypeError(`${owner}: objective must be { module: '<file URL>' } or { fit: {...} } (see objectiveRef), got ${show(ref)}`);
  }
}
