// Ranking sentences by how much they are about the same thing as a claim: TF-IDF cosine over
// lowercased, stop-word-free, lightly stemmed terms, where actor mentions are one term per actor.
import type { Span } from '../syntax/text';

/** A stretch of text that counts as fixed terms instead of its words, e.g. an actor mention as `@tokayev`. */
export interface TermReplacement {
  span: Span;
  terms: string[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

// Function words, plus the reporting verbs every news sentence has.
export const STOP_WORDS: ReadonlySet<string> = new Set(`
a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each even few for from further had has have having he her here hers herself him himself
his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own same she should so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves
also may might must shall us upon via per since yet whether though although however therefore thus still already ever never
one two three many much several another every its s t don didn doesn won wouldn isn aren wasn weren
said says say saying told tell tells according stated noted added reported reports asked
mr mrs ms dr
`.trim().split(/\s+/));

const SUFFIXES: readonly [string, string][] = [
  ['ations', ''],
  ['ation', ''],
  ['nesses', ''],
  ['ness', ''],
  ['ingly', ''],
  ['ings', ''],
  ['ing', ''],
  ['edly', ''],
  ['ies', 'y'],
  ['ied', 'y'],
  ['ed', ''],
  ['es', ''],
  ['ly', ''],
  ['s', ''],
];

/**
 * A light English stemmer: British and American -ise/-ize spellings folded, one common
 * suffix stripped, a final e dropped, so "recognises", "recognized" and "recognise" meet.
 * Words that are not plain Latin letters are left as they are.
 */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let w = word.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  for (const [suffix, replacement] of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    if (suffix === 's' && /(ss|us|is)$/.test(w)) break;
    const base = w.slice(0, w.length - suffix.length) + replacement;
    if (base.length < 3) continue;
    w = base;
    break;
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lowercased, diacritics stripped (NFD), so "Tokaev" and "TOKAEV", "Kazakhstán" and "Kazakhstan" meet. */
export function foldWord(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

// Word -> term (null for a stop word); news vocabularies are small, so this stays small, and is capped anyway.
const termOfWord = new Map<string, string | null>();
const MAX_CACHED_WORDS = 100_000;

function termOf(raw: string): string | null {
  let term = termOfWord.get(raw);
  if (term !== undefined) return term;
  const word = foldWord(raw);
  term = word.length < 2 || STOP_WORDS.has(word) ? null : stem(word);
  if (termOfWord.size >= MAX_CACHED_WORDS) termOfWord.clear();
  termOfWord.set(raw, term);
  return term;
}

export function wordTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term !== null) terms.push(term);
  }
  return terms;
}

/**
 * The terms of a span of text: its words, except where a replacement covers them
 * (an actor mention, a link), which contributes its own terms instead; skipped spans
 * (annotation markup) contribute nothing.
 */
export function termsOf(text: string, span: Span, replacements: readonly TermReplacement[], skipped: readonly Span[] = []): string[] {
  return termsOfSorted(text, span, sortedCuts(replacements, skipped));
}

/** Replacements and skipped spans as one list in text order, for `termsOfSorted`. */
export function sortedCuts(replacements: readonly TermReplacement[], skipped: readonly Span[]): TermReplacement[] {
  return [...replacements, ...skipped.map((span) => ({ span, terms: [] as string[] }))]
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

/** `termsOf` with the cuts already sorted (by `sortedCuts`); only those inside the span apply. */
export function termsOfSorted(text: string, span: Span, cuts: readonly TermReplacement[]): string[] {
  const terms: string[] = [];
  let cursor = span.start;
  let first = 0;
  for (let high = cuts.length; first < high; ) {
    const mid = (first + high) >> 1;
    if (cuts[mid].span.start < span.start) first = mid + 1;
    else high = mid;
  }
  for (let i = first; i < cuts.length && cuts[i].span.start < span.end; i++) {
    const cut = cuts[i];
    if (cut.span.end > span.end || cut.span.start < cursor) continue;
    terms.push(...wordTerms(text.slice(cursor, cut.span.start)), ...cut.terms);
    cursor = cut.span.end;
  }
  terms.push(...wordTerms(text.slice(cursor, span.end)));
  return terms;
}

export interface Similarity {
  /** Cosine of the TF-IDF vectors, 0 to 1. */
  score: number;
  /** How many distinct query terms the candidate contains. */
  shared: number;
}

/**
 * Document frequencies over a collection of term lists (sentences). The idf is the
 * probabilistic one of BM25, ln(1 + (N - df + 0.5) / (df + 0.5)): terms that nearly every
 * sentence has (the country every article is about) weigh almost nothing.
 */
export class TermStatistics {
  private readonly df = new Map<string, number>();
  private count = 0;

  add(terms: readonly string[]): void {
    this.count++;
    for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  vector(terms: readonly string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [term, count] of tf) vector.set(term, (1 + Math.log(count)) * this.idf(term));
    return vector;
  }

  /** The candidate's similarity to a query vector; a candidate sharing fewer than `minShared` terms scores 0 without being weighed. */
  similarity(query: Map<string, number>, candidate: readonly string[], minShared = 1): Similarity {
    const shared = new Set(candidate.filter((term) => query.has(term))).size;
    if (shared === 0 || shared < minShared) return { score: 0, shared };
    const vector = this.vector(candidate);
    let dot = 0;
    for (const [term, weight] of query) {
      const other = vector.get(term);
      if (other !== undefined) dot += weight * other;
    }
    const norm = Math.sqrt(sumOfSquares(query)) * Math.sqrt(sumOfSquares(vector));
    return { score: norm === 0 ? 0 : dot / norm, shared };
  }
}

function sumOfSquares(vector: Map<string, number>): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return sum;
}
