import { checkString, isRecord } from '@etagrad/check';
import type { Evaluation } from './trial.js';

/**
 * Where a search appends its finished evaluations, one JSON line each, and reads them back to
 * resume. `@etagrad/tune/node`'s `fileJournal(path)` keeps them in a file (appended and flushed
 * per line); {@link memoryJournal} in memory.
 */
export interface Journal {
  /** For messages: the file name, or 'memory'. */
  readonly name: string;
  /** Every complete line so far, joined with '\n' ('' for a new journal). */
  read(): Promise<string>;
  /**
   * Appends one line (without its '\n') durably before resolving.
   *
   * @param line - the line, without its newline
   */
  append(line: string): Promise<void>;
}

/**
 * A journal in memory, e.g. to resume a search in the same page.
 *
 * @param initial Text to start from (lines joined with '\n').
 * @example
 * const journal = memoryJournal();
 * await randomSearch(space, objective, { trials: 8, journal });
 * journal.text(); // the header and 8 lines
 */
export function memoryJournal(initial = ''): Journal & {
  /** Every line so far, as a journal file would hold them. */
  text(): string;
} {
  const lines = checkString('memoryJournal', 'initial', initial) === '' ? [] : initial.split('\n').filter((line) => line !== '');
  return {
    name: 'memory',
    read: async () => lines.join('\n'),
    append: async (line) => {
      lines.push(line);
    },
    text: () => lines.map((line) => `${line}\n`).join(''),
  };
}

/** The first line of a journal: which search wrote it. */
export interface JournalHeader {
  readonly format: 'etagrad-tune-journal';
  readonly version: 1;
  /** The search's identity: its method, space, seed, budgets and direction, and the `{ fit }` objective's settings. A resume must match it. */
  readonly search: Readonly<Record<string, unknown>>;
}

/** A journal opened for a search: the evaluations it already holds, by `index@budget`, and a way to add more. */
export interface OpenJournal {
  readonly done: ReadonlyMap<string, Evaluation>;
  record(evaluation: Evaluation): Promise<void>;
}

/** The key of an evaluation in a journal. */
export const evaluationKey = (index: number, budget: number): string => `${index}@${budget}`;

/**
 * Reads a journal for the search `search` (writing the header when it is new) and refuses one
 * written by another search, naming the fields that differ.
 *
 * @param owner The search, for messages.
 * @param journal The journal.
 * @param search The search's identity.
 */
export async function openJournal(owner: string, journal: Journal, search: JournalHeader['search']): Promise<OpenJournal> {
  const header: JournalHeader = { format: 'etagrad-tune-journal', version: 1, search };
  const lines = (await journal.read()).split('\n').filter((line) => line.trim() !== '');
  const done = new Map<string, Evaluation>();
  const [first, ...rest] = lines;
  if (first === undefined) await journal.append(JSON.stringify(header));
  else {
    const theirs = parseLine(owner, journal.name, first, 1);
    if (theirs['format'] !== header.format || theirs['version'] !== header.version || !isRecord(theirs['search'])) {
      throw new RangeError(`${owner}: journal ${journal.name} must start with an etagrad-tune-journal version 1 header, got ${first.slice(0, 80)}`);
    }
    const differ = Object.keys({ ...search, ...theirs['search'] }).filter(
      (key) => JSON.stringify(search[key]) !== JSON.stringify((theirs['search'] as Record<string, unknown>)[key]),
    );
    if (differ.length > 0) {
      throw new RangeError(
        `${owner}: journal ${journal.name} must come from the same search to resume it, got one whose ${differ.join(', ')} differ${differ.length === 1 ? 's' : ''} (use a new journal file)`,
      );
    }
    rest.forEach((line, i) => {
      const evaluation = checkEvaluation(owner, journal.name, parseLine(owner, journal.name, line, i + 2), i + 2);
      done.set(evaluationKey(evaluation.index, evaluation.budget), evaluation);
    });
  }
  return { done, record: (evaluation) => journal.append(JSON.stringify(evaluation)) };
}

function parseLine(owner: string, name: string, line: string, number: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) throw new RangeError(`${owner}: journal ${name} line ${number} must be a JSON object, got ${line.slice(0, 80)}`);
  return parsed;
}

function checkEvaluation(owner: string, name: string, line: Record<string, unknown>, number: number): Evaluation {
  const { index, budget, status, score, time, extras } = line;
  const valid =
    Number.isSafeInteger(index) &&
    typeof budget === 'number' &&
    (status === 'ok' || status === 'diverged' || status === 'failed') &&
    (score === null || typeof score === 'number') &&
    typeof time === 'number' &&
    isRecord(extras);
  if (!valid) throw new RangeError(`${owner}: journal ${name} line ${number} must be an evaluation { index, budget, status, score, time, extras }, got ${JSON.stringify(line).slice(0, 80)}`);
  return line as unknown as Evaluation;
}
