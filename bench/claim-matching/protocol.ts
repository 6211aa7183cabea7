// The claim-matching benchmark's query protocol (see README.md in this folder): the labelled workspace loaded, each
// annotated span turned into a quick-fix query (the other outlets' annotations of its key removed, so their sentences
// are plain text) and a key-suggestion query (its own annotation removed), and the metrics over their rankings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CounterSourceFinder, type CandidateFeatures, type FinderQuery, type KeyScore, type RankedCandidate } from '../../server/src/analysis/counterSourceFinder';
import { defaultConfig } from '../../server/src/model/config';
import type { Workspace } from '../../server/src/model/workspace';
import { createWorkspace } from '../../server/src/rules/registry';
import type { ClaimSpan } from '../../server/src/syntax/markdown';
import type { Note } from '../../server/src/syntax/note';
import { sentenceAround } from '../../server/src/syntax/sentences';
import { normalizeName, type Span } from '../../server/src/syntax/text';

export const DATA_ROOT = path.resolve(__dirname, '../../../bench/claim-matching');

export type Split = 'train' | 'test';

/** One annotated span of the benchmark, as written. */
export interface LabelledSpan {
  key: string;
  uri: string;
  path: string;
  /** The span's stance as written (qualifies too, whatever this build's parser accepts). */
  stance: string;
  language: string;
  outlet: string;
}

export interface Gold {
  uri: string;
  span: Span;
  stance: string;
  language: string;
}

export interface QuickFixQuery {
  span: LabelledSpan;
  split: Split;
  gold: Gold[];
  /** Every candidate sentence with its features: what any weights rank. */
  candidates: CandidateFeatures[];
}

export interface KeyQuery {
  span: LabelledSpan;
  split: Split;
  ranking: KeyScore[];
}

export interface Benchmark {
  root: string;
  splitOfKey: Map<string, Split>;
  spans: LabelledSpan[];
  texts: Map<string, string>;
}

export function loadBenchmark(root = DATA_ROOT): Benchmark {
  const splits = JSON.parse(fs.readFileSync(path.join(root, 'splits.json'), 'utf8')) as { train: string[]; test: string[]; events: Record<string, { keys: string[] }> };
  const splitOfKey = new Map<string, Split>();
  for (const [event, { keys }] of Object.entries(splits.events)) {
    const split: Split | undefined = splits.train.includes(event) ? 'train' : splits.test.includes(event) ? 'test' : undefined;
    if (split) for (const key of keys) splitOfKey.set(key, split);
  }
  const texts = new Map<string, string>();
  const workspaceRoot = path.join(root, 'workspace');
  for (const folder of ['actors', 'articles']) {
    for (const file of fs.readdirSync(path.join(workspaceRoot, folder)).filter((f) => f.endsWith('.md')).sort()) {
      texts.set(`file://${path.join(workspaceRoot, folder, file)}`, fs.readFileSync(path.join(workspaceRoot, folder, file), 'utf8'));
    }
  }
  const workspace = workspaceOf(root, texts);
  const spans: LabelledSpan[] = [];
  for (const note of workspace.articles()) {
    for (const claim of note.claims) {
      if (!claim.key || !splitOfKey.has(claim.key)) continue;
      spans.push({ key: claim.key, uri: note.uri, path: note.path, stance: writtenStance(note, claim), language: languageOfNote(note), outlet: outletOf(note) });
    }
  }
  spans.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { root, splitOfKey, spans, texts };
}

export function workspaceOf(root: string, texts: ReadonlyMap<string, string>): Workspace {
  const workspace = createWorkspace([`file://${path.join(root, 'workspace')}`], { ...defaultConfig(), articleFolders: ['articles'], actorFolders: ['actors'] });
  workspace.batch(() => {
    for (const [uri, text] of texts) workspace.upsert(uri, text);
  });
  return workspace;
}

/** The outlet a note counts as: its `original-outlet` when it is a copy, else its `outlet`, folded. */
export function outletOf(note: Note): string {
  const original = note.frontmatter?.data['original-outlet'];
  const outlet = typeof original === 'string' && original.trim() !== '' ? original : note.article?.outlet ?? note.uri;
  return normalizeName(outlet);
}

function languageOfNote(note: Note): string {
  return (note.article?.language ?? 'en').toLowerCase().split('-')[0];
}

