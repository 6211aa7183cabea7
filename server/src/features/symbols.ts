import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { actorNames, type Actor } from '../model/workspace';
import { type ClaimSpan } from '../syntax/markdown';
import { type Note } from '../syntax/note';
import { plainText } from '../syntax/sentences';
import { normalizeName, type Span } from '../syntax/text';
import type { Cancellation, FeatureContext } from './context';
import { shorten } from '../syntax/sanitize';
import { plural } from '../render/plural';

const MAX_WORKSPACE_SYMBOLS = 500;
const CLAIM_DETAIL_LENGTH = 80;
// Claims are reported statements: Event reads better in the outline than a field or key would.
const CLAIM_SYMBOL_KIND = SymbolKind.Event;

/** The symbol kind of an actor: people as objects, institutions as classes, places as modules. */
export function actorSymbolKind(kind: string | undefined): SymbolKind {
  switch (kind) {
    case 'person': return SymbolKind.Object;
    case 'organization':
    case 'media': return SymbolKind.Class;
    case 'state':
    case 'territory': return SymbolKind.Module;
    default: return SymbolKind.Variable;
  }
}

/**
 * Counterpoint's part of a note's outline: a "Claims" group with the note's claims in order, then an "Actors" group
 * with every actor the note mentions. An actor note starts with the actor itself, its aliases as children. Headings
 * are left to the editor's Markdown support, whose outline sits beside this one (listing them here showed each twice).
 */
export function provideDocumentSymbols(ctx: FeatureContext, uri: string): DocumentSymbol[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  const symbols: DocumentSymbol[] = [];
  const self = note.kind === 'actor' && note.actor ? ctx.workspace.actor(note.actor.id) : undefined;
  if (self && self.note === note) symbols.push(actorDefinitionSymbol(note, self));
  const claims = claimsGroup(note);
  if (claims) symbols.push(claims);
  const actors = actorsGroup(ctx, note, self?.note === note ? self.id : undefined);
  if (actors) symbols.push(actors);
  return symbols;
}

function symbol(note: Note, name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const range = { start: Math.min(span.start, selection.start), end: Math.max(span.end, selection.end) };
  return {
    // VS Code rejects a symbol with an empty name.
    name: name.trim() === '' ? '(untitled)' : name,
    detail,
    kind,
    range: note.lines.rangeOf(range),
    selectionRange: note.lines.rangeOf(selection),
    ...(children && children.length > 0 ? { children } : {}),
  };
}

function actorDefinitionSymbol(note: Note, actor: Actor): DocumentSymbol {
  const meta = actor.meta;
  const fm = note.frontmatter;
  const whole = fm?.span ?? { start: 0, end: note.lines.lineEnd(0) };
  const aliasesField = fm?.fields.get('aliases');
  const aliases = meta.aliases.map((alias) => {
    const span = alias.span ?? aliasesField?.keySpan ?? whole;
    return symbol(note, alias.value, SymbolKind.Constant, span, span, 'alias');
  });
  const selection = meta.nameSpan ?? meta.idSpan ?? fm?.openFenceSpan ?? whole;
  const detail = [meta.id, meta.role].filter(Boolean).join(' · ');
  return symbol(note, meta.name || meta.id, actorSymbolKind(meta.kind), whole, selection, detail, aliases);
}

/** The note's claims, in order, as one group (the editor's Markdown support outlines the headings). */
function claimsGroup(note: Note): DocumentSymbol | undefined {
  const claims = [...note.claims].sort((a, b) => a.span.start - b.span.start);
  if (claims.length === 0) return undefined;
  let end = 0;
  for (const claim of claims) end = Math.max(end, claim.span.end);
  const whole = { start: claims[0].span.start, end };
  const detail = `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'}`;
  return symbol(note, 'Claims', SymbolKind.Namespace, whole, { start: whole.start, end: whole.start }, detail, claims.map((claim) => claimSymbol(note, claim)));
}

function claimSymbol(note: Note, claim: ClaimSpan): DocumentSymbol {
  const text = plainText(note.text, claim.textSpan, note.wikiLinks, note.claims);
  return symbol(note, claim.key ?? '(claim without key)', CLAIM_SYMBOL_KIND, claim.span, claim.keySpan ?? claim.span, shorten(text, CLAIM_DETAIL_LENGTH));
}

