import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { locate } from '../model/locate';
import { type Mention } from '../model/mentionTable';
import { type Actor, type Workspace } from '../model/workspace';
import { NO_PERSPECTIVE, claimStatus, counterSourceVerdict, perspectiveLabel, sourceCounts, statusOf, verdictLabel, worstVerdict, type ClaimOccurrence, type ClaimStatus, type CounterSourceVerdict } from '../rules/counterSource';
import { plural } from '../render/plural';
import { type ClaimSpan } from '../syntax/markdown';
import { type Note } from '../syntax/note';
import { plainText, sentenceAround } from '../syntax/sentences';
import { type Span } from '../syntax/text';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';
import { escapeMarkdown, fileLink } from '../render/markdownText';
import { shorten } from '../syntax/sanitize';

const QUOTE_LENGTH = 200;
/** How much of a long sentence a quote keeps before the mention. */
const QUOTE_LEAD = 80;
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

/** A note listing every actor of the workspace gets the first this many warmed, not all. */
const ACTORS_WARMED_PER_NOTE = 64;

/**
 * Works out what the hovers of the actors a note mentions list (see `ActorSummary`), so that the first hover on each,
 * right after the note is opened, is as quick as the next. Stops once `budgetMs` is spent and returns false if
 * actors are left: calling it again goes on, as the ones done are kept.
 */
export function warmActorHovers(ctx: FeatureContext, uri: string, budgetMs = Infinity): boolean {
  const started = Date.now();
  const seen = new Set<string>();
  for (const mention of ctx.workspace.mentionsIn(uri)) {
    if (seen.has(mention.actorId)) continue;
    if (seen.size >= ACTORS_WARMED_PER_NOTE) break;
    if (Date.now() - started > budgetMs) return false;
    seen.add(mention.actorId);
    const actor = ctx.workspace.actor(mention.actorId);
    if (actor) actorSummary(ctx.workspace, actor, NEVER_CANCELLED);
  }
  return true;
}

function hover(note: Note, span: Span, blocks: string[] | undefined): Hover | undefined {
  if (!blocks) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: blocks.join('\n\n') }, range: note.lines.rangeOf(span) };
}

// ---- actors ----

