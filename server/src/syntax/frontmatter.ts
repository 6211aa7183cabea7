import matter from 'gray-matter';
import * as yaml from 'js-yaml';
import { diagnostic, type SyntaxFinding } from './diagnostics';
import { detached, type Span } from './text';

export interface FrontmatterItem {
  value: string;
  span: Span;
}

export interface FrontmatterField {
  key: string;
  keySpan: Span;
  /** The value written on the key's line, without quotes; empty at the line end when the value is a block. */
  valueSpan: Span;
  raw: string;
  /** Items of a list value, flow (`[a, b]`) or block (`- a`), each with its span. */
  items?: FrontmatterItem[];
}

export interface Frontmatter {
  /** From the opening fence to the end of the closing fence line. */
  span: Span;
  openFenceSpan: Span;
  data: Record<string, unknown>;
  fields: Map<string, FrontmatterField>;
}

export interface FrontmatterResult {
  frontmatter?: Frontmatter;
  /** Where the note's body starts. */
  bodyStart: number;
  diagnostics: SyntaxFinding[];
}

/** Fence languages gray-matter would evaluate as code; we never hand them to it. */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml']);

const refuseEngine = () => {
  throw new Error('only YAML frontmatter is read');
};

/**
 * Finds and parses a note's YAML frontmatter. The fence is located here, line by line,
 * so that CRLF, a BOM and an unclosed fence are handled exactly; gray-matter then parses
 * the block as YAML data only, with its cache bypassed (options are always passed).
 */
export function parseFrontmatter(text: string): FrontmatterResult {
  const diagnostics: SyntaxFinding[] = [];
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = lineEndAt(text, start);
  const firstLine = text.slice(start, firstLineEnd);
  const fence = /^---[ \t]*([^\s]*)[ \t]*$/.exec(firstLine);
  if (!fence || firstLine.startsWith('----')) return { bodyStart: start, diagnostics };

  const openFenceSpan = { start, end: firstLineEnd };
  const language = fence[1].toLowerCase();
  const contentStart = nextLineStart(text, firstLineEnd);
  let closeStart = -1;
  let closeEnd = -1;
  for (let lineStart = contentStart; lineStart < text.length; ) {
    const lineEnd = lineEndAt(text, lineStart);
    if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 16)))) {
      closeStart = lineStart;
      closeEnd = lineEnd;
      break;
    }
    lineStart = nextLineStart(text, lineEnd);
  }
  if (closeStart < 0) {
    diagnostics.push(diagnostic('frontmatter.unclosed', openFenceSpan,
      'The frontmatter opened here is never closed by a `---` line; its fields are not read.'));
    return { bodyStart: contentStart, diagnostics };
  }

  const span = { start, end: closeEnd };
  const bodyStart = nextLineStart(text, closeEnd);
  const content = text.slice(contentStart, closeStart);
  const { fields, overridden } = scanFields(text, contentStart, closeStart);
  const frontmatter: Frontmatter = { span, openFenceSpan, data: {}, fields };

  if (!YAML_LANGUAGES.has(language)) {
    diagnostics.push(diagnostic('frontmatter.language', openFenceSpan,
      detached(`Frontmatter in \`${fence[1]}\` is not read: Counterpoint reads YAML frontmatter only and never runs code from a note.`)));
    return { frontmatter, bodyStart, diagnostics };
  }

  try {
    const parsed = matter(`---\n${content.replace(/\r\n?/g, '\n')}\n---\n`, {
      language: 'yaml',
      excerpt: false,
      engines: {
        yaml: (source: string) => yaml.safeLoad(source, { json: true }) as object,
        javascript: refuseEngine,
        js: refuseEngine,
        coffee: refuseEngine,
        json: refuseEngine,
      },
    });
    const data: unknown = parsed.data;
    if (data !== null && typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date)) {
      frontmatter.data = detachStrings(data) as Record<string, unknown>;
      for (const field of overridden) {
        const last = fields.get(field.key)!;
        diagnostics.push(diagnostic('frontmatter.duplicate-key', field.keySpan,
          detached(`\`${field.key}\` is given again on line ${lineNumberAt(text, last.keySpan.start) + 1}: YAML keeps the last value, so this one is ignored.`),
          { key: field.key }));
      }
    } else if (content.trim() !== '') {
      diagnostics.push(diagnostic('frontmatter.not-mapping', openFenceSpan,
        'The frontmatter must be a YAML mapping of fields (`key: value` lines); it is not read.'));
    }
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    // The block handed to the parser starts with the fence line, so its line numbers match ours from the fence.
    // An error at the end of the stream (an unclosed quote or bracket) is past the content: on the closing fence.
    const line = typeof mark?.line === 'number' ? mark.line : 0;
    const errorSpan = lineSpan(text, contentStart, closeStart, Math.max(0, line - 1)) ?? { start: closeStart, end: closeEnd };
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/^YAMLException: /, '').replace(/:$/, '');
    const lineNumber = lineNumberAt(text, errorSpan.start) + 1;
    diagnostics.push(diagnostic('frontmatter.yaml', errorSpan, detached(`The frontmatter is not valid YAML (line ${lineNumber}): ${reason}`)));
  }
  return { frontmatter, bodyStart, diagnostics };
}

