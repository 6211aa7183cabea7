import { diagnostic, type SyntaxFinding } from './diagnostics';
import { lineEndAt, nextLineStart } from './frontmatter';
import { detached, isBlank, type Span } from './text';

export type Stance = 'asserts' | 'reports' | 'disputes';
export const STANCES: readonly Stance[] = ['asserts', 'reports', 'disputes'];
export const CLAIM_ATTRIBUTES = ['claim', 'by', 'stance', 'counter'] as const;
export const SINGLE_SOURCE_CLASS = 'single-source';

export interface WikiLink {
  span: Span;
  /** The target as written, before `|` or `#`. */
  target: string;
  targetSpan: Span;
  label?: string;
  labelSpan?: Span;
}

export interface ClaimAttribute {
  name: string;
  value: string;
  span: Span;
  nameSpan: Span;
  valueSpan: Span;
}

export interface ClaimSpan {
  /** From `[` to the closing `}`. */
  span: Span;
  /** The claimed words, between the brackets. */
  textSpan: Span;
  /** The attribute block, braces included. */
  attributesSpan: Span;
  attributes: ClaimAttribute[];
  classes: string[];
  key?: string;
  keySpan?: Span;
  by?: string;
  bySpan?: Span;
  stance: Stance;
  stanceSpan?: Span;
  counter?: string;
  singleSource: boolean;
  /** False when the span has errors that keep it out of the claim index. */
  valid: boolean;
}

export interface Heading {
  level: number;
  text: string;
  span: Span;
  textSpan: Span;
}

export interface MarkdownBody {
  wikiLinks: WikiLink[];
  claims: ClaimSpan[];
  headings: Heading[];
  /** Paragraphs and heading texts: the units sentences are found in. */
  blocks: Span[];
  /** Stretches of prose where bare aliases count: no code, URLs, link targets, attribute blocks or wiki links. */
  prose: Span[];
  diagnostics: SyntaxFinding[];
}

const CLAIM_KEY = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const URL_LIKE = /^https?:\/\/\S+$/i;

/**
 * Parses a note body in one pass over its lines and one pass over each block's characters.
 * Every search ahead (closing brace, `]]`, `-->`, backtick run) moves a pointer that never
 * goes back, so the work is linear in the input whatever it holds.
 */
export function parseBody(text: string, bodyStart: number): MarkdownBody {
  const body: MarkdownBody = { wikiLinks: [], claims: [], headings: [], blocks: [], prose: [], diagnostics: [] };
  const excluded: Span[] = [];
  const marks = markupStarts(text, bodyStart);
  let fence: { char: string; length: number } | undefined;
  let blockStart = -1;
  let previousLine: Span | undefined;
  let inComment = false;
  const closeBlockComment = new ForwardFinder(text, '-->', text.length);

  const flushBlock = (end: number) => {
    if (blockStart >= 0 && end > blockStart) {
      let blockEnd = end;
      while (blockEnd > blockStart && /\s/.test(text[blockEnd - 1])) blockEnd--;
      body.blocks.push({ start: blockStart, end: blockEnd });
      parseInline(text, blockStart, end, body, excluded, marks);
    }
    blockStart = -1;
  };

  for (let lineStart = bodyStart; lineStart < text.length; ) {
    const lineEnd = lineEndAt(text, lineStart);
    const next = nextLineStart(text, lineEnd);
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 256));
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      excluded.push({ start: lineStart, end: lineEnd });
    } else if (inComment) {
      const close = closeBlockComment.next(lineStart);
      if (close >= 0 && close < lineEnd) {
        inComment = false;
        excluded.push({ start: lineStart, end: close + 3 });
      } else {
        excluded.push({ start: lineStart, end: lineEnd });
      }
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      const heading = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(line);
      const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
        flushBlock(lineStart);
        fence = { char: open[1][0], length: open[1].length };
        excluded.push({ start: lineStart, end: lineEnd });
      } else if (/^ {0,3}<!--/.test(line) && !text.slice(lineStart, lineEnd).includes('-->')) {
        flushBlock(lineStart);
        inComment = true;
        excluded.push({ start: lineStart, end: lineEnd });
      } else if (heading) {
        flushBlock(lineStart);
        const textSpan = headingText(text, lineStart + heading[0].length, lineEnd);
        body.headings.push({ level: heading[1].length, text: detached(text.slice(textSpan.start, textSpan.end)), span: { start: lineStart, end: lineEnd }, textSpan });
        body.blocks.push(textSpan);
        parseInline(text, textSpan.start, textSpan.end, body, excluded, marks);
      } else if (setext && previousLine && blockStart === previousLine.start) {
        const textSpan = headingText(text, previousLine.start, previousLine.end);
        body.headings.push({ level: setext[1][0] === '=' ? 1 : 2, text: detached(text.slice(textSpan.start, textSpan.end)), span: { start: previousLine.start, end: lineEnd }, textSpan });
        flushBlock(lineStart);
        excluded.push({ start: lineStart, end: lineEnd });
      } else if (isBlank(text, lineStart, lineEnd)) {
        flushBlock(lineStart);
      } else if (blockStart < 0) {
        blockStart = lineStart;
      }
    }
    previousLine = { start: lineStart, end: lineEnd };
    if (next <= lineStart) break;
    lineStart = next;
  }
  flushBlock(text.length);
  body.prose = complement(bodyStart, text.length, excluded);
  return body;
}

