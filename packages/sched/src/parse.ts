// `parse`: a small tokenizer and recursive-descent parser for the call syntax that `format`
// writes. No eval: the text becomes a syntax tree, the tree a spec, the spec a schedule
// (through `fromSpec`'s reader, so both refuse the same things with the same messages).
//
//   expression := call
//   value      := call | number | '-' number | string | 'true' | 'false' | 'null' | array | object
//   call       := name '(' [value {',' value} [',']] ')'
//   array      := '[' [value {',' value} [',']] ']'
//   object     := '{' [key ':' value {',' key ':' value} [',']] '}'     key := name | string

import { anyKind } from './all-kinds.js';
import { show } from './check.js';
import { loadedKinds } from './kinds.js';
import { prefixed } from '@etagrad/check';
import { maxDepth, readSpec, unknownKind } from './read-spec.js';
import type { Json, Schedule } from './types.js';

type Token =
  | { readonly type: 'number'; readonly value: number; readonly at: number }
  | { readonly type: 'string'; readonly value: string; readonly at: number }
  | { readonly type: 'name'; readonly value: string; readonly at: number }
  | { readonly type: 'punct'; readonly value: string; readonly at: number }
  | { readonly type: 'end'; readonly value: ''; readonly at: number };

type Node =
  | { readonly type: 'value'; readonly value: Json; readonly at: number }
  | { readonly type: 'array'; readonly items: readonly Node[]; readonly at: number }
  | { readonly type: 'object'; readonly entries: readonly (readonly [string, Node])[]; readonly at: number }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly Node[]; readonly at: number };

// A number as JSON writes it, plus what String(n) writes ('1e-7', '1e+21').
const numberPattern = /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const namePattern = /[A-Za-z_$][\w$]*/y;
const punctuation = '()[]{},:-';

// An error message echoes at most this many characters of the text around the place it points
// at, so a 10 MB expression gives a short message.
const echo = 200;

/** `text` cut to `most` characters, with `…` where it was cut. */
const clip = (text: string, most: number): string => (text.length > most ? `${text.slice(0, most - 1)}…` : text);

/**
 * An error pointing at a place in the text: the message with the column (and the line, when the
 * text has several), then that line of the text (at most 200 characters of it, around the place)
 * with a caret under the place.
 */
function errorAt(make: new (message: string) => Error, text: string, at: number, message: string): Error {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const lineEnd = end < 0 ? text.length : end;
  const column = at - start + 1;
  const from = Math.max(start, Math.min(at - echo / 2, lineEnd - echo));
  const to = Math.min(lineEnd, from + echo);
  const line = `${from > start ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`;
  const caret = at - from + (from > start ? 1 : 0);
  const lineNumber = text.slice(0, start).split('\n').length;
  const where = text.includes('\n') ? `line ${lineNumber}, column ${column}` : `column ${column}`;
  return new make(`parse: ${clip(message, 3 * echo)} at ${where}\n  ${line}\n  ${' '.repeat(caret)}^`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (punctuation.includes(c)) {
      tokens.push({ type: 'punct', value: c, at: i });
      i += 1;
    } else if (c === "'" || c === '"') {
      const start = i;
      let value = '';
      i += 1;
      while (i < text.length && text.charAt(i) !== c) {
        if (text.charAt(i) === '\\' && i + 1 < text.length) i += 1;
        value += text.charAt(i);
        i += 1;
      }
      if (i >= text.length) throw errorAt(SyntaxError, text, start, 'unterminated string');
      i += 1;
      tokens.push({ type: 'string', value, at: start });
    } else {
      numberPattern.lastIndex = i;
      namePattern.lastIndex = i;
      const number = numberPattern.exec(text);
      const name = number === null ? namePattern.exec(text) : null;
      if (number !== null) {
        tokens.push({ type: 'number', value: Number(number[0]), at: i });
        i += number[0].length;
      } else if (name !== null) {
        tokens.push({ type: 'name', value: name[0], at: i });
        i += name[0].length;
      } else {
        throw errorAt(SyntaxError, text, i, `unexpected character '${c}'`);
      }
    }
  }
  tokens.push({ type: 'end', value: '', at: text.length });
  return tokens;
}

