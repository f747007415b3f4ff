import type { Io } from './io.js';

/** Text decorations for the terminal; each is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain = (text: string): string => text;

/**
 * Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org): output that
 * goes to a file or a pipe stays plain text.
 */
export function styleFor(io: Io): Style {
  const noColor = io.env?.['NO_COLOR'];
  const enabled = io.stdout.isTTY === true && (noColor === undefined || noColor === '');
  if (!enabled) {
    return { enabled, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  }
  return {
    enabled,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
  };
}
