import { describe, expect, test } from 'vitest';
import { parseXml } from './xml.js';

// The checker that the SVG tests rely on must itself refuse what is not well-formed.
describe('parseXml (test helper)', () => {
  test('reads a small document', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1" y=\'&lt;2&gt;\'><b/><c>t &amp; u</c></a>\n');
    expect(root.name).toBe('a');
    expect(root.attributes.get('y')).toBe('<2>');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1]?.text).toBe('t & u');
  });
  test.each([
    ['<a><b></a></b>', "'</a>' does not close 'b'"],
    ['<a>', "'<a>' is never closed"],
    ['<a x=1/>', 'expected a quoted value'],
    ['<a x="1" x="2"/>', "attribute 'x' twice"],
    ['<a>1 < 2</a>', 'expected a name'],
    ['<a>R&D</a>', "'&' without ';'"],
    ['<a>&nbsp;</a>', "unknown entity '&nbsp;'"],
    ['<a/><b/>', 'a second root element'],
    ['text<a/>', 'text outside the root element'],
    ['<a x="1"y="2"/>', 'expected a space before an attribute'],
    ['', 'no root element'],
  ])('refuses %j', (text, fault) => {
    expect(() => parseXml(text)).toThrow(fault);
  });
});
