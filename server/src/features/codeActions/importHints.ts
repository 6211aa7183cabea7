import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { NOT_ACTORS_FIELD, NOT_A_CLAIM_MARK, claimCandidates, claimSuggestion, type ClaimCandidate } from '../../analysis/importHints';
import { finderFor } from '../../analysis/counterSourceFinder';
import { candidateStance } from '../../analysis/stanceCues';
import { type Workspace } from '../../model/workspace';
import { ACTOR_KINDS, type Note } from '../../syntax/note';
import { plainText } from '../../syntax/sentences';
import { normalizeName, type Span } from '../../syntax/text';
import type { FeatureContext } from '../context';
import { appendAliasEdit } from './aliasDiscovery';
import { createActorNoteAction } from './createActor';
import { noteDiagnostics } from '../../rules/registry';
import { documentEdit, insertAt, replaceSpan, spanOfRange, titleText, yamlScalar, type Found } from './shared';

/**
 * Quick fixes for the import hints. `actor.candidate`: create the actor note, add the name to the aliases of the
 * actor whose alias it ends with, or dismiss it for this note. `claim.candidate`: annotate the reported words (or
 * the whole sentence) as a claim that reports them, or dismiss it.
 */
// ---- actor.candidate ----

export function actorCandidateActions(ctx: FeatureContext, note: Note, found: readonly Found<'actor.candidate'>[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const { diagnostic, data } of found) {
    const name = currentActorCandidate(ctx.workspace, note, diagnostic, data.name);
    if (!name) continue;
    actions.push(createActorNoteAction(ctx, note, diagnostic, name, { name, aliases: [name], kind: guessedKind(name), kindComment: `guessed from the name: ${ACTOR_KINDS.join(' | ')}` }));
    const extended = data.extends;
    const actor = extended ? ctx.workspace.actor(extended) : undefined;
    const alias = actor && appendAliasEdit(actor.note, name);
    if (actor && alias) {
      actions.push({
        title: `Add «${titleText(name, 40)}» as an alias of ${titleText(actor.meta.name ?? actor.id, 40)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { documentChanges: [documentEdit(ctx, actor.note.uri, [alias])] },
      });
    }
    const dismiss = appendToListEdit(note, NOT_ACTORS_FIELD, name);
    if (dismiss) {
      actions.push({
        title: `Not an actor: stop proposing «${titleText(name, 40)}» in this note`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { documentChanges: [documentEdit(ctx, note.uri, [dismiss])] },
      });
    }
  }
  return actions;
}

/** The name a diagnostic proposes, if the workspace still proposes it there: a stale diagnostic yields nothing. */
function currentActorCandidate(workspace: Workspace, note: Note, diagnostic: Diagnostic, name: string): string | undefined {
  const at = spanOfRange(note, diagnostic.range);
  const current = noteDiagnostics(workspace, note.uri).find((d) => d.code === 'actor.candidate' && d.span.start === at.start && d.span.end === at.end && d.data?.name === name);
  return current ? name : undefined;
}

const ORGANIZATION_WORDS = /\b(?:ministry|office|organi[sz]ation|union|council|committee|institute|party|bank|forum|agency|administration|government|service|fund|company|corporation|group|association|movement|university|court|parliament|assembly|commission|army|forces)\b/i;
const MEDIA_WORDS = /\b(?:news|channel|tv|radio|media|times|post|journal|press|gazette|daily|broadcasting|magazine)\b|\b\d+\b/i;

/** The kind a new actor's name suggests; the note says it is a guess. */
function guessedKind(name: string): string {
  return MEDIA_WORDS.test(name) ? 'media' : ORGANIZATION_WORDS.test(name) || /^\p{Lu}{2,}$/u.test(name) ? 'organization' : 'person';
}

/**
 * Adds an item to a list field of a note's frontmatter: a new `  - item` line after the last one, `, item` in a flow
 * list, or a new field before the closing fence. Undefined where the frontmatter cannot be read or the field is not a
 * list, and when the item is there already.
 */
function appendToListEdit(note: Note, key: string, item: string): TextEdit | undefined {
  const frontmatter = note.frontmatter;
  if (!frontmatter || note.diagnostics.some((d) => d.code.startsWith('frontmatter.'))) return undefined;
  const eol = note.text.includes('\r\n') ? '\r\n' : '\n';
  const value = frontmatter.data[key];
  const field = frontmatter.fields.get(key);
  const scalar = yamlScalar(item);
  if (!field) {
    const closingLine = note.lines.positionAt(frontmatter.span.end).line;
    return insertAt(note, note.lines.lineStart(closingLine), `${key}:${eol}  - ${scalar}${eol}`);
  }
  if (Array.isArray(value) && value.some((v) => normalizeName(String(v)) === normalizeName(item))) return undefined;
  const items = field.items ?? [];
  const flow = note.text.startsWith('[', field.valueSpan.start) || note.text[field.valueSpan.start - 1] === '[';
  if (Array.isArray(value) && flow && items.length > 0) {
    const last = items[items.length - 1].span;
    const quoted = /["']/.test(note.text[last.start - 1] ?? '') && note.text[last.end] === note.text[last.start - 1];
    return insertAt(note, quoted ? last.end + 1 : last.end, `, ${scalar}`);
  }
  if (Array.isArray(value) && !flow && items.length > 0) {
    const line = note.lines.positionAt(items[items.length - 1].span.start).line;
    const lineStart = note.lines.lineStart(line);
    const marker = /^[ \t]*-[ \t]+/.exec(note.text.slice(lineStart, items[items.length - 1].span.start))?.[0] ?? '  - ';
    return insertAt(note, note.lines.lineEnd(line), `${eol}${marker}${scalar}`);
  }
  if ((value === null || value === undefined) && field.valueSpan.end === field.valueSpan.start) {
    return insertAt(note, note.lines.lineEnd(note.lines.positionAt(field.keySpan.start).line), `${eol}  - ${scalar}`);
  }
  if (typeof value === 'string') return replaceSpan(note, field.valueSpan, `[${yamlScalar(value)}, ${scalar}]`);
  return undefined;
}

// ---- claim.candidate ----

export function claimCandidateActions(ctx: FeatureContext, note: Note, found: readonly Found<'claim.candidate'>[]): CodeAction[] {
  const actions: CodeAction[] = [];
  if (found.length === 0) return actions;
  const candidates = claimCandidates(note);
  const mentions = ctx.workspace.mentionsIn(note.uri).filter((m) => m.kind !== 'by');
  const taken = new Set(ctx.workspace.claimKeys());
  for (const claim of note.claims) if (claim.key) taken.add(claim.key);
  const lookup = {
    isPerson: (id: string) => ctx.workspace.actor(id)?.meta.kind === 'person',
    keyTaken: (key: string) => taken.has(key),
  };
  for (const { diagnostic } of found) {
    const at = spanOfRange(note, diagnostic.range);
    const candidate = candidates.find((c) => c.span.start === at.start && c.span.end === at.end);
    if (!candidate) continue;
    const suggestion = claimSuggestion(note, candidate, mentions, lookup);
    const existing = existingKeyActions(ctx, note, diagnostic, suggestion.span, suggestion.by);
    actions.push(...existing);
    actions.push(annotateAction(ctx, note, diagnostic, suggestion.span, suggestion.key, suggestion.by, existing.length === 0));
    if (candidate.clause) {
      const whole = claimSuggestion(note, { ...candidate, clause: undefined }, mentions, lookup);
      actions.push(annotateAction(ctx, note, diagnostic, candidate.wrap, whole.key, suggestion.by, false));
    }
    actions.push(notAClaimAction(ctx, note, diagnostic, candidate));
  }
  return actions;
}

/** How many of the workspace's keys a sentence is offered, best first. */
const MAX_EXISTING_KEYS = 3;

/**
 * The workspace's claim keys most like the sentence (the finder's ranking), each offered before a new key, with its
 * proposition (the words of its first occurrence) and the stance the sentence takes towards it.
 */
function existingKeyActions(ctx: FeatureContext, note: Note, diagnostic: Diagnostic, span: Span, by: string | undefined): CodeAction[] {
  const finder = finderFor(ctx.workspace);
  const query = finder.spanQuery(ctx.workspace, note, span);
  const ranked = finder.rankKeys(ctx.workspace, query, () => false) ?? [];
  return ranked
    .filter((k) => k.score > 0)
    .slice(0, MAX_EXISTING_KEYS)
    .map((ranking, index) => {
      const first = ctx.workspace.occurrences(ranking.key)[0] ?? { note: ranking.note, claim: ranking.claim };
      const proposition = titleText(plainText(first.note.text, first.claim.textSpan, first.note.wikiLinks, first.note.claims), 50);
      const stance = candidateStance(finder.claimQuery(ctx.workspace, first.note, first.claim).cues, query.cues) ?? 'reports';
      return annotateAction(ctx, note, diagnostic, span, ranking.key, by, index === 0, { proposition, stance });
    });
}

function annotateAction(
  ctx: FeatureContext, note: Note, diagnostic: Diagnostic, span: Span, key: string, by: string | undefined, preferred: boolean,
  existing?: { proposition: string; stance: string },
): CodeAction {
  const claimant = by && /^[^\s{}"'=]+$/.test(by) ? by : undefined;
  const attributes = `{claim=${key}${claimant ? ` by=${claimant}` : ''} stance=${existing?.stance ?? 'reports'}}`;
  const quote = titleText(note.text.slice(span.start, span.end).replace(/\[\[(?:[^[\]|]*\|)?([^[\]]*)\]\]/g, '$1'), 50);
  return {
    title: existing
      ? `Annotate as existing claim ${titleText(key, 60)} (“${existing.proposition}”)${claimant ? ` by ${titleText(claimant, 30)}` : ''}${existing.stance === 'reports' ? '' : `, ${existing.stance === 'disputes' ? 'disputing' : 'qualifying'} it`}: “${quote}”`
      : `Annotate as claim ${titleText(key, 60)}${claimant ? ` by ${titleText(claimant, 30)}` : ''}: “${quote}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(preferred ? { isPreferred: true } : {}),
    edit: { documentChanges: [documentEdit(ctx, note.uri, [insertAt(note, span.start, '['), insertAt(note, span.end, `]${attributes}`)])] },
  };
}

/** The mark goes before the sentence's final punctuation, so that it stays inside that sentence and no other. */
function notAClaimAction(ctx: FeatureContext, note: Note, diagnostic: Diagnostic, candidate: ClaimCandidate): CodeAction {
  let at = candidate.wrap.end;
  while (at > candidate.wrap.start && /[.!?…"”»’'\s]/.test(note.text[at - 1])) at--;
  return {
    title: 'Not a claim: stop proposing this sentence',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { documentChanges: [documentEdit(ctx, note.uri, [insertAt(note, at, ` ${NOT_A_CLAIM_MARK}`)])] },
  };
}
