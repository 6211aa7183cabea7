import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import {
  claimStatus,
  locate,
  plainText,
  sentenceAround,
  type Actor,
  type ClaimOccurrence,
  type ClaimSpan,
  type ClaimStatus,
  type Mention,
  type Note,
  type Span,
  type Workspace,
} from '../core';
import { counterSourceVerdict, plural, sourceCounts, verdictLabel, worstVerdict, type CounterSourceVerdict } from './codeLens';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';
import { escapeMarkdown, fileLink, truncate } from './markdownText';

const QUOTE_LENGTH = 200;
/** How much of a long sentence a quote keeps before the mention. */
const QUOTE_LEAD = 80;
const NO_PERSPECTIVE = 'no perspective';
const OTHER_NOTES = 'other notes';

/**
 * Cross-source context for what is under the cursor: an actor (with where else it is
 * mentioned and what it claims), a claim (with who else carries it), or an unknown actor.
 * Elsewhere there is no hover, so the editor's own markdown hovers are not doubled.
 */
export function provideHover(ctx: FeatureContext, uri: string, position: Position, token: Cancellation = NEVER_CANCELLED): Hover | undefined {
  const note = ctx.workspace.getNote(uri);
  if (!note) return undefined;
  const located = locate(ctx.workspace, uri, note.lines.offsetAt(position));
  if (!located) return undefined;
  switch (located.kind) {
    case 'actor':
      return hover(note, located.mention?.linkSpan ?? located.span, actorHover(ctx, note, located.actor, token));
    case 'unknown-actor':
      return hover(note, located.span, unknownActorHover(located.name));
    case 'claim-key':
      return hover(note, located.span, claimHover(ctx, note, located.claim, token));
    case 'claim-attribute':
      return hover(note, located.attribute.span, claimHover(ctx, note, located.claim, token));
    case 'claim':
      return hover(note, located.span, claimHover(ctx, note, located.claim, token));
    default:
      return undefined;
  }
}

function hover(note: Note, span: Span, blocks: string[] | undefined): Hover | undefined {
  if (!blocks) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: blocks.join('\n\n') }, range: note.lines.rangeOf(span) };
}

// ---- actors ----

function actorHover(ctx: FeatureContext, note: Note, actor: Actor, token: Cancellation): string[] | undefined {
  const name = actor.meta.name || actor.id;
  const mentions = ctx.workspace.mentionsOf(actor.id, token);
  if (token.isCancellationRequested) return undefined;

  const blocks = [actorHeader(actor, note)];
  const aliases = actor.meta.aliases.map((alias) => alias.value).filter((alias) => alias !== actor.meta.name);
  if (aliases.length > 0) blocks.push(`Also written: ${aliases.map(escapeMarkdown).join(', ')}`);

  const sources = mentionSources(ctx.workspace, note, mentions, token);
  if (!sources) return undefined;
  const notesMentioning = new Set(mentions.map((m) => m.uri)).size;
  blocks.push('---', `**Cross-source context** · mentioned in ${plural(notesMentioning, 'note')}${mentions.some((m) => m.uri === note.uri) ? ', this one included' : ''}`);
  if (sources.length === 0) blocks.push(`No other note mentions ${escapeMarkdown(name)}.`);
  else blocks.push(...renderGroups(sources, ctx.settings.hoverMaxSources, ctx.workspace.configuration.perspectives));
  const otherNotes = otherNotesMentioning(ctx.workspace, note, mentions);
  if (otherNotes.length > 0) blocks.push(otherNotesLine(ctx.workspace, otherNotes));

  const max = Math.max(0, ctx.settings.hoverMaxSources);
  const claims = claimsBy(ctx.workspace, mentions, max, token);
  if (!claims) return undefined;
  if (claims.lines.length > 0) {
    blocks.push('---', `**Claims by ${escapeMarkdown(name)}**`, claims.lines.join('\n'));
    if (claims.more > 0) blocks.push(`…and ${plural(claims.more, 'more claim', 'more claims')}`);
  }
  return blocks;
}

function actorHeader(actor: Actor, hovered: Note): string {
  const parts = [`**${escapeMarkdown(actor.meta.name || actor.id)}**`];
  if (actor.meta.kind) parts.push(escapeMarkdown(actor.meta.kind));
  if (actor.meta.role) parts.push(escapeMarkdown(actor.meta.role));
  if (actor.note !== hovered) parts.push(fileLink(actor.note.path, actor.note.uri, 0, 0));
  return parts.join(' · ');
}

