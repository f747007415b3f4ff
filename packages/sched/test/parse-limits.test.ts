// Issue 9 §7: the parser and the spec readers under hostile input.

import { describe, expect, test } from 'vitest';
import { constant, fromLoadedSpec, fromSpec, parse, scale } from '@etagrad/sched';

describe('parse refuses what would change its meaning', () => {
  test('a kind inside options, or in an object where a schedule goes, is refused, not read as another schedule', () => {
    const message = "parse: 'kind' is not an option: a schedule is written as a call, e.g. constant(0.1)";
    const text = 'cosine({ kind: "constant", value: 0.1 })';
    expect(() => parse(text)).toThrow(new TypeError(`${message} at column 10\n  ${text}\n           ^`));
    const inner = 'scale({ kind: "constant", value: 1 }, 2)';
    expect(() => parse(inner)).toThrow(new TypeError(`${message} at column 9\n  ${inner}\n          ^`));
  });

  test('a __proto__ key is refused, bare or quoted, and nothing is polluted', () => {
    for (const key of ['__proto__', '"__proto__"']) {
      const text = `cosine({ ${key}: { steps: 1 }, initial: 0.1, steps: 10 })`;
      expect(() => parse(text)).toThrow(
        new TypeError(`parse: options must not hold a '__proto__' key at column 10\n  ${text}\n           ^`),
      );
    }
    expect(({} as Record<string, unknown>)['steps']).toBeUndefined();
  });
});

describe('fromSpec refuses a __proto__ key', () => {
  test('as JSON.parse makes it: an own key, refused before anything is read', () => {
    const spec: unknown = JSON.parse('{"kind": "cosine", "initial": 0.1, "steps": 10, "__proto__": {"final": 0.05}}');
    expect(() => fromSpec(spec)).toThrow(
      new TypeError("spec: cosine: options must be a plain object (own keys, no '__proto__'), got '__proto__'"),
    );
    expect(() => fromLoadedSpec(spec)).toThrow(TypeError);
  });
});

describe('a huge bad expression gives a short message', () => {
  test('a 10 MB expression echoes at most 200 characters around the column', () => {
    const text = `cosine({ initial: ${'x'.repeat(10_000_000)} })`;
    let message = '';
    try {
      parse(text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^parse: expected '\(', got '\}' at column 10000020\n/);
    const [, echoed = '', caret = ''] = message.split('\n');
    expect(echoed.length).toBeLessThanOrEqual(2 + 200 + 2); // indent, text, an ellipsis each side
    expect(echoed.trim().endsWith('x })')).toBe(true);
    expect(caret.indexOf('^')).toBe(echoed.indexOf('}')); // the caret stays under the place
  });

  test('an unknown 10 MB name is clipped in the message', () => {
    expect(() => parse(`${'y'.repeat(10_000_000)}()`)).toThrow(/^parse: unknown kind 'y{99}…'/);
    try {
      parse(`${'y'.repeat(10_000_000)}()`);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(1000);
    }
  });
});

describe('nesting deeper than 1000 is refused, never a stack overflow', () => {
  const deepText = (n: number) => `${'scale('.repeat(n)}constant(1)${', 1)'.repeat(n)}`;
  const deepSpec = (n: number) => {
    let spec: Record<string, unknown> = { kind: 'constant', value: 1 };
    for (let i = 0; i < n; i++) spec = { kind: 'scale', inner: spec, factor: 1 };
    return spec;
  };

  test('parse refuses 3000 deep with the column, and reads 999 deep', () => {
    expect(() => parse(deepText(3000))).toThrow(/^parse: expressions must nest at most 1000 deep, got deeper at column 6001\n/);
    expect(parse(deepText(999))(0)).toBe(1);
  });

  test('fromSpec and fromLoadedSpec (which optimizer states use) refuse 3000 deep', () => {
    const spec = deepSpec(3000);
    expect(() => fromSpec(spec)).toThrow(RangeError);
    expect(() => fromSpec(spec)).toThrow(/schedules must nest at most 1000 deep, got deeper$/);
    expect(() => fromLoadedSpec(spec)).toThrow(/schedules must nest at most 1000 deep, got deeper$/);
    expect(fromSpec(deepSpec(999))(0)).toBe(1);
  });

  test('the message names a short path', () => {
    try {
      fromSpec(deepSpec(3000));
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(300);
    }
  });

  test('a schedule built 999 deep round-trips', () => {
    let s = constant(1);
    for (let i = 0; i < 998; i++) s = scale(s, 1);
    expect(fromSpec(JSON.parse(JSON.stringify(s.spec)))(3)).toBe(1);
  });
});
