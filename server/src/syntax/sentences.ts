import type { ClaimSpan, WikiLink } from './markdown';
import type { Span } from './text';

const MAX_SENTENCE = 400;

function isTerminator(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') return false;
  const next = text[i + 1];
  return next === undefined || /\s/.test(next) || ((next === '"' || next === '\u201d' || next === '\u00bb') && /\s/.test(text[i + 2] ?? ' '));
}

/** The sentence around a span, within its block; long sentences are cut to about 400 characters each side. */
export function sentenceAround(text: string, span: Span, block: Span): Span {
  let start = span.start;
  const minStart = Math.max(block.start, span.start - MAX_SENTENCE);
  while (start > minStart && !isTerminator(text, start - 1) && !isTerminator(text, start - 2)) start--;
  let end = span.end;
  const maxEnd = Math.min(block.end, span.end + MAX_SENTENCE);
  while (end < maxEnd && !isTerminator(text, end - 1)) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Splits a block of prose into sentences. */
export function splitSentences(text: string, block: Span): Span[] {
  const result: Span[] = [];
  let start = block.start;
  for (let i = block.start; i < block.end; i++) {
    if (isTerminator(text, i) || i === block.end - 1 || i - start >= MAX_SENTENCE * 2) {
      let end = i + 1;
      if (text[end] === '"' || text[end] === '\u201d' || text[end] === '\u00bb') end++;
      const trimmed = trim(text, { start, end: Math.min(end, block.end) });
      if (trimmed.end > trimmed.start) result.push(trimmed);
      start = end;
    }
  }
  return result;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

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