function actorsGroup(ctx: FeatureContext, note: Note, ownId: string | undefined): DocumentSymbol | undefined {
  const byActor = new Map<string, Span[]>();
  for (const mention of ctx.workspace.mentionsIn(note.uri)) {
    if (mention.actorId === ownId) continue;
    const spans = byActor.get(mention.actorId) ?? [];
    spans.push(mention.span);
    byActor.set(mention.actorId, spans);
  }
  const children: DocumentSymbol[] = [];
  let group: Span | undefined;
  for (const [id, spans] of byActor) {
    const actor = ctx.workspace.actor(id);
    if (!actor) continue;
    const whole = { start: spans[0].start, end: spans[spans.length - 1].end };
    group = group ? { start: Math.min(group.start, whole.start), end: Math.max(group.end, whole.end) } : whole;
    const count = plural(spans.length, 'mention');
    children.push(symbol(note, actor.meta.name || actor.id, actorSymbolKind(actor.meta.kind), whole, spans[0], count));
  }
  if (!group) return undefined;
  children.sort((a, b) => a.name.localeCompare(b.name));
  return symbol(note, 'Actors', SymbolKind.Namespace, group, { start: group.start, end: group.start }, plural(children.length, 'actor'), children);
}

interface Candidate {
  score: number;
  symbol: WorkspaceSymbol;
}

/**
 * Actors (by id, name or alias) and claim keys matching a query, best matches first.
 * Matching ignores case; a substring beats a scattered subsequence.
 */
export function provideWorkspaceSymbols(ctx: FeatureContext, query: string, token?: Cancellation): WorkspaceSymbol[] {
  const wanted = normalizeName(query);
  const candidates: Candidate[] = [];
  for (const actor of ctx.workspace.actors()) {
    if (token?.isCancellationRequested) return [];
    const candidate = actorCandidate(actor, wanted);
    if (candidate) candidates.push(candidate);
  }
  for (const key of ctx.workspace.claimKeys()) {
    if (token?.isCancellationRequested) return [];
    const score = matchScore(key.toLowerCase(), wanted);
    if (score === undefined) continue;
    const occurrences = ctx.workspace.occurrences(key);
    const first = occurrences[0];
    if (!first) continue;
    const notes = new Set(occurrences.map((o) => o.note.uri)).size;
    candidates.push({
      score,
      symbol: {
        name: key,
        kind: CLAIM_SYMBOL_KIND,
        containerName: `claim in ${plural(notes, 'article')}`,
        location: { uri: first.note.uri, range: first.note.lines.rangeOf(first.claim.keySpan ?? first.claim.span) },
      },
    });
  }
  candidates.sort((a, b) => a.score - b.score || a.symbol.name.localeCompare(b.symbol.name));
  return candidates.slice(0, MAX_WORKSPACE_SYMBOLS).map((c) => c.symbol);
}

function actorCandidate(actor: Actor, wanted: string): Candidate | undefined {
  let best: { score: number; name: string } | undefined;
  for (const name of actorNames(actor)) {
    const score = matchScore(normalizeName(name), wanted);
    if (score !== undefined && (!best || score < best.score)) best = { score, name };
  }
  if (!best) return undefined;
  const display = actor.meta.name || actor.id;
  // VS Code filters the answer again by the symbol's name, so an alias that matched must be shown in it.
  const name = matchScore(normalizeName(display), wanted) === undefined ? `${display} (${best.name})` : display;
  const note = actor.note;
  const selection = actor.meta.nameSpan ?? actor.meta.idSpan ?? note.frontmatter?.openFenceSpan ?? { start: 0, end: 0 };
  return {
    score: best.score,
    symbol: {
      name,
      kind: actorSymbolKind(actor.meta.kind),
      containerName: `actor ${actor.id}`,
      location: { uri: note.uri, range: note.lines.rangeOf(selection) },
    },
  };
}

/** 0 exact, 1 prefix, 2 substring, 3 subsequence; undefined when the query does not match. */
function matchScore(candidate: string, wanted: string): number | undefined {
  if (wanted === '') return 3;
  if (candidate === wanted) return 0;
  if (candidate.startsWith(wanted)) return 1;
  if (candidate.includes(wanted)) return 2;
  return isSubsequence(wanted.replace(/\s+/g, ''), candidate) ? 3 : undefined;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}