class Parser {
  readonly #text: string;
  readonly #tokens: readonly Token[];
  #next = 0;

  constructor(text: string) {
    this.#text = text;
    this.#tokens = tokenize(text);
  }

  // The end token is never consumed, so the index stays in range.
  #peek(): Token {
    return this.#tokens[Math.min(this.#next, this.#tokens.length - 1)] ?? { type: 'end', value: '', at: 0 };
  }

  #take(): Token {
    const token = this.#peek();
    if (token.type !== 'end') this.#next += 1;
    return token;
  }

  #fail(token: Token, expected: string): Error {
    const found = token.type === 'end' ? 'the end' : `'${clip(this.#text.slice(token.at, token.at + 41).match(/^.[\w.$]*/)?.[0] ?? '', 40)}'`;
    return errorAt(SyntaxError, this.#text, token.at, `expected ${expected}, got ${found}`);
  }

  #expect(punct: string): void {
    const token = this.#take();
    if (token.type !== 'punct' || token.value !== punct) throw this.#fail(token, `'${punct}'`);
  }

  #isPunct(punct: string): boolean {
    const token = this.#peek();
    return token.type === 'punct' && token.value === punct;
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed. */
  #list<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.#isPunct(close)) {
      items.push(item());
      if (this.#isPunct(',')) this.#take();
      else if (!this.#isPunct(close)) throw this.#fail(this.#peek(), `',' or '${close}'`);
    }
    this.#expect(close);
    return items;
  }

  expression(): Node {
    const first = this.#peek();
    const node = this.#value();
    if (node.type !== 'call') throw this.#fail(first, 'a schedule such as cosine({ initial: 0.1, steps: 100 })');
    const end = this.#peek();
    if (end.type !== 'end') throw this.#fail(end, 'the end');
    return node;
  }

  #depth = 0;

  /** A value; calls, arrays and objects nest at most `maxDepth` deep (deeper would overflow the stack). */
  #value(): Node {
    const token = this.#take();
    const at = token.at;
    const opens = token.type === 'name' || (token.type === 'punct' && (token.value === '[' || token.value === '{'));
    if (!opens) return this.#leaf(token);
    this.#depth += 1;
    if (this.#depth > maxDepth) {
      throw errorAt(RangeError, this.#text, at, `expressions must nest at most ${maxDepth} deep, got deeper`);
    }
    const node = this.#leaf(token);
    this.#depth -= 1;
    return node;
  }

  #leaf(token: Token): Node {
    const at = token.at;
    switch (token.type) {
      case 'number':
      case 'string':
        return { type: 'value', value: token.value, at };
      case 'name':
        if (token.value === 'true') return { type: 'value', value: true, at };
        if (token.value === 'false') return { type: 'value', value: false, at };
        if (token.value === 'null') return { type: 'value', value: null, at };
        this.#expect('(');
        return { type: 'call', name: token.value, args: this.#list(')', () => this.#value()), at };
      case 'punct':
        if (token.value === '-') {
          const number = this.#take();
          if (number.type !== 'number') throw this.#fail(number, 'a number after -');
          return { type: 'value', value: -number.value, at };
        }
        if (token.value === '[') return { type: 'array', items: this.#list(']', () => this.#value()), at };
        if (token.value === '{') return { type: 'object', entries: this.#list('}', () => this.#entry()), at };
        throw this.#fail(token, 'a value');
      case 'end':
        throw this.#fail(token, 'a value');
    }
  }

  #entry(): readonly [string, Node] {
    const key = this.#take();
    if (key.type !== 'name' && key.type !== 'string') throw this.#fail(key, 'an option name');
    if (key.value === '__proto__') throw errorAt(TypeError, this.#text, key.at, "options must not hold a '__proto__' key");
    // A kind is a call's name: an object with a kind would be read as a spec, another schedule.
    if (key.value === 'kind') {
      throw errorAt(TypeError, this.#text, key.at, "'kind' is not an option: a schedule is written as a call, e.g. constant(0.1)");
    }
    this.#expect(':');
    return [key.value, this.#value()];
  }

  /** The JSON a node stands for: calls become specs. */
  toJson(node: Node): Json {
    switch (node.type) {
      case 'value':
        return node.value;
      case 'array':
        return node.items.map((item) => this.toJson(item));
      case 'object':
        return Object.fromEntries(this.#entries(node.entries));
      case 'call':
        return this.#callSpec(node);
    }
  }

  #entries(entries: readonly (readonly [string, Node])[]): [string, Json][] {
    const seen = new Set<string>();
    return entries.map(([key, value]) => {
      if (seen.has(key)) throw errorAt(SyntaxError, this.#text, value.at, `option '${key}' given twice`);
      seen.add(key);
      return [key, this.toJson(value)];
    });
  }

  #callSpec(call: Extract<Node, { type: 'call' }>): Json {
    const rule = anyKind(call.name);
    if (rule === undefined) throw errorAt(RangeError, this.#text, call.at, unknownKind(call.name, loadedKinds()));
    const positional = rule.positional ?? [];
    const hasOptions = rule.options.length > positional.length;
    const most = positional.length + (hasOptions ? 1 : 0);
    if (call.args.length < positional.length || call.args.length > most) {
      const count = positional.length === most ? `${most}` : `${positional.length} or ${most}`;
      const takes = `${call.name} takes ${count} argument${most === 1 ? '' : 's'}`;
      throw errorAt(TypeError, this.#text, call.at, `${takes}, got ${call.args.length}`);
    }
    const spec: Record<string, Json> = { kind: call.name };
    for (const [i, name] of positional.entries()) {
      const arg = call.args[i];
      if (arg !== undefined) spec[name] = this.toJson(arg);
    }
    const options = call.args[positional.length];
    if (options !== undefined) {
      if (options.type !== 'object') {
        throw errorAt(TypeError, this.#text, options.at, `${call.name}'s options must be an object literal`);
      }
      for (const [key, value] of this.#entries(options.entries)) {
        if (positional.includes(key)) {
          const message = `${call.name}'s ${key} is given as an argument, not an option`;
          throw errorAt(TypeError, this.#text, options.at, message);
        }
        spec[key] = value;
      }
    }
    return spec;
  }
}

/**
 * Read a schedule from the expression `format` writes: exactly the call syntax of this package's
 * functions, with numbers, quoted strings, booleans, arrays and object literals with bare keys.
 * No `eval`. `parse(format(s))` equals `s` bit for bit at every step.
 *
 * Syntax errors are `SyntaxError`s that point at the column, echoing at most 200 characters
 * of the text around it; an unknown function is a `RangeError` (`parse: unknown kind 'cosin'
 * (did you mean 'cosine'?); kinds are ... at column 8`); a `kind` or `__proto__` key inside
 * options, and nesting deeper than 1000, are refused at their column; bad options give
 * `fromSpec`'s messages with the path in the expression, e.g.
 * `RangeError: parse: expression.inner: cosine: steps must be a positive integer, got 0`.
 * Kinds added with `registerKind` are read like built-in ones.
 *
 * @param text - the expression, e.g. `'cosine({ initial: 0.1, steps: 900 })'`
 * @example
 * const lr = parse('warmup(cosine({ initial: 0.1, steps: 900 }), { steps: 100 })');
 * lr(100); // 0.1
 */
export function parse(text: string): Schedule {
  if (typeof text !== 'string') throw new TypeError(`parse: text must be a string, got ${show(text)}`);
  const parser = new Parser(text);
  const spec = parser.toJson(parser.expression());
  try {
    return readSpec(spec, 'expression', anyKind);
  } catch (error) {
    throw prefixed(error, 'parse');
  }
}