/** One entry per other note that mentions the actor, at its first mention. */
function mentionSources(workspace: Workspace, hovered: Note, mentions: readonly Mention[], token: Cancellation): SourceEntry[] | undefined {
  const firstByNote = new Map<string, Mention>();
  for (const mention of mentions) {
    if (mention.uri !== hovered.uri && !firstByNote.has(mention.uri)) firstByNote.set(mention.uri, mention);
  }
  const entries: SourceEntry[] = [];
  for (const mention of firstByNote.values()) {
    if (token.isCancellationRequested) return undefined;
    const note = workspace.getNote(mention.uri);
    // Sources are articles; the analyst's own notes are summed up after them.
    if (!note || note.kind !== 'article') continue;
    // A `by=` value sits in the attribute block: the sentence is the one around the whole claim.
    const anchor = mention.claim?.span ?? mention.linkSpan ?? mention.span;
    entries.push(sourceEntry(note, anchor.start, [], () => quoteAround(note, anchor)));
  }
  return entries;
}

/** Notes other than articles (actor notes, the analyst's own notes) that mention the actor, each at its first mention. */
function otherNotesMentioning(workspace: Workspace, hovered: Note, mentions: readonly Mention[]): Mention[] {
  const first = new Map<string, Mention>();
  for (const mention of mentions) {
    if (mention.uri === hovered.uri || first.has(mention.uri)) continue;
    if (workspace.getNote(mention.uri)?.kind !== 'article') first.set(mention.uri, mention);
  }
  return [...first.values()].sort((a, b) => a.uri.localeCompare(b.uri));
}

const OTHER_NOTES_LISTED = 3;

