import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { QUICK_FIX_KEEP, finderFor, speakerOf, type RankedCandidate } from '../../analysis/counterSourceFinder';
import type { Cancellation, Workspace } from '../../model/workspace';
import { outletKey, outletLabel, perspectiveLabel } from '../../rules/counterSource';
import type { ClaimSpan } from '../../syntax/markdown';
import type { Note } from '../../syntax/note';
import { plainText } from '../../syntax/sentences';
import type { FeatureContext } from '../context';
import { claimLackingCounterSource } from './claimDiagnostic';
import { documentEdit, insertAt, titleText, type Found } from './shared';

/** How many candidate sentences are offered per claim. */
const MAX_CANDIDATES = 3;

type OfferedStance = 'asserts' | 'reports' | 'disputes' | 'qualifies';
const OFFERED_STANCES: readonly OfferedStance[] = ['disputes', 'qualifies', 'reports', 'asserts'];
const STANCE_VERBS: Record<OfferedStance, string> = { asserts: 'asserting', reports: 'reporting', disputes: 'disputing', qualifies: 'qualifying' };

/** A sentence offered for a claim, with the stance and claimant it is offered with. */
export interface CounterSourceCandidate {
  candidate: RankedCandidate;
  stance: OfferedStance;
  /** The speaker the sentence attributes its words to, an actor id. */
  by?: string;
}

/**
 * Quick fixes for `claim.no-counter-source`: the sentences of other outlets' articles most like the claim (the
 * counter-source finder), each offered with the stance it takes (a denial as `disputes`, with its speaker as `by=`);
 * after them, each candidate with the other stances, for the analyst who reads it otherwise.
 */
export function counterSourceActions(ctx: FeatureContext, note: Note, found: readonly Found<'claim.no-counter-source'>[], token?: Cancellation): CodeAction[] {
  const preferred: CodeAction[] = [];
  const others: CodeAction[] = [];
  for (const one of found) {
    const { diagnostic } = one;
    const claim = claimLackingCounterSource(ctx.workspace, note, one);
    if (!claim?.key) continue;
    const offers = counterSourceCandidates(ctx.workspace, note, claim, token);
    if (token?.isCancellationRequested) return [];
    for (const offer of offers) {
      preferred.push(annotateAction(ctx, note, offer, offer.stance, claim.key, diagnostic));
      for (const stance of OFFERED_STANCES) if (stance !== offer.stance) others.push(annotateAction(ctx, note, offer, stance, claim.key, diagnostic));
    }
  }
  return [...preferred, ...others];
}

/** The best sentences of other outlets' articles for a claim, with their stances; empty when cancelled. */
export function counterSourceCandidates(workspace: Workspace, note: Note, claim: ClaimSpan, token?: Cancellation): CounterSourceCandidate[] {
  const finder = finderFor(workspace);
  const query = finder.claimQuery(workspace, note, claim);
  const outlet = outletKey(note);
  const pool = finder.pool(workspace, query, { exclude: (other) => other.uri === note.uri || outletKey(other) === outlet, token });
  const candidates = finder.candidates(workspace, query, pool, token, QUICK_FIX_KEEP);
  if (!candidates) return [];
  return finder.rank(candidates)
    .filter((c) => c.score > 0)
    .slice(0, MAX_CANDIDATES)
    .map((candidate) => {
      const speaker = speakerOf(workspace, candidate.sentence);
      // An id that could not be written as an attribute value is left out rather than quoted.
      const by = speaker && /^[^\s{}"'=\][]+$/.test(speaker) ? speaker : undefined;
      const stance: OfferedStance = candidate.stance ?? (by ? 'reports' : claim.stance === 'disputes' ? 'reports' : claim.stance);
      return { candidate, stance, by };
    });
}

/**
 * Annotates the sentence with the claim's key, the stance and the speaker. The title names who takes which position
 * ("Annotate as Peskov disputing it (TASS, russian-state): …"), and says when the annotation would not count as a
 * counter-source (same perspective, same sense).
 */
function annotateAction(ctx: FeatureContext, claimNote: Note, offer: CounterSourceCandidate, stance: OfferedStance, key: string, diagnostic: Diagnostic): CodeAction {
  const { note, sentence } = offer.candidate;
  const wrap = sentence.wrap!;
  const quote = titleText(plainText(note.text, wrap, note.wikiLinks, note.claims), 60);
  const outlet = titleText(outletLabel(note), 40);
  const perspective = titleText(perspectiveLabel(note), 30);
  const speaker = offer.by ? titleText(ctx.workspace.actor(offer.by)?.meta.name ?? offer.by, 40) : undefined;
  const who = !speaker
    ? `${outlet} (${perspective}) ${STANCE_VERBS[stance]} it`
    : stance === 'reports'
      ? `${outlet} (${perspective}) reporting ${speaker}`
      : `${speaker} ${STANCE_VERBS[stance]} it (${outlet}, ${perspective})`;
  const samePerspective = !!note.article?.perspective && note.article.perspective === claimNote.article?.perspective;
  const counts = !samePerspective || stance === 'disputes' || stance === 'qualifies';
  const attributes = `{claim=${key}${offer.by ? ` by=${offer.by}` : ''} stance=${stance}}`;
  return {
    title: `Annotate as ${who}: “${quote}”${counts ? '' : ' (same perspective: counts only if it disputes or qualifies)'}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { documentChanges: [documentEdit(ctx, note.uri, [insertAt(note, wrap.start, '['), insertAt(note, wrap.end, `]${attributes}`)])] },
  };
}
