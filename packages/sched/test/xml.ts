// A tiny, strict XML well-formedness checker for the SVG tests (no XML parser is installed):
// one root element, balanced and properly nested tags, quoted and unique attributes, only the
// five predefined entities (and numeric ones), no stray `<` or `&` in text.

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
const isNameChar = (c: string) => isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const entities = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Parse `text` as an XML document; throws an Error naming the offset of the first fault. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${what}`);
  };
  const peek = (s: string) => text.startsWith(s, i);
  const skipSpace = () => {
    while (i < text.length && isSpace(text.charAt(i))) i++;
  };
  const name = (): string => {
    const start = i;
    if (!isNameStart(text.charAt(i))) fail('expected a name');
    while (i < text.length && isNameChar(text.charAt(i))) i++;
    return text.slice(start, i);
  };
  const decode = (raw: string, inAttribute: boolean): string => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const c = raw.charAt(k);
      if (c === '<') fail(`'<' in ${inAttribute ? 'an attribute' : 'text'}`);
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0) fail("'&' without ';'");
      const ref = raw.slice(k + 1, end);
      const known = entities.get(ref);
      if (known !== undefined) out += known;
      else if (ref.startsWith('#x') && ref.length > 2 && [...ref.slice(2)].every((d) => '0123456789abcdefABCDEF'.includes(d))) {
        out += String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      } else if (ref.startsWith('#') && ref.length > 1 && [...ref.slice(1)].every((d) => d >= '0' && d <= '9')) {
        out += String.fromCodePoint(Number(ref.slice(1)));
      } else fail(`unknown entity '&${ref};'`);
      k = end;
    }
    return out;
  };

  if (peek('<?xml')) {
    const end = text.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (;;) {
    const textStart = i;
    while (i < text.length && text.charAt(i) !== '<') i++;
    const between = text.slice(textStart, i);
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      if (between.trim() !== '') fail('text outside the root element');
    } else {
      parent.text += decode(between, false);
    }
    if (i >= text.length) break;
    if (peek('<!--')) {
      const end = text.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (peek('</')) {
      i += 2;
      const closing = name();
      skipSpace();
      if (text.charAt(i) !== '>') fail("expected '>'");
      i++;
      const open = stack.pop();
      if (open === undefined || open.name !== closing) fail(`'</${closing}>' does not close '${open?.name ?? 'nothing'}'`);
    } else {
      i++;
      const element: XmlElement = { name: name(), attributes: new Map(), children: [], text: '' };
      const attributes = element.attributes as Map<string, string>;
      for (;;) {
        const hadSpace = i < text.length && isSpace(text.charAt(i));
        skipSpace();
        if (peek('/>') || peek('>')) break;
        if (!hadSpace) fail('expected a space before an attribute');
        const key = name();
        if (attributes.has(key)) fail(`attribute '${key}' twice`);
        skipSpace();
        if (text.charAt(i) !== '=') fail("expected '='");
        i++;
        skipSpace();
        const quote = text.charAt(i);
        if (quote !== '"' && quote !== "'") fail('expected a quoted value');
        const end = text.indexOf(quote, i + 1);
        if (end < 0) fail('unterminated attribute value');
        attributes.set(key, decode(text.slice(i + 1, end), true));
        i = end + 1;
      }
      const selfClosing = peek('/>');
      i += selfClosing ? 2 : 1;
      const into = stack[stack.length - 1];
      if (into !== undefined) into.children.push(element);
      else if (root === undefined) root = element;
      else fail('a second root element');
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`'<${stack[stack.length - 1]?.name ?? ''}>' is never closed`);
  if (root === undefined) return fail('no root element');
  return root;
}

/** Every element named `name` below `root`, in document order by level. */
export const descendants = (root: XmlElement, name: string): XmlElement[] => [
  ...root.children.filter((c) => c.name === name),
  ...root.children.flatMap((c) => descendants(c, name)),
];