function otherNotesLine(workspace: Workspace, mentions: readonly Mention[]): string {
  const links: string[] = [];
  for (const mention of mentions.slice(0, OTHER_NOTES_LISTED)) {
    const note = workspace.getNote(mention.uri);
    if (!note) continue;
    const at = note.lines.positionAt(mention.span.start);
    links.push(fileLink(note.path, note.uri, at.line, at.character));
  }
  const more = mentions.length - links.length;
  return `Also in ${plural(mentions.length, 'other note')}: ${links.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The actor's claims, one line per key: how many outlets carry it and how well it is sourced. */
function claimsBy(workspace: Workspace, mentions: readonly Mention[], max: number, token: Cancellation): { lines: string[]; more: number } | undefined {
  const claimsByKey = new Map<string, Mention[]>();
  for (const mention of mentions) {
    if (mention.kind !== 'by' || !mention.claim?.key || !mention.claim.valid) continue;
    const list = claimsByKey.get(mention.claim.key) ?? [];
    list.push(mention);
    claimsByKey.set(mention.claim.key, list);
  }
  const keys = [...claimsByKey.keys()].sort((a, b) => a.localeCompare(b));
  const lines: string[] = [];
  // Only the keys shown are judged: a prolific claimant may have hundreds.
  for (const key of keys.slice(0, max)) {
    if (token.isCancellationRequested) return undefined;
    const all = workspace.occurrences(key);
    const verdicts: CounterSourceVerdict[] = [];
    for (const mention of claimsByKey.get(key)!) {
      const occurrence = all.find((o) => o.note.uri === mention.uri && o.claim === mention.claim);
      if (occurrence) verdicts.push(counterSourceVerdict(claimStatus(occurrence, all)));
    }
    const { outlets } = sourceCounts(all);
    if (verdicts.length > 0) lines.push(`- ${escapeMarkdown(key)} · ${plural(outlets, 'outlet')} · ${verdictText(worstVerdict(verdicts)!)}`);
  }
  return { lines, more: Math.max(0, keys.length - max) };
}

function verdictText(verdict: CounterSourceVerdict): string {
  return verdict === 'none' ? `⚠ ${verdictLabel(verdict)}` : verdictLabel(verdict);
}

function unknownActorHover(name: string): string[] {
  return [
    `**Unknown actor** “${escapeMarkdown(name)}”`,
    'No actor note exists for this name yet. A quick fix can create one.',
  ];
}

// ---- claims ----

function claimHover(ctx: FeatureContext, note: Note, claim: ClaimSpan, token: Cancellation): string[] | undefined {
  if (!claim.key) return undefined;
  const { workspace } = ctx;
  const blocks = [`**Claim ${escapeMarkdown(claim.key)}**${claimantText(workspace, claim)}`];
  const status = workspace.statusOf(note.uri, claim);
  const all = status?.occurrences ?? workspace.occurrences(claim.key);
  blocks.push(status ? statusLines(status, all).join('  \n') : notCountedLine(note, claim));

  const entries: SourceEntry[] = [];
  for (const occurrence of all) {
    if (token.isCancellationRequested) return undefined;
    if (occurrence.note.uri === note.uri) continue;
    entries.push(sourceEntry(occurrence.note, occurrence.claim.span.start, [occurrence.claim.stance], () => quote(occurrence.note, occurrence.claim.textSpan)));
  }
  const { outlets, perspectives } = sourceCounts(all);
  blocks.push('---', `**Sources** · ${plural(outlets, 'outlet')} · ${plural(perspectives, 'perspective')}${all.some((o) => o.note.uri === note.uri) ? ', this note included' : ''}`);
  if (entries.length === 0) blocks.push('No other note carries this claim.');
  else blocks.push(...renderGroups(entries, ctx.settings.hoverMaxSources, workspace.configuration.perspectives));
  return blocks;
}

function claimantText(workspace: Workspace, claim: ClaimSpan): string {
  if (!claim.by) return ` · ${escapeMarkdown(claim.stance)}`;
  const actor = workspace.resolveActor(claim.by);
  return ` · by ${escapeMarkdown(actor?.meta.name || claim.by)} · ${escapeMarkdown(claim.stance)}`;
}

function statusLines(status: ClaimStatus, all: readonly ClaimOccurrence[]): string[] {
  const lines: string[] = [];
  if (status.counterSources.length > 0) lines.push(`✓ has a counter-source: ${escapeMarkdown(outletsByPerspective(status.counterSources))}`);
  if (status.counterUrl !== undefined) lines.push(`counter-source cited: ${escapeMarkdown(status.counterUrl)}`);
  if (counterSourceVerdict(status) === 'single-source') lines.push('marked single-source');
  if (counterSourceVerdict(status) === 'none') lines.push(`⚠ no counter-source: ${missingCounterSource(status, all)}`);
  return lines;
}

/** "russian-state (TASS, RIA Novosti); western (BBC)" */
function outletsByPerspective(occurrences: readonly ClaimOccurrence[]): string {
  const outlets = new Map<string, Set<string>>();
  for (const { note } of occurrences) {
    const group = note.article?.perspective || NO_PERSPECTIVE;
    outlets.set(group, (outlets.get(group) ?? new Set<string>()).add(note.article?.outlet || note.path));
  }
  return [...outlets].map(([perspective, names]) => `${perspective} (${[...names].join(', ')})`).join('; ');
}

function missingCounterSource(status: ClaimStatus, all: readonly ClaimOccurrence[]): string {
  if (status.crossSources.length === 0) return 'no other outlet carries it';
  const perspectives = new Set(all.map((o) => o.note.article?.perspective).filter((p): p is string => !!p));
  if (perspectives.size === 1) return `only ${escapeMarkdown([...perspectives][0])} outlets carry it`;
  return 'no outlet of another perspective carries it, and none disputes it';
}

function notCountedLine(note: Note, claim: ClaimSpan): string {
  if (note.kind !== 'article') return 'Not counted across sources: claims count only in article notes.';
  if (!claim.valid) return 'Not counted across sources until the errors in this claim are fixed.';
  return 'Not counted across sources.';
}

// ---- source lists ----

interface SourceEntry {
  group: string;
  date?: string;
  path: string;
  /** Rendered only for the entries the hover shows: an actor may have thousands. */
  render(): string;
}

function sourceEntry(note: Note, offset: number, details: string[], quoted: () => string): SourceEntry {
  const date = note.article?.date || undefined;
  const render = () => {
    const position = note.lines.positionAt(offset);
    const parts = [fileLink(note.article?.outlet || note.path, note.uri, position.line, position.character)];
    if (date) parts.push(escapeMarkdown(date));
    parts.push(...details.map(escapeMarkdown));
    const text = quoted();
    return `- ${parts.join(' · ')}${text ? ` — “${text}”` : ''}`;
  };
  return { group: groupOf(note), date, path: note.path, render };
}

function groupOf(note: Note): string {
  if (note.kind !== 'article') return OTHER_NOTES;
  return note.article?.perspective || NO_PERSPECTIVE;
}

/** Note text as a reader sees it, cut short and escaped: ready to show in quotes. */
function quote(note: Note, span: Span): string {
  // The hover puts the text in quotation marks itself; the source's own marks at the ends would double them.
  const text = plainText(note.text, span, note.wikiLinks, note.claims).replace(/^["“”«»„]+|["“”«»„]+$/g, '');
  return escapeMarkdown(truncate(text, QUOTE_LENGTH));
}

/** The sentence around a mention, starting shortly before it when the sentence is long, so the quote shows the mention. */
function quoteAround(note: Note, anchor: Span): string {
  const sentence = sentenceOf(note, anchor);
  if (anchor.start - sentence.start <= QUOTE_LEAD * 1.5) return quote(note, sentence);
  const start = clipStart(note, anchor.start - QUOTE_LEAD, anchor.start);
  return `…${quote(note, { start, end: sentence.end })}`;
}

/**
 * The sentence around a span, widened so that it never cuts a wiki link or a claim's
 * attribute block in two (a label such as "St. Petersburg" has a full stop inside).
 */
function sentenceOf(note: Note, anchor: Span): Span {
  const block = blockOf(note, anchor);
  let sentence = sentenceAround(note.text, anchor, block);
  for (let round = 0; round < 4; round++) {
    const widened = widenOverMarkup(note, sentence);
    if (widened.start === sentence.start && widened.end === sentence.end) break;
    sentence = sentenceAround(note.text, widened, block);
  }
  return sentence;
}

function widenOverMarkup(note: Note, span: Span): Span {
  let { start, end } = span;
  const cut = (markup: Span) => markup.start < end && start < markup.end && (markup.start < start || end < markup.end);
  for (const link of note.wikiLinks) {
    if (cut(link.span)) {
      start = Math.min(start, link.span.start);
      end = Math.max(end, link.span.end);
    }
  }
  for (const claim of note.claims) {
    if (cut(claim.attributesSpan)) {
      start = Math.min(start, claim.attributesSpan.start);
      end = Math.max(end, claim.attributesSpan.end);
    }
  }
  return { start, end };
}

/** A start for a clipped quote: at a word boundary, never inside a wiki link or an attribute block. */
function clipStart(note: Note, from: number, limit: number): number {
  let start = from;
  while (start < limit && !/\s/.test(note.text[start - 1] ?? ' ')) start++;
  for (const link of note.wikiLinks) if (link.span.start < start && start < link.span.end) start = link.span.start;
  for (const claim of note.claims) {
    if (claim.attributesSpan.start < start && start < claim.attributesSpan.end) start = claim.attributesSpan.end;
  }
  return start;
}

function blockOf(note: Note, span: Span): Span {
  const block = note.blocks.find((b) => b.start <= span.start && span.end <= b.end);
  if (block) return block;
  const line = note.lines.positionAt(span.start).line;
  return { start: note.lines.lineStart(line), end: Math.max(span.end, note.lines.lineEnd(line)) };
}

/**
 * Entries grouped under a heading per perspective (the configured ones first, in their
 * order), oldest first within a group, at most `max` in all, then how many were left out.
 */
function renderGroups(entries: SourceEntry[], max: number, perspectives: readonly string[]): string[] {
  const groups = new Map<string, SourceEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.group) ?? [];
    group.push(entry);
    groups.set(entry.group, group);
  }
  const ordered = [...groups].sort(([a], [b]) => groupRank(a, perspectives) - groupRank(b, perspectives) || a.localeCompare(b));
  const blocks: string[] = [];
  let shown = 0;
  const limit = Math.max(0, max);
  for (const [group, members] of ordered) {
    if (shown >= limit) break;
    members.sort(byDateThenPath);
    const visible = members.slice(0, limit - shown);
    shown += visible.length;
    blocks.push(`**${escapeMarkdown(group)}** · ${plural(members.length, 'source')}`, visible.map((e) => e.render()).join('\n'));
  }
  if (entries.length > shown) blocks.push(`…and ${plural(entries.length - shown, 'more source', 'more sources')}`);
  return blocks;
}

function groupRank(group: string, perspectives: readonly string[]): number {
  const index = perspectives.indexOf(group);
  if (index >= 0) return index;
  if (group === OTHER_NOTES) return perspectives.length + 2;
  if (group === NO_PERSPECTIVE) return perspectives.length + 1;
  return perspectives.length;
}

function byDateThenPath(a: SourceEntry, b: SourceEntry): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.path.localeCompare(b.path);
}
