// The counter-source finder: for a claim, the sentences of other outlets' articles that state, confirm, deny or
// qualify the same proposition, best first, each with the stance it takes and its speaker. A hybrid ranking, as the
// fact-checking field's claim retrieval does it: BM25 over language-aware terms (finderTerms.ts), plus shared actors,
// shared numbers and dates, shared proper nouns after transliteration, the article's own relevance, and the stance cues,
// combined with weights fitted on the benchmark's train split (fittedWeights.ts, bench/claim-matching/fit.ts).
import { derivation } from '../model/derived';
import type { Workspace, Cancellation } from '../model/workspace';
import type { Mention } from '../model/mentionTable';
import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { splitAtListItems, splitSentences } from '../syntax/sentences';
import type { Span } from '../syntax/text';
import { ACTOR_PREFIX, NUMBER_PREFIX, TermAnalyzer, languageOf } from './finderTerms';
import { FITTED_WEIGHTS } from './fittedWeights';
import { candidateStance, stanceCues, type CueStance, type StanceCues } from './stanceCues';

/** The features a candidate is scored by, in the order of a weight vector. */
export const FEATURES = ['bm25', 'actors', 'numbers', 'propers', 'article', 'disputes', 'qualifies'] as const;
export type FeatureName = (typeof FEATURES)[number];
/**
 * Bonuses of the first places (MAX_DIVERSE) for a candidate that brings what those above it lack: a language, or a
 * stance (a denial or a qualification among sentences that agree). The quick fix offers three sentences; three in one
 * language and one sense would hide the other side.
 */
export const DIVERSITY = ['newLanguage', 'newStance'] as const;
export type DiversityName = (typeof DIVERSITY)[number];
export type Weights = Readonly<Record<FeatureName | DiversityName, number>>;
/** How many first places the diversity bonuses decide. */
const MAX_DIVERSE = 3;
/** How far down the list a diversity bonus may reach for a candidate. */
const MAX_DIVERSITY_LOOKAHEAD = 50;
/** How many candidates a quick fix builds and ranks: what the diversity bonuses look through. */
export const QUICK_FIX_KEEP = MAX_DIVERSITY_LOOKAHEAD;

const K1 = 1.2;
const B = 0.75;
/** Proper nouns as terms of their own kind, beside the words. */
const PROPER_PREFIX = '~';
/** The baseline's terms: words as written, lower-cased, English stop words dropped, nothing else. */
const PLAIN_PREFIX = '=';

export interface FinderSentence {
  span: Span;
  /** What a claim span would wrap (the sentence without its final full stop); undefined when it cannot be wrapped. */
  wrap?: Span;
  heading: boolean;
  question: boolean;
  /** How many BM25 terms the sentence has (its length for BM25), and how many baseline terms. */
  length: number;
  plainLength: number;
  actors: readonly string[];
  cues: StanceCues;
  /** The actors mentioned in it, by where: for the speaker. */
  mentions: readonly { actorId: string; start: number }[];
}

/** A note's sentences and their terms, computed once per parse (and per resolution of its mentions). */
export interface NoteAnalysis {
  language: string;
  sentences: FinderSentence[];
  /**
   * Per key (a term, `@actor`, `#number`, `~proper`, `=plain word`), the sentences holding it as pairs: sentence index,
   * then how often it holds the key.
   */
  postings: Map<string, number[]>;
  /** The sum of the sentences' BM25 lengths, and of their baseline lengths. */
  totalLength: number;
  totalPlain: number;
  /** Per claim of the note (by index), its query: what key suggestion compares a sentence with. */
  claimQueries: Map<ClaimSpan, FinderQuery>;
}

/** What candidates are compared with: a claim's text, or a sentence to annotate. */
export interface FinderQuery {
  language: string;
  terms: readonly string[];
  plain: readonly string[];
  actors: readonly string[];
  numbers: readonly string[];
  propers: readonly string[];
  cues: StanceCues;
}

export interface CandidateFeatures {
  note: Note;
  /** The language of the candidate's note. */
  language: string;
  sentence: FinderSentence;
  index: number;
  values: Record<FeatureName, number>;
  /** The plain BM25 score of the baseline. */
  baseline: number;
  stance?: CueStance;
}

export interface RankedCandidate extends CandidateFeatures {
  score: number;
}

