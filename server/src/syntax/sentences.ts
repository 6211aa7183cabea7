// The one sentence splitter: Unicode sentence boundaries (Intl.Segmenter, the ICU rules: decimals, quotation marks
// after a full stop, lower-case continuations, any script), less the boundaries ICU puts after an abbreviation or an
// initial (St. Petersburg, Aug. 5, R. Kadyrov, В. Путин), plus a boundary between a headline line and the sentence
// after it. Compared with the hand-written splitter and the sentence-splitter package in bench/claim-matching/README.md.
import type { ClaimSpan, WikiLink } from './markdown';
import type { Span } from './text';

/**
 * The words of a stretch of a note as a reader sees them: wiki links by their label,
 * claim brackets and attribute blocks removed, blanks folded.
 */
export function plainText(text: string, span: Span, wikiLinks: readonly WikiLink[], claims: readonly ClaimSpan[]): string {
  const cuts: { start: number; end: number; replacement: string }[] = [];
  for (const link of wikiLinks) {
    if (link.span.start >= span.start && link.span.end <= span.end) {
      cuts.push({ start: link.span.start, end: link.span.end, replacement: link.label ?? link.target });
    }
  }
  for (const claim of claims) {
    if (claim.span.start >= span.start && claim.span.start < span.end) cuts.push({ start: claim.span.start, end: claim.span.start + 1, replacement: '' });
    if (claim.textSpan.end >= span.start && claim.span.end <= span.end) cuts.push({ start: claim.textSpan.end, end: claim.span.end, replacement: '' });
  }
  cuts.sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = span.start;
  for (const cut of cuts) {
    if (cut.start < cursor) continue;
    result += text.slice(cursor, cut.start) + cut.replacement;
    cursor = cut.end;
  }
  result += text.slice(cursor, span.end);
  return result.replace(/\s+/g, ' ').trim();
}

const LIST_ITEM = /^[ \t]*(?:>[ \t]?|[-*+\u2022][ \t]+|\d{1,9}[.)][ \t]+)+/;

/** A sentence that runs over list items or quote lines is cut at each item, without its marker. */
export function splitAtListItems(text: string, span: Span): Span[] {
  const parts: Span[] = [];
  let start = span.start;
  const push = (from: number, to: number) => {
    const marker = LIST_ITEM.exec(text.slice(from, Math.min(to, from + 64)));
    let s = from + (marker ? marker[0].length : 0);
    let e = to;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) parts.push({ start: s, end: e });
  };
  for (let i = span.start; i < span.end; i++) {
    if (text[i] !== '\n' && text[i] !== '\r') continue;
    const next = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
    if (LIST_ITEM.test(text.slice(next, Math.min(span.end, next + 16)))) {
      push(start, i);
      start = next;
    }
    i = next - 1;
  }
  push(start, span.end);
  return parts;
}


/** A sentence longer than this is cut, so that no excerpt, title or ranking works on a whole runaway paragraph. */
const MAX_SENTENCE = 800;
/** How far around a span `sentenceAround` looks: the sentence is cut at 400 characters each side anyway. */
const AROUND_WINDOW = 1200;
const AROUND_MAX = 400;

/**
 * Words that end with a full stop without ending a sentence, lower-cased, without the stop. English titles, months
 * and common shortenings; Russian ones (г. for год and город, ул., им., тыс., млн); single letters are initials.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'maj', 'capt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'pres', 'amb',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'jr', 'sr', 'messrs', 'hon', 'no', 'nos', 'vol', 'vs', 'approx', 'dept', 'corp', 'inc',
  'ltd', 'co', 'est', 'fig', 'ave', 'blvd', 'e.g', 'i.e', 'cf', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'г', 'гг', 'ул', 'им', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'ст', 'ген', 'проф', 'см', 'т.е', 'т.н', 'т.к', 'напр',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits a block of prose (a paragraph or a heading's text) into sentences, trimmed, in order. */
export function splitSentences(text: string, block: Span): Span[] {
  const result: Span[] = [];
  for (const line of headlineParts(text, block)) splitPart(text, line, result);
  return result;
}

/** The sentence around a span, within its block; a long sentence is cut to about 400 characters each side of the span. */
export function sentenceAround(text: string, span: Span, block: Span): Span {
  const window = { start: Math.max(block.start, span.start - AROUND_WINDOW), end: Math.min(block.end, span.end + AROUND_WINDOW) };
  let start = span.start;
  let end = span.end;
  for (const sentence of splitSentences(text, window)) {
    const holds = span.start === span.end ? sentence.start <= span.start && span.start <= sentence.end : sentence.end > span.start && sentence.start < span.end;
    if (!holds) continue;
    start = Math.min(start, sentence.start);
    end = Math.max(end, sentence.end);
  }
  return trim(text, { start: Math.max(start, span.start - AROUND_MAX), end: Math.min(end, span.end + AROUND_MAX) });
}

