import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../src/main.js';
import { captureIo, xmlProblem } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'etagrad-compare-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(args: readonly string[]) {
  const io = captureIo();
  const code = await main(['compare', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('etagrad compare', () => {
  test('a table, the loss chart and the rate chart, one run per rate', async () => {
    const svg = join(scratch, 'runs.svg');
    const { code, out, err } = await run(['--lr', '0.01,1,1e300', '--epochs', '2', '--svg', svg]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('etagrad compare: MLP 2-16-16-1 on moons, 3 runs');
    expect(lines.find((l) => l.startsWith('run '))?.split(/\s{2,}/)).toEqual(['run', 'final loss', 'val loss', 'best loss', 'accuracy', 'diverged']);
    expect(lines.find((l) => l.startsWith('lr 1e+300'))).toMatch(/at step \d+$/);
    expect(out).toContain('training loss');
    expect(out).toContain('learning rate');
    expect(xmlProblem(readFileSync(svg, 'utf8'))).toBeNull();
    expect(xmlProblem(readFileSync(join(scratch, 'runs-lr.svg'), 'utf8'))).toBeNull();
  });

  test('--json: one record per combination, named by what varies', async () => {
    const { code, out } = await run(['--optimizer', 'sgd,rmsprop', '--momentum', '0,0.9', '--lr', '0.05', '--epochs', '1', '--json']);
    expect(code).toBe(0);
    const records = JSON.parse(out) as { name: string }[];
    expect(records.map((r) => r.name)).toEqual(['sgd momentum 0', 'sgd momentum 0.9', 'rmsprop momentum 0', 'rmsprop momentum 0.9']);
  });

  test('schedules separated by semicolons', async () => {
    const { code, out } = await run(['--lr', 'constant(0.1); cosine({ initial: 0.1, steps: 20 })', '--epochs', '1', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { name: string }[]).map((r) => r.name)).toEqual(['lr constant(0.1)', 'lr cosine({ initial: 0.1, steps: 20 })']);
  });

  test('bad input: exit 2 and one line', async () => {
    const cases: [string[], string][] = [
      [['--lr', 'abc'], "etagrad compare: option '--lr <rates>' argument 'abc' is invalid."],
      [['--lr', '0.1,,1'], "etagrad compare: option '--lr <rates>' argument '0.1,,1' is invalid. Expected a list without empty items."],
      [['--optimizer', 'sgd,adamm'], "etagrad compare: option '--optimizer <names>' argument 'sgd,adamm' is invalid. Expected one of"],
      [['--momentum', '1'], "etagrad compare: option '--momentum <values>' argument '1' is invalid. Expected momenta in [0, 1), got '1'."],
      // hex and binary are not numbers on the command line (Number() would read 0x0 as 0)
      [['--momentum', '0.9,0x0'], "etagrad compare: option '--momentum <values>' argument '0.9,0x0' is invalid. Expected momenta in [0, 1), got '0x0'."],
      [['--momentum', '0b0'], "etagrad compare: option '--momentum <values>' argument '0b0' is invalid. Expected momenta in [0, 1), got '0b0'."],
      [['--optimizer', 'adam', '--momentum', '0.9'], 'etagrad compare: --momentum applies to sgd and rmsprop, got --optimizer adam'],
      [['--lr', '0.1,0.1'], 'etagrad compare: the lists must not repeat a value'],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(2);
      expect(err).toContain(message);
    }
  });
});