function actorHover(ctx: FeatureContext, note: Note, actor: Actor, token: Cancellation): string[] | undefined {
  const name = actor.meta.name || actor.id;
  const summary = actorSummary(ctx.workspace, actor, token);
  if (!summary) return undefined;

  const blocks = [actorHeader(actor, note)];
  const aliases = actor.meta.aliases.map((alias) => alias.value).filter((alias) => alias !== actor.meta.name);
  if (aliases.length > 0) blocks.push(`Also written: ${aliases.map(escapeMarkdown).join(', ')}`);

  const thisOneIncluded = summary.notes.has(note.uri);
  blocks.push('---', `**Cross-source context** · mentioned in ${plural(summary.notes.size, 'note')}${thisOneIncluded ? ', this one included' : ''}`);
  const sources = renderGroups(summary.sources, ctx.settings.hoverMaxSources, ctx.workspace.configuration.perspectives, note);
  if (sources.length === 0) blocks.push(`No other note mentions ${escapeMarkdown(name)}.`);
  else blocks.push(...sources);
  const otherNotes = summary.otherNotes.filter((mention) => mention.uri !== note.uri);
  if (otherNotes.length > 0) blocks.push(otherNotesLine(ctx.workspace, otherNotes));

  const max = Math.max(0, ctx.settings.hoverMaxSources);
  const claims = claimsBy(ctx.workspace, summary, max, token);
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

/**
 * What an actor's hover lists, whichever note it is hovered in. A much-mentioned actor is in thousands of notes, so
 * it is worked out once for each version of the actor's mentions (see `mentionVersionOf`) and kept for the last few
 * actors hovered; what depends on other notes' claims (the verdicts) is judged at each hover.
 */
interface ActorSummary {
  version: string;
  /** The notes that mention the actor. */
  notes: ReadonlySet<string>;
  /** One entry per article that mentions the actor, at its first mention, grouped and ordered (see `groupSources`). */
  sources: ReadonlyMap<string, SourceEntry[]>;
  /** Notes other than articles (actor notes, the analyst's own notes), at their first mention, in URI order. */
  otherNotes: Mention[];
  /** The valid claims the actor is the claimant of, by key, keys in order. */
  claimsByKey: ReadonlyMap<string, Mention[]>;
}

/** Summaries are kept while they list this many notes in all: the most mentioned actor of 10,000 notes is in 2,000. */
const SUMMARY_NOTES_KEPT = 60_000;
const SUMMARIES_KEPT = 1_000;
const summaryCache = new WeakMap<Workspace, Map<string, ActorSummary>>();

function actorSummary(workspace: Workspace, actor: Actor, token: Cancellation): ActorSummary | undefined {
  let cache = summaryCache.get(workspace);
  if (!cache) summaryCache.set(workspace, (cache = new Map()));
  const version = workspace.mentionVersionOf(actor.id);
  const cached = cache.get(actor.id);
  cache.delete(actor.id);
  if (cached?.version === version) {
    cache.set(actor.id, cached);
    return cached;
  }
  const summary = summarize(workspace, actor, version, token);
  if (!summary) return undefined;
  cache.set(actor.id, summary);
  let kept = 0;
  for (const entry of cache.values()) kept += entry.notes.size;
  for (const [id, oldest] of cache) {
    if ((kept <= SUMMARY_NOTES_KEPT && cache.size <= SUMMARIES_KEPT) || oldest === summary) break;
    cache.delete(id);
    kept -= oldest.notes.size;
  }
  return summary;
}

function summarize(workspace: Workspace, actor: Actor, version: string, token: Cancellation): ActorSummary | undefined {
  const notes = workspace.firstMentionsOf(actor.id);
  const sources: SourceEntry[] = [];
  const otherNotes: Mention[] = [];
  const claimsByKey = new Map<string, Mention[]>();
  for (const [uri, { first, claims }] of notes) {
    if (token.isCancellationRequested) return undefined;
    const note = workspace.getNote(uri);
    if (!note) continue;
    if (note.kind === 'article') {
      // A `by=` value sits in the attribute block: the sentence is the one around the whole claim.
      const anchor = first.claim?.span ?? first.linkSpan ?? first.span;
      sources.push({ group: groupOf(note), date: note.article?.date || undefined, path: note.path, note, offset: anchor.start, quoted: anchor, around: true });
    } else {
      otherNotes.push(first);
    }
    for (const mention of claims) {
      if (!mention.claim?.key || !mention.claim.valid) continue;
      const list = claimsByKey.get(mention.claim.key);
      if (list) list.push(mention);
      else claimsByKey.set(mention.claim.key, [mention]);
    }
  }
  otherNotes.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const keys = [...claimsByKey.keys()].sort((a, b) => a.localeCompare(b));
  return {
    version,
    notes: new Set(notes.keys()),
    sources: groupSources(sources),
    otherNotes,
    claimsByKey: new Map(keys.map((key) => [key, claimsByKey.get(key)!])),
  };
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
function claimsBy(workspace: Workspace, summary: ActorSummary, max: number, token: Cancellation): { lines: string[]; more: number } | undefined {
  const lines: string[] = [];
  let shown = 0;
  // Only the keys shown are judged: a prolific claimant may have hundreds.
  for (const [key, mentions] of summary.claimsByKey) {
    if (shown++ >= max) break;
    if (token.isCancellationRequested) return undefined;
    const all = workspace.occurrences(key);
    const verdicts: CounterSourceVerdict[] = [];
    for (const mention of mentions) {
      const occurrence = all.find((o) => o.note.uri === mention.uri && o.claim === mention.claim);
      if (occurrence) verdicts.push(counterSourceVerdict(claimStatus(occurrence, all)));
    }
    const { outlets } = sourceCounts(all);
    if (verdicts.length > 0) lines.push(`- ${escapeMarkdown(key)} · ${plural(outlets, 'outlet')} · ${verdictText(worstVerdict(verdicts)!)}`);
  }
  return { lines, more: Math.max(0, summary.claimsByKey.size - max) };
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
  const status = statusOf(workspace, note.uri, claim);
  const all = status?.occurrences ?? workspace.occurrences(claim.key);
  blocks.push(status ? statusLines(status, all).join('  \n') : notCountedLine(note, claim));

  const entries: SourceEntry[] = [];
  for (const occurrence of all) {
    if (token.isCancellationRequested) return undefined;
    if (occurrence.note.uri === note.uri) continue;
    const { note: source, claim: sourceClaim } = occurrence;
    entries.push({ group: groupOf(source), date: source.article?.date || undefined, path: source.path, note: source, offset: sourceClaim.span.start, stance: sourceClaim.stance, quoted: sourceClaim.textSpan, around: false });
  }
  const { outlets, perspectives } = sourceCounts(all);
  blocks.push('---', `**Sources** · ${plural(outlets, 'outlet')} · ${plural(perspectives, 'perspective')}${all.some((o) => o.note.uri === note.uri) ? ', this note included' : ''}`);
  if (entries.length === 0) blocks.push('No other note carries this claim.');
  else blocks.push(...renderGroups(groupSources(entries), ctx.settings.hoverMaxSources, workspace.configuration.perspectives));
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
    const group = perspectiveLabel(note);
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

/** A source to list: plain data, rendered only for the entries the hover shows (an actor may have thousands). */
interface SourceEntry {
  group: string;
  date?: string;
  path: string;
  note: Note;
  /** Where the link opens the source. */
  offset: number;
  stance?: string;
  /** What is quoted: the span itself, or (`around`) the sentence around it. */
  quoted: Span;
  around: boolean;
}

function renderEntry(entry: SourceEntry): string {
  const { note } = entry;
  const position = note.lines.positionAt(entry.offset);
  const parts = [fileLink(note.article?.outlet || note.path, note.uri, position.line, position.character)];
  if (entry.date) parts.push(escapeMarkdown(entry.date));
  if (entry.stance) parts.push(escapeMarkdown(entry.stance));
  const text = entry.around ? quoteAround(note, entry.quoted) : quote(note, entry.quoted);
  return `- ${parts.join(' · ')}${text ? ` — “${text}”` : ''}`;
}

function groupOf(note: Note): string {
  if (note.kind !== 'article') return OTHER_NOTES;
  return perspectiveLabel(note);
}

/** Note text as a reader sees it, cut short and escaped: ready to show in quotes. */
function quote(note: Note, span: Span): string {
  // The hover puts the text in quotation marks itself; the source's own marks at the ends would double them.
  const text = plainText(note.text, span, note.wikiLinks, note.claims).replace(/^["“”«»„]+|["“”«»„]+$/g, '');
  return escapeMarkdown(shorten(text, QUOTE_LENGTH));
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

/** Entries by group (perspective), oldest first within a group. */
function groupSources(entries: readonly SourceEntry[]): Map<string, SourceEntry[]> {
  const groups = new Map<string, SourceEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.group);
    if (group) group.push(entry);
    else groups.set(entry.group, [entry]);
  }
  for (const members of groups.values()) members.sort(byDateThenPath);
  return groups;
}

/**
 * Grouped entries under a heading per perspective (the configured ones first, in their order), oldest first within a
 * group, at most `max` in all, then how many were left out. The hovered note is not a source of itself.
 */
function renderGroups(groups: ReadonlyMap<string, readonly SourceEntry[]>, max: number, perspectives: readonly string[], hovered?: Note): string[] {
  const ordered = [...groups].sort(([a], [b]) => groupRank(a, perspectives) - groupRank(b, perspectives) || a.localeCompare(b));
  const blocks: string[] = [];
  let shown = 0;
  let total = 0;
  const limit = Math.max(0, max);
  for (const [group, all] of ordered) {
    const members = hovered && all.some((entry) => entry.note === hovered) ? all.filter((entry) => entry.note !== hovered) : all;
    total += members.length;
    if (shown >= limit || members.length === 0) continue;
    const visible = members.slice(0, limit - shown);
    shown += visible.length;
    blocks.push(`**${escapeMarkdown(group)}** · ${plural(members.length, 'source')}`, visible.map(renderEntry).join('\n'));
  }
  if (total > shown) blocks.push(`…and ${plural(total - shown, 'more source', 'more sources')}`);
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
  // Ordinal, not localeCompare: an actor's group can hold thousands of sources, and this runs at every hover.
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