function headingText(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  // A closing run of #s is not part of the heading text.
  let closing = e;
  while (closing > s && /\s/.test(text[closing - 1])) closing--;
  let hashes = closing;
  while (hashes > s && text[hashes - 1] === '#') hashes--;
  if (hashes < closing && (hashes === s || /\s/.test(text[hashes - 1]))) e = hashes;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Forward-only search for the next occurrence of a needle: amortised linear over a block. */
class ForwardFinder {
  private found = -2;
  constructor(private readonly text: string, private readonly needle: string, private readonly end: number) {}

  next(from: number): number {
    if (this.found === -1) return -1;
    if (this.found >= from) return this.found;
    const index = this.text.indexOf(this.needle, from);
    this.found = index >= 0 && index + this.needle.length <= this.end ? index : -1;
    return this.found;
  }
}

/** Where markup can start: `\\`, `<`, `[`, `]` and URLs. Found in one native scan, so that prose between is skipped. */
function markupStarts(text: string, from: number): number[] {
  const starts: number[] = [];
  const pattern = /[\\<[\]]|https?:\/\/|www\./gi;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) starts.push(match.index);
  return starts;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function parseInline(text: string, start: number, end: number, body: MarkdownBody, excluded: Span[], marks: readonly number[]): void {
  const codeSpans = findCodeSpans(text, start, end);
  let codeIndex = 0;
  let mark = firstAtOrAfter(marks, start);
  const brackets: number[] = [];
  const closeBrace = new ForwardFinder(text, '}', end);
  const closeWiki = new ForwardFinder(text, ']]', end);
  const closeComment = new ForwardFinder(text, '-->', end);
  const closeAngle = new ForwardFinder(text, '>', end);
  const closeParen = new ForwardFinder(text, ')', end);
  const openBrace = new ForwardFinder(text, '{', end);
  let knownLineEnd = -1;
  // The first line end at or after i; i only grows, so the answer is reused until i passes it.
  const lineEndFrom = (i: number) => (knownLineEnd >= i ? knownLineEnd : (knownLineEnd = lineEndAt(text, i)));

  for (let i = start; i < end; i++) {
    // A code span that starts inside a URL or link skipped over is no longer a code span.
    while (codeIndex < codeSpans.length && codeSpans[codeIndex].start < i) codeIndex++;
    if (codeIndex < codeSpans.length && i === codeSpans[codeIndex].start) {
      excluded.push(codeSpans[codeIndex]);
      i = codeSpans[codeIndex].end - 1;
      codeIndex++;
      continue;
    }
    // Plain prose up to the next possible markup or code span is skipped in one step.
    while (mark < marks.length && marks[mark] < i) mark++;
    const next = Math.min(mark < marks.length ? marks[mark] : end, codeIndex < codeSpans.length ? codeSpans[codeIndex].start : end, end);
    if (next > i) {
      i = next - 1;
      continue;
    }
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '<') {
      if (text.startsWith('<!--', i)) {
        const close = closeComment.next(i + 4);
        const stop = close >= 0 ? close + 3 : end;
        excluded.push({ start: i, end: stop });
        i = stop - 1;
      } else if (/^<[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]/.test(text.slice(i, i + 40))) {
        const close = closeAngle.next(i + 1);
        if (close >= 0 && close - i < 2048 && !/[\s<]/.test(text.slice(i + 1, close))) {
          excluded.push({ start: i, end: close + 1 });
          i = close;
        }
      }
    } else if ((ch === 'h' || ch === 'H' || ch === 'w' || ch === 'W') && isUrlStart(text, i)) {
      const stop = urlEnd(text, i, end);
      excluded.push({ start: i, end: stop });
      i = stop - 1;
    } else if (ch === '[') {
      if (text[i + 1] === '[') {
        const link = wikiLinkAt(text, i, closeWiki.next(i + 2), end);
        if (link && text[i - 1] === '!') {
          // `![[map.png]]` embeds a file: neither a mention nor a link to check.
          excluded.push({ start: i - 1, end: link.span.end });
          i = link.span.end - 1;
          continue;
        }
        if (link) {
          body.wikiLinks.push(link);
          excluded.push(link.span);
          i = link.span.end - 1;
          continue;
        }
      }
      brackets.push(i);
    } else if (ch === ']') {
      const open = brackets.pop();
      if (open === undefined) continue;
      if (text[i + 1] === '{') {
        const close = closeBrace.next(i + 2);
        const reopen = openBrace.next(i + 2);
        // An attribute block holds no `{`: when another opens first, this one is never closed.
        const reopened = close >= 0 && reopen >= 0 && reopen < close;
        if (close < 0 || reopened) {
          const lineEnd = lineEndFrom(i);
          if (looksLikeClaimAttributes(text.slice(i + 2, Math.min(lineEnd, i + 200, reopened ? reopen : lineEnd)))) {
            body.diagnostics.push(diagnostic('claim.malformed', { start: open, end: lineEnd },
              'This claim\'s attribute block is never closed with `}`.'));
            excluded.push({ start: i + 1, end: lineEnd });
            i = lineEnd - 1;
          }
          continue;
        }
        const claim = parseClaim(text, open, i, close, body.diagnostics);
        if (claim) {
          body.claims.push(claim);
          excluded.push(claim.attributesSpan);
          i = close;
        }
      } else if (text[i + 1] === '(') {
        const close = closeParen.next(i + 2);
        if (close >= 0) {
          excluded.push({ start: i + 1, end: close + 1 });
          i = close;
        }
      }
    }
  }
}

