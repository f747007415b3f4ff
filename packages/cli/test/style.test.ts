import { expect, test } from 'vitest';
import { styleFor } from '../src/style.js';

const io = (isTTY: boolean, env: Record<string, string> = {}) => ({
  stdout: { isTTY, write: () => true },
  stderr: { write: () => true },
  env,
});

test('colour on a terminal: SGR codes that reset only what they set', () => {
  const style = styleFor(io(true));
  expect(style.enabled).toBe(true);
  expect(style.bold('a')).toBe('\u001b[1ma\u001b[22m');
  expect(style.red('a')).toBe('\u001b[31ma\u001b[39m');
});

test('no colour off a terminal, or with NO_COLOR set to anything but empty', () => {
  expect(styleFor(io(false)).red('a')).toBe('a');
  expect(styleFor(io(true, { NO_COLOR: '1' })).red('a')).toBe('a');
  // no-color.org: an empty NO_COLOR does not count
  expect(styleFor(io(true, { NO_COLOR: '' })).enabled).toBe(true);
});