function splitPart(text: string, part: Span, out: Span[]): void {
  // ICU breaks after every line break; inside a paragraph a line break is a blank, of the same length.
  const flat = text.slice(part.start, part.end).replace(/[\r\n\u2028\u2029]/g, ' ');
  let start = 0;
  for (const { index, segment } of segmenter.segment(flat)) {
    const end = index + segment.length;
    // A boundary with no blank before it cuts a token, not a sentence: markdown's ![image](…), a link after "?".
    if (end < flat.length && (!/\s/.test(flat[end - 1]) || endsWithAbbreviation(flat, start, end) || attributionFollows(flat, start, end))) continue;
    pushCut(text, part.start + start, part.start + end, out);
    start = end;
  }
  if (start < flat.length) pushCut(text, part.start + start, part.end, out);
}

/** Pushes a sentence, cut into pieces of MAX_SENTENCE characters where it runs on. */
function pushCut(text: string, start: number, end: number, out: Span[]): void {
  for (let from = start; from < end; from += MAX_SENTENCE) {
    const piece = trim(text, { start: from, end: Math.min(end, from + MAX_SENTENCE) });
    if (piece.end > piece.start) out.push(piece);
  }
}

/** Whether the segment [start, end) ends with an abbreviation or an initial and its full stop, then blanks. */
function endsWithAbbreviation(flat: string, start: number, end: number): boolean {
  let stop = end;
  while (stop > start && /\s/.test(flat[stop - 1])) stop--;
  if (flat[stop - 1] !== '.') return false;
  let wordStart = stop - 1;
  // The word before the stop, with inner full stops (U.S., e.g., т.е.); at most a dozen characters back.
  while (wordStart > start && wordStart > stop - 13 && /[\p{L}.]/u.test(flat[wordStart - 1])) wordStart--;
  const word = flat.slice(wordStart, stop - 1);
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: R. Kadyrov
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) && /^\p{Lu}/u.test(word)) return !nextStartsSentenceWord(flat, end); // U.S. or N.A.T.O.
  return ABBREVIATIONS.has(word.toLowerCase());
}

const SPEECH_VERB = /\b(?:said|says|added|told|stressed|noted|asked|wrote|insisted|replied|заявил|заявила|сказал|сказала|добавил|добавила|отметил|отметила|подчеркнул|подчеркнула)\b/u;

/** A quotation closed after ! or ? and followed by its attribution ("Welcome!” Putin said.) is one sentence with it. */
function attributionFollows(flat: string, start: number, end: number): boolean {
  const before = flat.slice(Math.max(start, end - 4), end).trimEnd();
  if (!/[!?][”"»’]$/u.test(before)) return false;
  const next = /^\s*[^.!?]{0,60}[.!?]/u.exec(flat.slice(end, end + 64))?.[0] ?? '';
  return next !== '' && SPEECH_VERB.test(next);
}

/** After "U.S." a capitalised function word (The, He, It) starts a new sentence; a name (Senate, Embassy) does not. */
function nextStartsSentenceWord(flat: string, from: number): boolean {
  const next = /^\s*(\p{L}+)/u.exec(flat.slice(from, from + 20))?.[1] ?? '';
  return /^(?:The|A|An|He|She|It|They|We|I|This|That|These|Those|In|On|At|But|And|However|Meanwhile)$/.test(next);
}

/**
 * A block cut where a headline line ends: a line with no closing punctuation, which a sentence starts, followed by a
 * line that starts with a capital or a quotation mark. A wrapped line ends with punctuation, a lower-case function
 * word, or in the middle of a sentence, so it is not cut.
 */
function headlineParts(text: string, block: Span): Span[] {
  const parts: Span[] = [];
  let partStart = block.start;
  let lineStart = block.start;
  let startsSentence = true;
  for (let i = block.start; i < block.end; i++) {
    if (text[i] !== '\n') continue;
    const line = text.slice(lineStart, i).trim();
    const next = text.slice(i + 1, Math.min(block.end, i + 8)).trimStart();
    if (startsSentence && line.length > 0 && line.length <= 200 && isHeadlineEnd(line) && /^[\p{Lu}"“«„'‘]/u.test(next)) {
      parts.push({ start: partStart, end: i });
      partStart = i + 1;
    }
    startsSentence = line.length === 0 || /[.!?…]["”»’)]?$/u.test(line) || partStart === i + 1;
    lineStart = i + 1;
  }
  parts.push({ start: partStart, end: block.end });
  return parts;
}

function isHeadlineEnd(line: string): boolean {
  if (/[.!?…,;:–—\-"”»)]$/u.test(line)) return false;
  const last = lastWord(line);
  // A line ending in a lower-case short word (the, of, в, и) is a wrapped sentence.
  return last !== undefined && !(last.length <= 3 && last === last.toLowerCase());
}

/** The letters at the very end of a line (scanned backwards: a regular expression anchored at the end would retry from every position). */
function lastWord(line: string): string | undefined {
  let start = line.length;
  while (start > 0 && /\p{L}/u.test(line[start - 1])) start--;
  return start < line.length ? line.slice(start) : undefined;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