function isUrlStart(text: string, i: number): boolean {
  // "http" needs a t, "www." a w next: most h's and w's in prose are rejected without making a string.
  const next = text.charCodeAt(i + 1) | 0x20;
  if (next !== 0x74 && next !== 0x77) return false;
  const head = text.slice(i, i + 8).toLowerCase();
  if (!head.startsWith('http://') && !head.startsWith('https://') && !head.startsWith('www.')) return false;
  const before = i > 0 ? text[i - 1] : ' ';
  return !/[\p{L}\p{N}]/u.test(before);
}

function urlEnd(text: string, start: number, end: number): number {
  let stop = start;
  while (stop < end && !/[\s<>]/.test(text[stop])) stop++;
  while (stop > start && /[.,;:!?'"\])}*_]/.test(text[stop - 1])) stop--;
  return stop;
}

function wikiLinkAt(text: string, open: number, close: number, end: number): WikiLink | undefined {
  if (close < 0 || close > end) return undefined;
  const inner = text.slice(open + 2, close);
  if (inner.length === 0 || inner.length > 300 || /[[\]\n\r]/.test(inner)) return undefined;
  const pipe = inner.indexOf('|');
  // In a table the pipe is written `\|`; its backslash is not part of the target.
  const targetPart = (pipe >= 0 ? inner.slice(0, pipe) : inner).replace(/\\$/, '');
  const hash = targetPart.indexOf('#');
  const targetRaw = hash >= 0 ? targetPart.slice(0, hash) : targetPart;
  const leading = targetRaw.length - targetRaw.trimStart().length;
  const target = targetRaw.trim();
  if (target === '') return undefined;
  const targetStart = open + 2 + leading;
  const link: WikiLink = { span: { start: open, end: close + 2 }, target: detached(target), targetSpan: { start: targetStart, end: targetStart + target.length } };
  if (pipe >= 0) {
    const labelRaw = inner.slice(pipe + 1);
    const label = labelRaw.trim();
    const labelStart = open + 2 + pipe + 1 + (labelRaw.length - labelRaw.trimStart().length);
    link.label = detached(label);
    link.labelSpan = { start: labelStart, end: labelStart + label.length };
  }
  return link;
}

function looksLikeClaimAttributes(head: string): boolean {
  return /(^|\s)(claim|by|stance|counter)=|\.single-source/.test(head);
}

/** Parses `[text]{attributes}`; returns undefined when the attributes are not Counterpoint's (another Pandoc span). */
function parseClaim(text: string, open: number, closeBracket: number, closeBrace: number, diagnostics: SyntaxFinding[]): ClaimSpan | undefined {
  const attributesSpan = { start: closeBracket + 1, end: closeBrace + 1 };
  const { attributes, classes, errors } = parseAttributes(text, closeBracket + 2, closeBrace);
  // A claim attribute the parse gave up on (an unclosed quote) still makes it a claim, to be reported.
  const isClaim = attributes.some((a) => (CLAIM_ATTRIBUTES as readonly string[]).includes(a.name)) || classes.includes(SINGLE_SOURCE_CLASS)
    || (errors.length > 0 && looksLikeClaimAttributes(text.slice(closeBracket + 2, closeBrace)));
  if (!isClaim) return undefined;

  const span = { start: open, end: closeBrace + 1 };
  const claim: ClaimSpan = {
    span,
    textSpan: { start: open + 1, end: closeBracket },
    attributesSpan,
    attributes,
    classes,
    stance: 'asserts',
    singleSource: classes.includes(SINGLE_SOURCE_CLASS),
    valid: true,
  };
  for (const error of errors) {
    diagnostics.push(diagnostic('claim.malformed', error.span, error.message));
    claim.valid = false;
  }
  const seen = new Set<string>();
  for (const attribute of attributes) {
    if (seen.has(attribute.name)) {
      diagnostics.push(diagnostic('claim.malformed', attribute.span, detached(`\`${attribute.name}\` is given twice; the first one counts.`)));
      continue;
    }
    seen.add(attribute.name);
    switch (attribute.name) {
      case 'claim':
        if (!CLAIM_KEY.test(attribute.value)) {
          diagnostics.push(diagnostic('claim.invalid-key', attribute.valueSpan.end > attribute.valueSpan.start ? attribute.valueSpan : attribute.span,
            attribute.value === '' ? 'The claim key is empty.' : detached(`\`${attribute.value}\` is not a valid claim key: use letters, digits, \`-\`, \`_\` and \`.\`, starting with a letter or digit.`)));
          claim.valid = false;
        } else {
          claim.key = attribute.value;
          claim.keySpan = attribute.valueSpan;
        }
        break;
      case 'by':
        if (attribute.value.trim() === '') {
          diagnostics.push(diagnostic('claim.malformed', attribute.span, '`by=` needs the claimant\'s actor id.'));
        } else {
          claim.by = attribute.value;
          claim.bySpan = attribute.valueSpan;
        }
        break;
      case 'stance':
        if ((STANCES as readonly string[]).includes(attribute.value)) {
          claim.stance = attribute.value as Stance;
          claim.stanceSpan = attribute.valueSpan;
        } else {
          // A mistyped stance would silently count as `asserts` and change the counter-source result.
          claim.valid = false;
          diagnostics.push(diagnostic('claim.invalid-stance', attribute.valueSpan.end > attribute.valueSpan.start ? attribute.valueSpan : attribute.span,
            detached(`\`${attribute.value}\` is not a stance: use asserts, reports or disputes.`)));
        }
        break;
      case 'counter':
        if (URL_LIKE.test(attribute.value)) claim.counter = attribute.value;
        else diagnostics.push(diagnostic('claim.malformed', attribute.span, '`counter=` must be the URL (http or https) of a counter-source.'));
        break;
      default:
        diagnostics.push(diagnostic('claim.unknown-attribute', attribute.nameSpan,
          detached(`\`${attribute.name}\` is not a claim attribute (claim, by, stance, counter); it is ignored.`)));
    }
  }
  if (!seen.has('claim') && errors.length === 0) {
    diagnostics.push(diagnostic('claim.missing-key', attributesSpan, 'This claim has no `claim=` key, so it cannot be matched across sources.'));
    claim.valid = false;
  }
  if (isBlank(text, claim.textSpan.start, claim.textSpan.end)) {
    diagnostics.push(diagnostic('claim.empty', span, 'This claim has no text between its brackets.'));
  }
  return claim;
}

interface AttributeParse {
  attributes: ClaimAttribute[];
  classes: string[];
  errors: { span: Span; message: string }[];
}

/** Shared by the many claims without classes or attribute errors; never written to. */
const NONE: never[] = Object.freeze([]) as never[];

/** The list with the item added; a new list when it was the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

/** The names and values a claim is mostly written with, kept once instead of once per claim. */
const COMMON_WORDS = new Map<string, string>([...CLAIM_ATTRIBUTES, ...STANCES, SINGLE_SOURCE_CLASS].map((word) => [word, word]));

/** Text cut from the note, as a string that does not keep the note's text alive. */
function kept(text: string, start: number, end: number): string {
  const cut = text.slice(start, end);
  return COMMON_WORDS.get(cut) ?? detached(cut);
}

/** The attributes of a claim, parsed again from its attribute block (`{…}`, braces included) in the note's text. */
export function claimAttributesIn(text: string, attributesSpan: Span): ClaimAttribute[] {
  return parseAttributes(text, attributesSpan.start + 1, attributesSpan.end - 1).attributes;
}

/** Pandoc attributes: `key=value`, `key="quoted value"`, `.class`, `#id`, separated by blanks. */
function parseAttributes(text: string, start: number, end: number): AttributeParse {
  const result: AttributeParse = { attributes: [], classes: NONE, errors: NONE };
  let i = start;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    if (i >= end) break;
    const tokenStart = i;
    if (text[i] === '.' || text[i] === '#') {
      while (i < end && !/\s/.test(text[i])) i++;
      if (text[tokenStart] === '.') result.classes = append(result.classes, kept(text, tokenStart + 1, i));
      continue;
    }
    while (i < end && !/[\s=]/.test(text[i])) i++;
    const nameSpan = { start: tokenStart, end: i };
    const name = kept(text, tokenStart, i);
    if (text[i] !== '=') {
      result.errors = append(result.errors, { span: nameSpan, message: detached(`\`${name}\` is not an attribute: write \`name=value\`.`) });
      continue;
    }
    i++;
    let valueSpan: Span;
    if (text[i] === '"' || text[i] === "'") {
      const quote = text[i];
      const close = text.indexOf(quote, i + 1);
      if (close < 0 || close >= end) {
        result.errors = append(result.errors, { span: { start: tokenStart, end }, message: detached(`The quoted value of \`${name}\` is never closed.`) });
        break;
      }
      valueSpan = { start: i + 1, end: close };
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < end && !/\s/.test(text[i])) i++;
      valueSpan = { start: valueStart, end: i };
    }
    result.attributes.push({ name, value: kept(text, valueSpan.start, valueSpan.end), span: { start: tokenStart, end: i }, nameSpan, valueSpan });
  }
  return result;
}