export interface PoolOptions {
  /** Notes not to take candidates from (the claim's own outlet, the note itself). */
  exclude: (note: Note) => boolean;
  token?: Cancellation;
  /** At most this many articles are ranked, those sharing the most actors with the query first. */
  maxArticles?: number;
}

/** How many articles a quick fix ranks at most: a bound on its time in a workspace of thousands, not a filter. */
export const MAX_POOL_ARTICLES = 300;
/** Articles kept beyond the bound, for those a request excludes (the claim's own outlet). */
const POOL_MARGIN = 100;
/** Pools kept for the claims asked about last. */
const MAX_CACHED_POOLS = 32;

/**
 * Ranks sentences for claims and keys for sentences. Holds the term analyzer and a cache of note analyses, keyed by
 * the parsed note (a changed note is a new object) and its mentions (re-resolved when the actor registry changes).
 */
export class CounterSourceFinder {
  readonly analyzer = new TermAnalyzer();
  /** Per parsed note (a changed note is a new object), its analysis and the registry generation its mentions are of. */
  private readonly analyses = new WeakMap<Note, { generation: number; analysis: NoteAnalysis }>();
  /** Article URIs by shared actors, per query actors and the state of their mentions (see articlesBySharedActors). */
  private readonly pools = new Map<string, readonly string[]>();

  constructor(private readonly weights: Weights = FITTED_WEIGHTS) {}

  analyse(workspace: Workspace, note: Note): NoteAnalysis {
    const generation = workspace.registryGeneration;
    const cached = this.analyses.get(note);
    if (cached && cached.generation === generation) return cached.analysis;
    const analysis = analyseNote(this.analyzer, note, workspace.mentionsIn(note.uri));
    this.analyses.set(note, { generation, analysis });
    return analysis;
  }

  /** The query of a claim: its words, actors, numbers and names, and its claimant. */
  claimQuery(workspace: Workspace, note: Note, claim: ClaimSpan): FinderQuery {
    const analysis = this.analyse(workspace, note);
    const query = analysis.claimQueries.get(claim);
    if (query) return query;
    return spanQuery(this.analyzer, note, workspace.mentionsIn(note.uri), claim.textSpan, analysis.language);
  }

  /** The query of any stretch of a note (a sentence being annotated). */
  spanQuery(workspace: Workspace, note: Note, span: Span): FinderQuery {
    return spanQuery(this.analyzer, note, workspace.mentionsIn(note.uri), span, this.analyse(workspace, note).language);
  }