function writtenStance(note: Note, claim: ClaimSpan): string {
  return /(?:^|\s)stance=([\w-]+)/.exec(note.text.slice(claim.attributesSpan.start, claim.attributesSpan.end))?.[1] ?? 'asserts';
}

/**
 * A note's text with some of its claim annotations removed (their words kept as plain text), and where each removed
 * annotation's words are now.
 */
export function stripClaims(note: Note, remove: (claim: ClaimSpan) => boolean): { text: string; removed: { claim: ClaimSpan; span: Span }[] } {
  const removed: { claim: ClaimSpan; span: Span }[] = [];
  let text = '';
  let cursor = 0;
  // Claims do not nest (the parser reads one level), so they come in text order.
  for (const claim of [...note.claims].sort((a, b) => a.span.start - b.span.start)) {
    if (!remove(claim) || claim.span.start < cursor) continue;
    text += note.text.slice(cursor, claim.span.start);
    const start = text.length;
    text += note.text.slice(claim.textSpan.start, claim.textSpan.end);
    removed.push({ claim, span: { start, end: text.length } });
    cursor = claim.span.end;
  }
  text += note.text.slice(cursor);
  return { text, removed };
}

/**
 * Runs the quick-fix protocol: for each key, for each article carrying it, the other articles' annotations of the
 * key removed; each span of the key in that article is a query.
 */
export function quickFixQueries(benchmark: Benchmark, finder: CounterSourceFinder): QuickFixQuery[] {
  const workspace = workspaceOf(benchmark.root, benchmark.texts);
  const queries: QuickFixQuery[] = [];
  const keys = [...new Set(benchmark.spans.map((s) => s.key))].sort();
  for (const key of keys) {
    const carriers = [...new Set(benchmark.spans.filter((s) => s.key === key).map((s) => s.uri))];
    for (const uri of carriers) {
      const stripped = new Map<string, { text: string; gold: Gold[] }>();
      for (const other of carriers) {
        if (other === uri) continue;
        const note = workspace.getNote(other)!;
        const { text, removed } = stripClaims(note, (claim) => claim.key === key);
        stripped.set(other, { text, gold: removed.map((r) => ({ uri: other, span: r.span, stance: writtenStance(note, r.claim), language: languageOfNote(note) })) });
      }
      const originals = new Map([...stripped.keys()].map((other) => [other, workspace.getNote(other)!.text]));
      for (const [other, { text }] of stripped) workspace.upsert(other, text, { keepText: true });
      const note = workspace.getNote(uri)!;
      const outlet = outletOf(note);
      const gold = [...stripped.values()].flatMap((s) => s.gold).filter((g) => outletOf(workspace.getNote(g.uri)!) !== outlet);
      for (const claim of note.claims.filter((c) => c.key === key)) {
        const span = benchmark.spans.find((s) => s.uri === uri && s.key === key)!;
        const labelled: LabelledSpan = { ...span, stance: writtenStance(note, claim) };
        if (gold.length === 0) continue;
        const query = finder.claimQuery(workspace, note, claim);
        const pool = finder.pool(workspace, query, { exclude: (n) => n.uri === uri || outletOf(n) === outlet });
        const candidates = finder.candidates(workspace, query, pool) ?? [];
        queries.push({ span: labelled, split: benchmark.splitOfKey.get(key)!, gold, candidates });
      }
      for (const [other, text] of originals) workspace.upsert(other, text, { keepText: true });
    }
  }
  return queries;
}

/** Runs the key-suggestion protocol: each span's own annotation removed, the keys ranked by likeness to its sentence. */
export function keyQueries(benchmark: Benchmark, finder: CounterSourceFinder, weights?: Parameters<CounterSourceFinder['rankKeys']>[4]): KeyQuery[] {
  const workspace = workspaceOf(benchmark.root, benchmark.texts);
  const queries: KeyQuery[] = [];
  for (const uri of [...new Set(benchmark.spans.map((s) => s.uri))]) {
    const original = workspace.getNote(uri)!;
    const originalText = original.text;
    const claims = original.claims.filter((c) => c.key && benchmark.splitOfKey.has(c.key));
    for (let i = 0; i < claims.length; i++) {
      const target = workspace.getNote(uri)!.claims.filter((c) => c.key && benchmark.splitOfKey.has(c.key))[i];
      const key = target.key!;
      const { text, removed } = stripClaims(workspace.getNote(uri)!, (claim) => claim === target);
      workspace.upsert(uri, text, { keepText: true });
      const note = workspace.getNote(uri)!;
      const block = note.blocks.find((b) => b.start <= removed[0].span.start && removed[0].span.end <= b.end) ?? removed[0].span;
      const query: FinderQuery = finder.spanQuery(workspace, note, sentenceAround(note.text, removed[0].span, block));
      const ranking = finder.rankKeys(workspace, query, () => false, undefined, weights) ?? [];
      queries.push({ span: { key, uri, path: note.path, stance: writtenStance(original, target), language: languageOfNote(note), outlet: outletOf(note) }, split: benchmark.splitOfKey.get(key)!, ranking });
      workspace.upsert(uri, originalText, { keepText: true });
    }
  }
  return queries;
}