/** Backtick code spans, matched as CommonMark does (a run closes on the next run of the same length), in linear time. */
function findCodeSpans(text: string, start: number, end: number): Span[] {
  const runs: { start: number; length: number }[] = [];
  for (let i = start; i < end; i++) {
    if (text[i] === '\\' && text[i + 1] === '`') {
      i++;
      continue;
    }
    if (text[i] !== '`') continue;
    let j = i;
    while (j < end && text[j] === '`') j++;
    runs.push({ start: i, length: j - i });
    i = j - 1;
  }
  if (runs.length < 2) return [];
  const nextSameLength = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSameLength[r] = lastByLength.get(runs[r].length) ?? -1;
    lastByLength.set(runs[r].length, r);
  }
  const spans: Span[] = [];
  for (let r = 0; r < runs.length; ) {
    const close = nextSameLength[r];
    if (close < 0) {
      r++;
      continue;
    }
    spans.push({ start: runs[r].start, end: runs[close].start + runs[close].length });
    r = close + 1;
  }
  return spans;
}

/** The parts of [start, end) not covered by any of the spans. */
function complement(start: number, end: number, spans: Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const result: Span[] = [];
  let cursor = start;
  for (const span of sorted) {
    if (span.start > cursor) result.push({ start: cursor, end: span.start });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < end) result.push({ start: cursor, end });
  return result;
}