  /**
   * Every sentence of the pool that shares anything with the query, with its feature values (with `keep`, only that
   * many, the best by the finder's weights); undefined when cancelled. Headings, questions and sentences that cannot
   * be wrapped are left out.
   */
  candidates(workspace: Workspace, query: FinderQuery, pool: readonly Note[], token?: Cancellation, keep?: number): CandidateFeatures[] | undefined {
    const keys = queryKeys(query);
    const analyses: { note: Note; analysis: NoteAnalysis }[] = [];
    let sentenceCount = 0;
    let totalLength = 0;
    let totalPlain = 0;
    const df = new Map<string, number>();
    for (const note of pool) {
      if (token?.isCancellationRequested) return undefined;
      const analysis = this.analyse(workspace, note);
      analyses.push({ note, analysis });
      sentenceCount += analysis.sentences.length;
      totalLength += analysis.totalLength;
      totalPlain += analysis.totalPlain;
      for (const key of keys) {
        const postings = analysis.postings.get(key);
        if (postings) df.set(key, (df.get(key) ?? 0) + postings.length / 2);
      }
    }
    if (sentenceCount === 0) return [];
    const idf = (key: string) => {
      const n = df.get(key) ?? 0;
      return Math.log(1 + (sentenceCount - n + 0.5) / (n + 0.5));
    };
    const averageLength = Math.max(1, totalLength / sentenceCount);
    const averagePlain = Math.max(1, totalPlain / sentenceCount);
    const queryTerms = new Set(query.terms);
    const queryPlain = new Set(query.plain.map((w) => PLAIN_PREFIX + w));
    const queryActors = new Set(query.actors);
    const queryNumbers = new Set(query.numbers);
    const queryPropers = new Set(query.propers.map((p) => PROPER_PREFIX + p));

    // Each key's part, worked out once: what kind of key it is and its idf.
    const parts = [...keys].map((key) => ({
      key,
      idf: idf(key),
      term: queryTerms.has(key),
      plain: queryPlain.has(key),
      actor: queryActors.has(key),
      number: queryNumbers.has(key),
      proper: queryPropers.has(key),
    }));
    // First pass: the raw values of every sentence that shares a key with the query.
    type Found = { note: Note; analysis: NoteAnalysis; index: number; bm25: number; baseline: number; actors: number; numbers: number; propers: number };
    const found: Found[] = [];
    let maxBm25 = 0;
    const articleBest = new Map<Note, number>();
    for (const { note, analysis } of analyses) {
      if (token?.isCancellationRequested) return undefined;
      const touched = new Map<number, Found>();
      let best = 0;
      for (const part of parts) {
        const postings = analysis.postings.get(part.key);
        if (!postings) continue;
        for (let i = 0; i < postings.length; i += 2) {
          const index = postings[i];
          const tf = postings[i + 1];
          let entry = touched.get(index);
          if (!entry) touched.set(index, (entry = { note, analysis, index, bm25: 0, baseline: 0, actors: 0, numbers: 0, propers: 0 }));
          const sentence = analysis.sentences[index];
          if (part.term) entry.bm25 += part.idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * sentence.length) / averageLength)));
          if (part.plain) entry.baseline += part.idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * sentence.plainLength) / averagePlain)));
          if (part.actor) entry.actors++;
          if (part.number) entry.numbers++;
          if (part.proper) entry.propers++;
        }
      }
      for (const entry of touched.values()) {
        best = Math.max(best, entry.bm25);
        const sentence = analysis.sentences[entry.index];
        if (sentence.heading || sentence.question || !sentence.wrap) continue;
        found.push(entry);
      }
      maxBm25 = Math.max(maxBm25, best);
      articleBest.set(note, best);
    }
    // Second pass: BM25 and the article's best BM25 on the scale of the query's best sentence, so that weights compare
    // across queries; with `keep`, only the best by the weights become candidates.
    const valuesOf = (entry: (typeof found)[number], stance: CueStance | undefined): Record<FeatureName, number> => ({
      bm25: maxBm25 > 0 ? entry.bm25 / maxBm25 : 0,
      actors: queryActors.size > 0 ? entry.actors / queryActors.size : 0,
      numbers: queryNumbers.size > 0 ? entry.numbers / queryNumbers.size : 0,
      propers: queryPropers.size > 0 ? entry.propers / queryPropers.size : 0,
      article: maxBm25 > 0 ? (articleBest.get(entry.note) ?? 0) / maxBm25 : 0,
      disputes: stance === 'disputes' ? 1 : 0,
      qualifies: stance === 'qualifies' ? 1 : 0,
    });
    let kept = found;
    if (keep !== undefined && found.length > keep) {
      const w = this.weights;
      const scores = found.map((entry) => {
        const stance = candidateStance(query.cues, entry.analysis.sentences[entry.index].cues);
        return (
          (maxBm25 > 0 ? (w.bm25 * entry.bm25 + w.article * (articleBest.get(entry.note) ?? 0)) / maxBm25 : 0) +
          (queryActors.size > 0 ? (w.actors * entry.actors) / queryActors.size : 0) +
          (queryNumbers.size > 0 ? (w.numbers * entry.numbers) / queryNumbers.size : 0) +
          (queryPropers.size > 0 ? (w.propers * entry.propers) / queryPropers.size : 0) +
          (stance === 'disputes' ? w.disputes : stance === 'qualifies' ? w.qualifies : 0)
        );
      });
      const order = scores.map((_, i) => i).sort((x, y) => scores[y] - scores[x]);
      kept = order.slice(0, keep).map((i) => found[i]);
    }
    return kept.map((entry) => {
      const sentence = entry.analysis.sentences[entry.index];
      const stance = candidateStance(query.cues, sentence.cues);
      return { note: entry.note, language: entry.analysis.language, sentence, index: entry.index, baseline: entry.baseline, stance, values: valuesOf(entry, stance) };
    });
  }

  /** Candidates scored with the fitted weights (or those given), best first. */
  rank(candidates: readonly CandidateFeatures[], weights: Weights = this.weights): RankedCandidate[] {
    const ranked = candidates.map((c) => ({ ...c, score: score(c.values, weights) })).sort(byScore);
    if (weights.newLanguage === 0 && weights.newStance === 0) return ranked;
    // The first places greedily: each the best candidate with the bonuses for what the places above it lack.
    const languages = new Set<string>();
    const stances = new Set<string>();
    for (let place = 0; place < Math.min(MAX_DIVERSE, ranked.length); place++) {
      let best = place;
      let bestValue = -Infinity;
      for (let i = place; i < ranked.length && i < place + MAX_DIVERSITY_LOOKAHEAD; i++) {
        const c = ranked[i];
        const value = c.score + (place > 0 && !languages.has(c.language) ? weights.newLanguage : 0) + (place > 0 && !stances.has(c.stance ?? 'same') ? weights.newStance : 0);
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      const [chosen] = ranked.splice(best, 1);
      ranked.splice(place, 0, chosen);
      languages.add(chosen.language);
      stances.add(chosen.stance ?? 'same');
    }
    return ranked;
  }

  /** The plain BM25 baseline's order of the same candidates. */
  rankBaseline(candidates: readonly CandidateFeatures[]): RankedCandidate[] {
    return candidates.filter((c) => c.baseline > 0).map((c) => ({ ...c, score: c.baseline })).sort(byScore);
  }

  /**
   * The articles a claim's candidates come from: every article but the excluded ones, those that share the most
   * actors with the query first, at most `maxArticles`.
   */
  pool(workspace: Workspace, query: FinderQuery, options: PoolOptions): Note[] {
    const max = options.maxArticles ?? MAX_POOL_ARTICLES;
    if (workspace.size <= max) return workspace.articles().filter((note) => !options.exclude(note));
    const result: Note[] = [];
    for (const uri of this.articlesBySharedActors(workspace, query, max + POOL_MARGIN)) {
      const note = workspace.getNote(uri);
      if (!note || note.kind !== 'article' || options.exclude(note)) continue;
      result.push(note);
      if (result.length >= max) break;
    }
    return result;
  }

  /**
   * The URIs of the articles sharing the most actors with a query, then the others, in URI order; at most `count`.
   * Kept for the query's actors while what is known of their mentions and the workspace's size stay the same: an editor
   * asks for a claim's quick fixes again and again as the cursor moves. URIs, not notes, so that an edited note is read
   * as it is now.
   */
  private articlesBySharedActors(workspace: Workspace, query: FinderQuery, count: number): readonly string[] {
    const ids = [...new Set(query.actors.map((actor) => actor.slice(ACTOR_PREFIX.length)))].sort();
    const key = `${count}|${workspace.size}|${workspace.registryGeneration}|${ids.map((id) => `${id}:${workspace.mentionVersionOf(id)}`).join(',')}`;
    const cached = this.pools.get(key);
    if (cached) return cached;
    const shared = new Map<string, number>();
    for (const id of ids) for (const uri of workspace.firstMentionsOf(id).keys()) shared.set(uri, (shared.get(uri) ?? 0) + 1);
    const uris = workspace.articles()
      .map((note) => ({ uri: note.uri, shared: shared.get(note.uri) ?? 0 }))
      .sort((a, b) => b.shared - a.shared || (a.uri < b.uri ? -1 : 1))
      .slice(0, count)
      .map((entry) => entry.uri);
    if (this.pools.size >= MAX_CACHED_POOLS) this.pools.delete(this.pools.keys().next().value!);
    this.pools.set(key, uris);
    return uris;
  }

  /**
   * The workspace's claim keys ranked by likeness to a query (a sentence being annotated): each key by its best
   * occurrence, with that occurrence's features. `skip` leaves out occurrences (the claim being written).
   */
  rankKeys(workspace: Workspace, query: FinderQuery, skip: (note: Note, claim: ClaimSpan) => boolean, token?: Cancellation, weights: Weights = this.weights): KeyScore[] | undefined {
    const documents: { key: string; note: Note; claim: ClaimSpan; query: FinderQuery }[] = [];
    for (const key of workspace.claimKeys()) {
      for (const occurrence of workspace.occurrences(key).slice(0, MAX_OCCURRENCES_PER_KEY)) {
        if (token?.isCancellationRequested) return undefined;
        if (skip(occurrence.note, occurrence.claim)) continue;
        documents.push({ key, note: occurrence.note, claim: occurrence.claim, query: this.claimQuery(workspace, occurrence.note, occurrence.claim) });
      }
    }
    const bm25 = new Bm25(documents.map((d) => d.query.terms));
    const plain = new Bm25(documents.map((d) => d.query.plain));
    const scored: { key: string; note: Note; claim: ClaimSpan; values: Record<FeatureName, number>; baseline: number }[] = [];
    let maxBm25 = 0;
    documents.forEach((document, i) => {
      const value = bm25.score(query.terms, i);
      maxBm25 = Math.max(maxBm25, value);
      scored.push({
        key: document.key,
        note: document.note,
        claim: document.claim,
        baseline: plain.score(query.plain, i),
        values: {
          bm25: value,
          actors: overlap(query.actors, document.query.actors),
          numbers: overlap(query.numbers, document.query.numbers),
          propers: overlap(query.propers, document.query.propers),
          article: 0,
          disputes: 0,
          qualifies: 0,
        },
      });
    });
    const best = new Map<string, KeyScore>();
    for (const entry of scored) {
      entry.values.bm25 = maxBm25 > 0 ? entry.values.bm25 / maxBm25 : 0;
      const value = score(entry.values, weights);
      const current = best.get(entry.key);
      if (!current || value > current.score) best.set(entry.key, { key: entry.key, score: value, baseline: Math.max(entry.baseline, current?.baseline ?? 0), note: entry.note, claim: entry.claim });
      else current.baseline = Math.max(current.baseline, entry.baseline);
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  }
}

const FINDER = derivation<CounterSourceFinder>('counter-source finder');

/** The finder of a workspace, with its caches of note analyses and pools: one per workspace, kept by its model. */
export function finderFor(workspace: Workspace): CounterSourceFinder {
  return workspace.derived.ofWorkspace(FINDER, [], () => new CounterSourceFinder());
}

export interface KeyScore {
  key: string;
  score: number;
  /** The baseline's score: plain BM25-like word overlap with the key's best occurrence. */
  baseline: number;
  /** The occurrence it scored best by. */
  note: Note;
  claim: ClaimSpan;
}

/** How many occurrences of a key are compared with a sentence: the first few state its proposition. */
const MAX_OCCURRENCES_PER_KEY = 8;

function score(values: Record<FeatureName, number>, weights: Weights): number {
  let total = 0;
  for (const feature of FEATURES) total += values[feature] * weights[feature];
  return total;
}

function byScore(a: RankedCandidate, b: RankedCandidate): number {
  return b.score - a.score || (a.note.uri < b.note.uri ? -1 : a.note.uri > b.note.uri ? 1 : a.sentence.span.start - b.sentence.span.start);
}

function overlap(query: readonly string[], other: readonly string[]): number {
  if (query.length === 0) return 0;
  const set = new Set(other);
  const distinct = new Set(query);
  let shared = 0;
  for (const item of distinct) if (set.has(item)) shared++;
  return shared / distinct.size;
}

/** BM25 over a small collection held in memory (the claims' texts): what key suggestion scores by. */
class Bm25 {
  private readonly df = new Map<string, number>();
  private readonly tfs: Map<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;

  constructor(documents: readonly (readonly string[])[]) {
    this.tfs = documents.map((terms) => {
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      for (const term of tf.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      return tf;
    });
    this.lengths = documents.map((terms) => terms.length);
    this.averageLength = Math.max(1, this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, documents.length));
  }

  score(query: readonly string[], document: number): number {
    const n = this.tfs.length;
    let total = 0;
    for (const term of new Set(query)) {
      const tf = this.tfs[document].get(term);
      if (!tf) continue;
      const df = this.df.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      total += idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[document]) / this.averageLength)));
    }
    return total;
  }
}


