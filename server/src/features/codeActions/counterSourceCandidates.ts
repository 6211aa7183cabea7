import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { type Mention } from '../../model/mentionTable';
import { type Cancellation, type Workspace } from '../../model/workspace';
import { outletKey } from '../../rules/counterSource';
import { type ClaimSpan } from '../../syntax/markdown';
import { type Note } from '../../syntax/note';
import { plainText, splitAtListItems, splitSentences } from '../../syntax/sentences';
import { type Span } from '../../syntax/text';
import type { FeatureContext } from '../context';
import { claimLackingCounterSource } from './claimDiagnostic';
import { TermStatistics, sortedCuts, termsOf, termsOfSorted, wordTerms, type TermReplacement } from '../../analysis/similarity';
import { diagnosticsWithCode, documentEdit, insertAt, overlaps, titleText } from './shared';

/** How many candidates are offered per claim. */
const MAX_CANDIDATES = 3;
/** Below this cosine a sentence is not offered: it shares at most incidental words with the claim. */
const MIN_SIMILARITY = 0.18;
/** A candidate must share this many distinct terms with the claim (fewer when the claim has fewer). */
const MIN_SHARED_TERMS = 2;

/** A sentence of an article, its terms, and the stretch a claim span would wrap (undefined when it cannot be wrapped). */
interface Sentence {
  span: Span;
  wrap?: Span;
  terms: string[];
}

interface Candidate {
  note: Note;
  sentence: Sentence;
  score: number;
}

/** Articles candidates are taken from; `counts` when an annotation there is a counter-source whatever its stance. */
interface CandidateGroup {
  notes: Note[];
  counts: boolean;
}

/**
 * Quick fixes for `claim.no-counter-source`: the sentences of other outlets' articles most
 * like the claim, each offered as an edit annotating it with the claim's key in that note.
 */
export function counterSourceActions(ctx: FeatureContext, note: Note, diagnostics: readonly Diagnostic[], token?: Cancellation): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnosticsWithCode(diagnostics, 'claim.no-counter-source')) {
    const claim = claimLackingCounterSource(ctx.workspace, note, diagnostic);
    if (!claim?.key) continue;
    const { group, candidates } = rankCandidates(ctx.workspace, note, claim, token);
    if (token?.isCancellationRequested) return [];
    for (const candidate of candidates) actions.push(annotateAction(ctx, candidate, claim.key, group.counts || claim.stance === 'disputes', diagnostic));
  }
  return actions;
}

/**
 * Annotates the sentence as reporting the claim; the analyst changes the stance where the
 * source disputes it. Where a reporting annotation would not count as a counter-source (same
 * perspective), the title says it is a cross-source that counts only if it disputes the claim.
 */