/**
 * The parsed YAML with every string in it replaced by a copy: the parser's strings are cut from
 * the block it was given, which would otherwise stay alive with them. Walked without recursion and
 * each object once, since YAML aliases can make a deep or widely shared structure.
 */
function detachStrings(data: object): object {
  const seen = new Set<object>();
  const pending: object[] = [data];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = detached(item);
      else if (Array.isArray(item) || isPlainObject(item)) pending.push(item);
    }
    // A `__proto__:` key makes the parser set the object's prototype, whose fields then read as the object's.
    const prototype: unknown = Object.getPrototypeOf(value);
    if (isPlainObject(prototype) && prototype !== Object.prototype) pending.push(prototype);
  }
  return data;
}

function isPlainObject(value: unknown): value is object {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** The keys article and actor notes are written with, kept once instead of once per note. */
const COMMON_KEYS = new Map(['title', 'outlet', 'url', 'date', 'author', 'perspective', 'language', 'id', 'name', 'aliases', 'kind', 'role', 'wikidata']
  .map((key) => [key, key]));

/**
 * Top-level keys of the block, with the spans of their values and list items. A key given twice is the last one, as
 * YAML reads it; the ones it overrides are returned apart, to be reported.
 */
function scanFields(text: string, start: number, end: number): { fields: Map<string, FrontmatterField>; overridden: FrontmatterField[] } {
  const fields = new Map<string, FrontmatterField>();
  const overridden: FrontmatterField[] = [];
  let current: FrontmatterField | undefined;
  for (let lineStart = start; lineStart < end; ) {
    const lineEnd = Math.min(lineEndAt(text, lineStart), end);
    const line = text.slice(lineStart, lineEnd);
    const key = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/.exec(line);
    if (key) {
      const valueStart = lineStart + key[0].length;
      const value = trimmedValue(text, valueStart, lineEnd);
      const name = COMMON_KEYS.get(key[1]) ?? detached(key[1]);
      current = { key: name, keySpan: { start: lineStart, end: lineStart + name.length }, valueSpan: value, raw: detached(text.slice(value.start, value.end)) };
      if (text[value.start - 1] === '[' || text.startsWith('[', value.start)) current.items = flowItems(text, valueStart, lineEnd);
      const earlier = fields.get(name);
      if (earlier) overridden.push(earlier);
      fields.set(name, current);
    } else if (current) {
      const item = /^[ \t]+-[ \t]+/.exec(line) ?? /^-[ \t]+/.exec(line);
      if (item) {
        const span = trimmedValue(text, lineStart + item[0].length, lineEnd);
        (current.items ??= []).push({ value: detached(text.slice(span.start, span.end)), span });
      } else if (line.trim() !== '' && !/^[ \t]/.test(line) && !line.startsWith('#')) {
        current = undefined;
      }
    }
    lineStart = nextLineStart(text, lineEnd);
  }
  return { fields, overridden };
}

/** The value between `start` and `end`, without surrounding blanks, a trailing comment or quotes. */
function trimmedValue(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
  if (text[s] !== '"' && text[s] !== "'") {
    const comment = text.slice(s, e).search(/[ \t]#/);
    if (comment >= 0) e = s + comment;
  } else {
    // A quoted value ends at its closing quote: a comment may follow it.
    const close = closingQuote(text, s, e);
    if (close > s) e = close + 1;
  }
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e - s >= 2 && (text[s] === '"' || text[s] === "'") && text[e - 1] === text[s]) {
    s++;
    e--;
  }
  return { start: s, end: e };
}

/** The closing quote of the quoted scalar opening at `open`, skipping `\\"` in double and `''` in single quotes; -1 if none. */
function closingQuote(text: string, open: number, end: number): number {
  const quote = text[open];
  for (let i = open + 1; i < end; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote && quote === "'" && text[i + 1] === "'") i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function flowItems(text: string, start: number, end: number): FrontmatterItem[] {
  // Searched within the line only: a search past it would make a block of such lines quadratic.
  const line = text.slice(start, end);
  const open = line.indexOf('[') + start;
  const close = line.lastIndexOf(']') + start;
  if (open < start || close < open) return [];
  const items: FrontmatterItem[] = [];
  let itemStart = open + 1;
  let quote = '';
  for (let i = open + 1; i <= close; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ',' || i === close) {
      const span = trimmedValue(text, itemStart, i);
      if (span.end > span.start) items.push({ value: detached(text.slice(span.start, span.end)), span });
      itemStart = i + 1;
    }
  }
  return items;
}

function lineSpan(text: string, start: number, end: number, line: number): Span | undefined {
  let lineStart = start;
  for (let i = 0; i < line && lineStart < end; i++) lineStart = nextLineStart(text, lineEndAt(text, lineStart));
  if (lineStart >= end) return undefined;
  return { start: lineStart, end: Math.min(lineEndAt(text, lineStart), end) };
}

function lineNumberAt(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

export function lineEndAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return text.length;
}

export function nextLineStart(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return Math.min(text.length, lineEnd + 1);
}