function queryKeys(query: FinderQuery): Set<string> {
  return new Set([
    ...query.terms,
    ...query.actors,
    ...query.numbers,
    ...query.propers.map((p) => PROPER_PREFIX + p),
    ...query.plain.map((w) => PLAIN_PREFIX + w),
  ]);
}

// ---- analysis of one note ----

interface Cut {
  span: Span;
  /** What the cut stretch counts as: an actor, or the words of a link's label; nothing for markup. */
  actorId?: string;
  words?: string;
}

function analyseNote(analyzer: TermAnalyzer, note: Note, mentions: readonly Mention[]): NoteAnalysis {
  // A compact note decodes its text on each read: read once.
  const text = note.text;
  const language = languageOf(note.article?.language, text.slice(note.bodyStart, note.bodyStart + 2000));
  const cuts = noteCuts(note, mentions);
  const headingSpans = new Set(note.headings.map((h) => `${h.textSpan.start}:${h.textSpan.end}`));
  const sentences: FinderSentence[] = [];
  const postings = new Map<string, number[]>();
  let totalLength = 0;
  let totalPlain = 0;
  for (const block of note.blocks) {
    const heading = headingSpans.has(`${block.start}:${block.end}`);
    for (const sentence of splitSentences(text, block)) {
      for (const span of splitAtListItems(text, sentence)) {
        const index = sentences.length;
        const parts = termsOf(analyzer, text, span, cuts, language);
        for (const key of [...parts.terms, ...parts.propers.map((p) => PROPER_PREFIX + p), ...parts.plain.map((w) => PLAIN_PREFIX + w)]) {
          const list = postings.get(key);
          if (!list) postings.set(key, [index, 1]);
          else if (list[list.length - 2] === index) list[list.length - 1]++;
          else list.push(index, 1);
        }
        totalLength += parts.terms.length;
        totalPlain += parts.plain.length;
        sentences.push({
          span,
          wrap: wrappableSpan(note, text, span),
          heading,
          question: /\?["”»’)]*$/u.test(text.slice(span.start, span.end)),
          length: parts.terms.length,
          plainLength: parts.plain.length,
          actors: parts.actors,
          cues: parts.cues,
          mentions: parts.mentions,
        });
      }
    }
  }
  const claimQueries = new Map<ClaimSpan, FinderQuery>();
  for (const claim of note.claims) {
    const query = termsOf(analyzer, text, claim.textSpan, cuts, language);
    const claimant = claim.by ? mentions.find((m) => m.kind === 'by' && m.claim === claim)?.actorId : undefined;
    if (claimant) {
      query.terms.push(ACTOR_PREFIX + claimant);
      query.actors.push(ACTOR_PREFIX + claimant);
    }
    claimQueries.set(claim, { language, ...query });
  }
  return { language, sentences, postings, claimQueries, totalLength, totalPlain };
}

function spanQuery(analyzer: TermAnalyzer, note: Note, mentions: readonly Mention[], span: Span, language: string): FinderQuery {
  return { language, ...termsOf(analyzer, note.text, span, noteCuts(note, mentions), language) };
}

/** Mentions, links and claim attribute blocks, in text order: what replaces or hides words. */
function noteCuts(note: Note, mentions: readonly Mention[]): Cut[] {
  const cuts: Cut[] = [];
  const linked = new Set<number>();
  for (const mention of mentions) {
    if (mention.kind === 'by') continue;
    const span = mention.linkSpan ?? mention.span;
    linked.add(span.start);
    cuts.push({ span, actorId: mention.actorId });
  }
  for (const link of note.wikiLinks) if (!linked.has(link.span.start)) cuts.push({ span: link.span, words: link.label ?? link.target });
  for (const claim of note.claims) cuts.push({ span: claim.attributesSpan });
  return cuts.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

interface SpanTerms {
  terms: string[];
  plain: string[];
  actors: string[];
  numbers: string[];
  propers: string[];
  cues: StanceCues;
  mentions: { actorId: string; start: number }[];
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:[.,'’]\p{N}+)*/gu;

/** The terms of a span: its words, except where a cut covers them (an actor counts as `@id`, markup as nothing). */
function termsOf(analyzer: TermAnalyzer, text: string, span: Span, cuts: readonly Cut[], language: string): SpanTerms {
  const result: SpanTerms = { terms: [], plain: [], actors: [], numbers: [], propers: [], cues: {}, mentions: [] };
  let visible = '';
  let cursor = span.start;
  let first = lowerBound(cuts, span.start);
  const addWords = (words: string) => {
    visible += ` ${words}`;
  };
  for (let i = first; i < cuts.length && cuts[i].span.start < span.end; i++) {
    const cut = cuts[i];
    if (cut.span.end > span.end || cut.span.start < cursor) continue;
    addWords(text.slice(cursor, cut.span.start));
    if (cut.actorId) {
      const term = ACTOR_PREFIX + cut.actorId;
      result.terms.push(term);
      result.actors.push(term);
      result.mentions.push({ actorId: cut.actorId, start: cut.span.start - span.start });
      visible += ' \u0001';
    } else if (cut.words) {
      addWords(cut.words);
    }
    cursor = cut.span.end;
  }
  addWords(text.slice(cursor, span.end));
  first = 0;
  let sentenceStart = true;
  for (const match of visible.matchAll(WORD)) {
    const word = match[0];
    const term = analyzer.term(word, language);
    const plain = word.toLowerCase();
    if (!BASELINE_STOP_WORDS.has(plain)) result.plain.push(plain);
    if (term !== null) {
      result.terms.push(term);
      if (term.startsWith(NUMBER_PREFIX)) result.numbers.push(term);
      else if (!sentenceStart && word[0] !== word[0].toLowerCase() && /^\p{L}/u.test(word)) result.propers.push(term);
    }
    sentenceStart = endsSentence(visible, match.index + word.length);
  }
  result.cues = stanceCues(visible);
  if (result.cues.speechVerb) result.cues = { ...result.cues, speechVerb: mapBack(visible, result.cues.speechVerb, text.slice(span.start, span.end)) };
  return result;
}

/** Whether a full stop (or ! ? :) follows a word, blanks aside: the next word starts a sentence. */
function endsSentence(text: string, from: number): boolean {
  for (let i = from; i < text.length && i < from + 3; i++) {
    const ch = text[i];
    if (ch === '.' || ch === '!' || ch === '?' || ch === ':') return true;
    if (ch !== ' ' && ch !== '\n' && ch !== '\t') return false;
  }
  return false;
}

/** A speech verb's place in the visible text mapped to the span's text (found again by its word, nearest first). */
function mapBack(visible: string, at: Span, original: string): Span {
  const word = visible.slice(at.start, at.end);
  const found = original.indexOf(word);
  return found >= 0 ? { start: found, end: found + word.length } : { start: 0, end: 0 };
}

/** The words the baseline leaves out: the English stop words of the plain ranking it stands for. */
const BASELINE_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but of to in on at by for with from as is are was were be been being it its this that these those he she they we you i
his her their our your not no will would can could has have had do does did said says also than then there which who whom what when where`.split(/\s+/),
);

function lowerBound(cuts: readonly Cut[], start: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid].span.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where `[` and `]{…}` would go around a sentence, or undefined when wrapping it could break the markup: it holds or
 * overlaps a claim, cuts a wiki link, holds code, braces, a comment, unbalanced brackets or half of an emphasis. A
 * final full stop stays outside the span, as annotators write it.
 */
function wrappableSpan(note: Note, noteText: string, span: Span): Span | undefined {
  const text = noteText.slice(span.start, span.end);
  if (!/\p{L}/u.test(text) || /[`{}]|<!--|-->/.test(text)) return undefined;
  if (count(text, '[') !== count(text, ']') || count(text, '*') % 2 === 1 || count(text, '_') % 2 === 1) return undefined;
  if (note.claims.some((c) => c.span.start < span.end && span.start < c.span.end)) return undefined;
  if (note.wikiLinks.some((l) => l.span.start < span.end && span.start < l.span.end && (l.span.start < span.start || l.span.end > span.end))) return undefined;
  const end = text.endsWith('.') && !text.endsWith('..') && text.length > 1 ? span.end - 1 : span.end;
  return { start: span.start, end };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/**
 * The speaker a sentence attributes its words to: the actor mentioned nearest a verb of saying or denying (within a
 * few words), a person before any other kind. Undefined when the sentence has no such verb or no actor near it.
 */
export function speakerOf(workspace: Workspace, sentence: FinderSentence): string | undefined {
  const verb = sentence.cues.speechVerb;
  if (!verb || verb.end === 0) return undefined;
  let best: { actorId: string; distance: number } | undefined;
  for (const mention of sentence.mentions) {
    const distance = Math.abs(mention.start - verb.start);
    if (distance > SPEAKER_DISTANCE) continue;
    const person = workspace.actor(mention.actorId)?.meta.kind === 'person';
    const weighted = distance + (person ? 0 : SPEAKER_DISTANCE);
    if (!best || weighted < best.distance) best = { actorId: mention.actorId, distance: weighted };
  }
  return best?.actorId;
}

/** How far (in characters) from the verb a speaker's name may start. */
const SPEAKER_DISTANCE = 60;