// ---- metrics ----

export interface Metrics {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
}

/** The rank (1-based) of the first candidate that hits a gold answer accepted by `accept`, or Infinity. */
export function firstHit(ranking: readonly RankedCandidate[], gold: readonly Gold[], accept: (gold: Gold) => boolean = () => true): number {
  const wanted = gold.filter(accept);
  for (let i = 0; i < ranking.length; i++) {
    const candidate = ranking[i];
    const span = candidate.sentence.span;
    if (wanted.some((g) => g.uri === candidate.note.uri && g.span.start < span.end && span.start < g.span.end)) return i + 1;
  }
  return Infinity;
}

export function metricsOf(ranks: readonly number[]): Metrics {
  const n = ranks.length;
  if (n === 0) return { queries: 0, recallAt1: NaN, recallAt3: NaN, mrr: NaN };
  return {
    queries: n,
    recallAt1: ranks.filter((r) => r <= 1).length / n,
    recallAt3: ranks.filter((r) => r <= 3).length / n,
    mrr: ranks.reduce((sum, r) => sum + (Number.isFinite(r) ? 1 / r : 0), 0) / n,
  };
}

/** The groups a quick-fix query is counted in: overall, and per language and relation of its gold answers. */
export const GROUPS: readonly { name: string; accept: (gold: Gold) => boolean }[] = [
  { name: 'overall', accept: () => true },
  { name: 'Russian sentences', accept: (g) => g.language === 'ru' },
  { name: 'English sentences', accept: (g) => g.language === 'en' },
  { name: 'denials (disputes)', accept: (g) => g.stance === 'disputes' },
  { name: 'qualifications (qualifies)', accept: (g) => g.stance === 'qualifies' },
  { name: 'reports', accept: (g) => g.stance === 'reports' },
  { name: 'asserts', accept: (g) => g.stance === 'asserts' },
];

/** The metrics of one ranking method over queries of one split, per group (a query counts where it has such gold). */
export function quickFixMetrics(queries: readonly QuickFixQuery[], rankOf: (query: QuickFixQuery) => readonly RankedCandidate[]): Map<string, Metrics> {
  const ranks = new Map<string, number[]>(GROUPS.map((g) => [g.name, []]));
  for (const query of queries) {
    const ranking = rankOf(query);
    for (const group of GROUPS) {
      if (!query.gold.some(group.accept)) continue;
      ranks.get(group.name)!.push(firstHit(ranking, query.gold, group.accept));
    }
  }
  return new Map([...ranks].map(([name, list]) => [name, metricsOf(list)]));
}

/** Key suggestion's metrics per group: overall, by the language of the sentence, by its stance. */
export function keyMetrics(queries: readonly KeyQuery[], rankOf: (query: KeyQuery) => readonly { key: string }[]): Map<string, Metrics> {
  const groups: { name: string; accept: (q: KeyQuery) => boolean }[] = [
    { name: 'overall', accept: () => true },
    { name: 'Russian sentences', accept: (q) => q.span.language === 'ru' },
    { name: 'English sentences', accept: (q) => q.span.language === 'en' },
    { name: 'denials (disputes)', accept: (q) => q.span.stance === 'disputes' },
    { name: 'qualifications (qualifies)', accept: (q) => q.span.stance === 'qualifies' },
    { name: 'reports', accept: (q) => q.span.stance === 'reports' },
    { name: 'asserts', accept: (q) => q.span.stance === 'asserts' },
  ];
  const result = new Map<string, Metrics>();
  for (const group of groups) {
    const ranks = queries.filter(group.accept).map((q) => {
      const at = rankOf(q).findIndex((k) => k.key === q.span.key);
      return at < 0 ? Infinity : at + 1;
    });
    result.set(group.name, metricsOf(ranks));
  }
  return result;
}
