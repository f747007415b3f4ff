import { availableParallelism } from 'node:os';
import { checkKeys, checkNumber, isRecord, show } from '@etagrad/check';
import type { Executor } from '../executor.js';
import type { Journal } from '../journal.js';
import { commonKeys, type ObjectiveSpec } from '../run-search.js';
import {
  searchKeys,
  gridSearch as gridSearchCore,
  randomSearch as randomSearchCore,
  successiveHalving as successiveHalvingCore,
  type GridSearchOptions as CoreGridOptions,
  type RandomSearchOptions as CoreRandomOptions,
  type SuccessiveHalvingOptions as CoreHalvingOptions,
} from '../searches.js';
import type { Space } from '../space.js';
import type { SearchResult } from '../trial.js';
import { bullmqExecutor, type BullmqExecutorOptions } from './bullmq-executor.js';
import { fileJournal } from './file-journal.js';
import { loadObjective, objectiveRef } from './objective-ref.js';
import { threadExecutor } from './thread-executor.js';

/** An objective in Node: a function, `{ fit: {...} }`, or a module specifier (path or file URL) whose default export is the function. */
export type NodeObjective = ObjectiveSpec | string;

/** What the Node entry adds to every search's options. */
export interface NodeSearchOptions {
  /** A journal file path (appended and flushed per trial), or a Journal. */
  readonly journal?: string | Journal;
  /** Worker threads for a module or built-in objective (default: the number of cores); a function runs in-process, so 1. */
  readonly workers?: number;
  /** An Executor, or BullMQ: `{ kind: 'bullmq', connection, queue }`. */
  readonly executor?: Executor | ({ readonly kind: 'bullmq' } & BullmqExecutorOptions);
}

/** Options of the Node `gridSearch`. */
export type GridSearchOptions = Omit<CoreGridOptions, 'journal' | 'executor'> & NodeSearchOptions;
/** Options of the Node `randomSearch`. */
export type RandomSearchOptions = Omit<CoreRandomOptions, 'journal' | 'executor'> & NodeSearchOptions;
/** Options of the Node `successiveHalving`. */
export type SuccessiveHalvingOptions = Omit<CoreHalvingOptions, 'journal' | 'executor'> & NodeSearchOptions;

/** The searches of this entry. */
type Owner = keyof typeof searchKeys;

/** What a Node search hands the core search: the objective to run here and the journal and executor objects. */
interface Resolved {
  readonly objective: ObjectiveSpec;
  readonly extra: { readonly journal?: Journal; readonly executor?: Executor };
}

/**
 * The core options for a Node search: a journal path becomes a file journal, a module or
 * built-in objective gets worker threads (or BullMQ), a function stays in-process (one worker).
 */
async function resolveNode(owner: Owner, objective: NodeObjective, options: NodeSearchOptions): Promise<Resolved> {
  checkKeys(owner, 'options', options, [...searchKeys[owner], ...commonKeys, 'workers']);
  const { journal, workers: given, executor: wanted } = options;
  const journalOption = journal === undefined ? {} : { journal: typeof journal === 'string' ? fileJournal(journal) : journal };
  const bullmq = isRecord(wanted) && wanted['kind'] === 'bullmq';
  if (typeof objective === 'function') {
    if (given !== undefined && given !== 1) {
      throw new RangeError(
        `${owner}: workers must be 1 when the objective is a function (a function cannot move to another thread or machine; pass a module specifier instead), got ${given}`,
      );
    }
    if (bullmq) throw new TypeError(`${owner}: objective must be a module specifier or { fit } to run on BullMQ, got a function`);
    return { objective, extra: { ...journalOption, ...(wanted === undefined ? {} : { executor: wanted as Executor }) } };
  }
  const ref = objectiveRef(objective);
  if (ref === null) {
    throw new TypeError(`${owner}: objective must be a function, { fit: {...} } or a module specifier (a path or a file URL), got ${show(objective)}`);
  }
  const here = 'fit' in ref ? (objective as ObjectiveSpec) : await loadObjective(ref); // a module that does not load fails here, before any trial
  const workers = checkNumber(owner, 'workers', given ?? availableParallelism(), 'a positive integer', (n) => Number.isSafeInteger(n) && n >= 1);
  let executor: Executor | undefined;
  if (bullmq) {
    const { kind: _kind, ...spec } = wanted as unknown as { kind: 'bullmq' } & BullmqExecutorOptions;
    executor = await bullmqExecutor(ref, spec);
  } else if (wanted !== undefined) executor = wanted as Executor;
  else if (workers > 1) executor = threadExecutor(ref, workers);
  return { objective: here, extra: { ...journalOption, ...(executor === undefined ? {} : { executor }) } };
}

/**
 * Runs a core search with what `resolveNode` made; frees the executor also when the core search
 * refuses its options before running (a bad space).
 */
async function run<O extends NodeSearchOptions>(
  owner: Owner,
  objective: NodeObjective,
  options: O,
  core: (objective: ObjectiveSpec, options: Omit<O, keyof NodeSearchOptions> & Resolved['extra']) => Promise<SearchResult>,
): Promise<SearchResult> {
  const resolved = await resolveNode(owner, objective, options);
  const { journal: _journal, workers: _workers, executor: _executor, ...rest } = options;
  try {
    return await core(resolved.objective, { ...rest, ...resolved.extra });
  } catch (error) {
    await resolved.extra.executor?.close();
    throw error;
  }
}

/**
 * `gridSearch` with Node's executors and file journals (see the core `gridSearch`).
 *
 * @param space Lists of values by hyperparameter.
 * @param objective A function (in-process), `{ fit }` or a module specifier (worker threads).
 * @param options As the core's, plus `journal` as a path, `workers`, `executor: { kind: 'bullmq', ... }`.
 */
export function gridSearch(space: Space, objective: NodeObjective, options: GridSearchOptions = {}): Promise<SearchResult> {
  return run('gridSearch', objective, options, (o, rest) => gridSearchCore(space, o, rest));
}

/**
 * `randomSearch` with Node's executors and file journals (see the core `randomSearch`).
 *
 * @param space A domain per hyperparameter.
 * @param objective A function (in-process), `{ fit }` or a module specifier (worker threads).
 * @param options As the core's, plus `journal` as a path, `workers`, `executor: { kind: 'bullmq', ... }`.
 * @example
 * await randomSearch({ lr: logUniform(1e-4, 1) }, './objective.mjs', { trials: 16, seed: 1, workers: 2, journal: 'search.jsonl' });
 */
export function randomSearch(space: Space, objective: NodeObjective, options: RandomSearchOptions): Promise<SearchResult> {
  return run('randomSearch', objective, options, (o, rest) => randomSearchCore(space, o, rest));
}

/**
 * `successiveHalving` with Node's executors and file journals (see the core `successiveHalving`).
 *
 * @param space A domain per hyperparameter.
 * @param objective A function (in-process), `{ fit }` or a module specifier (worker threads).
 * @param options As the core's, plus `journal` as a path, `workers`, `executor: { kind: 'bullmq', ... }`.
 */
export function successiveHalving(space: Space, objective: NodeObjective, options: SuccessiveHalvingOptions): Promise<SearchResult> {
  return run('successiveHalving', objective, options, (o, rest) => successiveHalvingCore(space, o, rest));
}
