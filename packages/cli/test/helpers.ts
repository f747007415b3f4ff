import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';

/** The monorepo root, where `node --conditions=@etagrad/source --import tsx` resolves the packages. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/** What a run of the command left behind. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `etagrad <args>` from the sources in a child process, as a user would (no TTY: no colour,
 * plain progress lines).
 */
export function etagrad(args: readonly string[]): Promise<Run> {
  const argv = ['--conditions=@etagrad/source', '--import', 'tsx', 'packages/cli/src/main.ts', ...args];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** String buffers standing in for the process streams, to call `main` in-process. */
export function captureIo(options: { tty?: boolean; env?: Record<string, string> } = {}): Io & {
  readonly out: () => string;
  readonly err: () => string;
} {
  let out = '';
  let err = '';
  const isTTY = options.tty === true;
  return {
    stdout: { isTTY, write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}

/**
 * Checks that `text` is well-formed XML in the subset an SVG chart uses (declaration, elements,
 * attributes, text, entities): every tag closed in order, attributes quoted, no stray `<` or `&`.
 * Returns the problem, or null.
 */
export function xmlProblem(text: string): string | null {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
  let roots = 0;
  for (const match of body.matchAll(token)) {
    const [whole, closing, name, , selfClosing, textPart, stray] = match;
    if (stray !== undefined) return `stray '<' at ${match.index}: ${body.slice(match.index, match.index + 30)}`;
    if (textPart !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(textPart)) return `bare '&' in ${textPart}`;
      if (stack.length === 0 && textPart.trim() !== '') return `text outside the root: ${textPart.trim()}`;
      continue;
    }
    if (whole.startsWith('<!--') || name === undefined) continue;
    if (closing === '/') {
      if (stack.pop() !== name) return `</${name}> closes nothing open`;
    } else {
      if (stack.length === 0) roots += 1;
      if (selfClosing !== '/') stack.push(name);
    }
  }
  if (stack.length > 0) return `unclosed <${stack.join('>, <')}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

/** Runs `main` in-process with string buffers; what it wrote and its exit code. */
export async function runMain(argv: readonly string[], options?: Parameters<typeof captureIo>[0]): Promise<Run> {
  const io = captureIo(options);
  const code = await main(argv, io);
  return { code, stdout: io.out(), stderr: io.err() };
}

/**
 * The files in `dir`, with a checkpoint's history log (`run.json.<random>.history`, written beside
 * it by @etagrad/train) shown as `run.json.history`; temporary files keep their names, so a
 * leftover shows.
 */
export function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => name.replace(/\.[0-9a-f]+\.history$/, '.history'))
    .sort();
}