function annotateAction(ctx: FeatureContext, candidate: Candidate, key: string, counts: boolean, diagnostic: Diagnostic): CodeAction {
  const { note } = candidate;
  const wrap = candidate.sentence.wrap!;
  const quote = titleText(plainText(note.text, wrap, note.wikiLinks, note.claims), 60);
  const source = `${titleText(note.article?.outlet ?? note.path, 40)} (${titleText(note.article?.perspective || 'no perspective', 30)})`;
  return {
    title: counts
      ? `Annotate counter-source in ${source}: “${quote}”`
      : `Annotate cross-source in ${source}: “${quote}” (counts if it disputes the claim)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [documentEdit(ctx, note.uri, [insertAt(note, wrap.start, '['), insertAt(note, wrap.end, `]{claim=${key} stance=reports}`)])],
    },
  };
}

/**
 * The best sentences for a claim: from articles of other outlets and perspectives (which
 * count as counter-sources whatever their stance); when none of those fits, from the other
 * outlets (which count only where exactly one of the two disputes).
 */
function rankCandidates(workspace: Workspace, note: Note, claim: ClaimSpan, token?: Cancellation): { group: CandidateGroup; candidates: Candidate[] } {
  const outlet = outletKey(note);
  const perspective = note.article?.perspective || undefined;
  const others = candidatePool(workspace, note, claim).filter((a) => a.uri !== note.uri && outletKey(a) !== outlet);
  const otherPerspective = perspective ? others.filter((a) => a.article?.perspective && a.article.perspective !== perspective) : [];
  const inOtherPerspective = new Set(otherPerspective);
  const groups: CandidateGroup[] = [
    { notes: otherPerspective, counts: true },
    { notes: others.filter((a) => !inOtherPerspective.has(a)), counts: false },
  ];
  const none = { group: groups[0], candidates: [] };

  const query = claimTerms(workspace, note, claim);
  if (query.length === 0) return none;
  const statistics = poolStatistics(workspace, others, token);
  if (!statistics) return none;
  const queryVector = statistics.vector(query);
  const minShared = Math.min(MIN_SHARED_TERMS, queryVector.size);
  for (const group of groups) {
    const candidates: Candidate[] = [];
    for (const other of group.notes) {
      if (token?.isCancellationRequested) return none;
      for (const sentence of sentencesOf(workspace, other)) {
        if (!sentence.wrap) continue;
        const { score } = statistics.similarity(queryVector, sentence.terms, minShared);
        if (score >= MIN_SIMILARITY) candidates.push({ note: other, sentence, score });
      }
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score || a.note.path.localeCompare(b.note.path) || a.sentence.span.start - b.sentence.span.start);
    return { group, candidates: candidates.slice(0, MAX_CANDIDATES) };
  }
  return none;
}

/** At most this many articles are ranked, so that a quick fix stays fast in a workspace of thousands. */
const MAX_POOL = 400;

/**
 * The articles worth ranking: those that mention the actors the claim names (the claimant
 * included), most shared actors first; every article when the claim names none.
 */
function candidatePool(workspace: Workspace, note: Note, claim: ClaimSpan): Note[] {
  const actorIds = new Set(
    workspace.mentionsIn(note.uri)
      .filter((m) => (m.kind === 'by' ? m.claim === claim : m.span.start >= claim.textSpan.start && m.span.end <= claim.textSpan.end))
      .map((m) => m.actorId),
  );
  if (actorIds.size === 0) return workspace.articles().slice(0, MAX_POOL);
  const shared = new Map<string, number>();
  for (const id of actorIds) {
    for (const uri of new Set(workspace.mentionsOf(id).map((m) => m.uri))) shared.set(uri, (shared.get(uri) ?? 0) + 1);
  }
  return [...shared]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([uri]) => workspace.getNote(uri))
    .filter((n): n is Note => n?.kind === 'article')
    .slice(0, MAX_POOL);
}

/** The claim's words and actors, and its claimant: the query sentences are ranked against. */
function claimTerms(workspace: Workspace, note: Note, claim: ClaimSpan): string[] {
  const terms = termsOf(note.text, claim.textSpan, termReplacements(note, workspace.mentionsIn(note.uri)), note.claims.map((c) => c.attributesSpan));
  const claimant = claim.by ? workspace.resolveActor(claim.by) : undefined;
  if (claimant) terms.push(actorTerm(claimant.id));
  return terms;
}

function actorTerm(id: string): string {
  return `@${id.toLowerCase()}`;
}

/** Every mention of a known actor counts as that actor, however it is spelled; an unresolved wiki link counts by its words. */
function termReplacements(note: Note, mentions: readonly Mention[]): TermReplacement[] {
  const replacements: TermReplacement[] = [];
  const linked = new Set<number>();
  for (const mention of mentions) {
    if (mention.kind === 'by') continue;
    const span = mention.linkSpan ?? mention.span;
    linked.add(span.start);
    replacements.push({ span, terms: [actorTerm(mention.actorId)] });
  }
  for (const link of note.wikiLinks) {
    if (!linked.has(link.span.start)) replacements.push({ span: link.span, terms: wordTerms(link.label ?? link.target) });
  }
  return replacements;
}

/** Document frequencies over the sentences of the pool; undefined when cancelled. */
function poolStatistics(workspace: Workspace, pool: readonly Note[], token?: Cancellation): TermStatistics | undefined {
  const statistics = new TermStatistics();
  for (const article of pool) {
    if (token?.isCancellationRequested) return undefined;
    for (const sentence of sentencesOf(workspace, article)) statistics.add(sentence.terms);
  }
  return statistics;
}

// Sentences and their terms per parsed note; a note is replaced by a new object when it
// changes, and its mentions array when actors change, so either invalidates the entry.
const sentenceCache = new WeakMap<Note, { mentions: readonly Mention[]; sentences: Sentence[] }>();

function sentencesOf(workspace: Workspace, note: Note): Sentence[] {
  const mentions = workspace.mentionsIn(note.uri);
  const cached = sentenceCache.get(note);
  if (cached && cached.mentions === mentions) return cached.sentences;
  const cuts = sortedCuts(termReplacements(note, mentions), note.claims.map((c) => c.attributesSpan));
  const sentences: Sentence[] = [];
  for (const block of note.blocks) {
    for (const sentence of splitSentences(note.text, block)) {
      for (const span of splitAtListItems(note.text, sentence)) {
        sentences.push({ span, wrap: wrappableSpan(note, span), terms: termsOfSorted(note.text, span, cuts) });
      }
    }
  }
  sentenceCache.set(note, { mentions, sentences });
  return sentences;
}

/**
 * Where `[` and `]{…}` would go around a sentence, or undefined when wrapping it could break
 * the markup: it holds or overlaps a claim, cuts a wiki link, holds code, braces, a comment,
 * unbalanced brackets or half of an emphasis. A final full stop stays outside the span, as annotators write it.
 */
function wrappableSpan(note: Note, span: Span): Span | undefined {
  const text = note.text.slice(span.start, span.end);
  if (!/\p{L}/u.test(text) || /[`{}]|<!--|-->/.test(text)) return undefined;
  if (count(text, '[') !== count(text, ']') || count(text, '*') % 2 === 1 || count(text, '_') % 2 === 1) return undefined;
  if (note.claims.some((c) => overlaps(c.span, span))) return undefined;
  if (note.wikiLinks.some((l) => overlaps(l.span, span) && (l.span.start < span.start || l.span.end > span.end))) return undefined;
  const end = text.endsWith('.') && !text.endsWith('..') && text.length > 1 ? span.end - 1 : span.end;
  return { start: span.start, end };
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
