import { MarkupKind, type Hover, type Location, type Position } from 'vscode-languageserver-types';
import { locate } from '../model/locate';
import { type Mention } from '../model/mentionTable';
import { type Actor, type Workspace } from '../model/workspace';
import { judgeKey, mostUrgent, sourceKey, verdictDetail, type KeyJudgement, type Party, type Verdict, type VerdictDetail } from '../rules/claimVerdicts';
import { NO_PERSPECTIVE, perspectiveLabel, sourceCounts, type ClaimOccurrence } from '../rules/counterSource';
import { plural } from '../syntax/plural';
import { type ClaimSpan } from '../syntax/markdown';
import { type Note } from '../syntax/note';
import { plainText, sentenceAround } from '../syntax/sentences';
import { type Span } from '../syntax/text';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';
import { escapeMarkdown, fileLink } from '../render/markdownText';
import { shorten } from '../syntax/sanitize';
import { outletLabel } from '../render/outletLabel';
import { claimTimeline, daysBetween } from '../render/claimTimeline';
import { partyPhrase, VERDICT_LABELS, VERDICT_WORDS } from '../render/verdictText';

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
  if (token.isCancellationRequested) return undefined;
  const located = locate(ctx.workspace, uri, note.lines.offsetAt(position));
  if (!located || token.isCancellationRequested) return undefined;
  switch (located.kind) {
    case 'actor':
      return hover(note, located.mention?.linkSpan ?? located.span, actorHover(ctx, note, located.actor, position, token));
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

/**
 * What the actor hover quotes and lists. With the header, the summary, the claims and the other notes it then fits
 * VS Code's hover box at its default size (250 px high) without an inner scrollbar; the link after the quotes opens
 * every source in a list.
 */
const ACTOR_OUTLETS_QUOTED = 3;
const ACTOR_CLAIMS_LISTED = 2;
const ACTOR_QUOTE_LENGTH = 75;
const ACTOR_QUOTE_LEAD = 30;
/** The command a client runs to list every source of an actor (the VS Code extension registers it). */
export const SHOW_ACTOR_SOURCES_COMMAND = 'counterpoint.showActorSources';

function actorHover(ctx: FeatureContext, note: Note, actor: Actor, position: Position, token: Cancellation): string[] | undefined {
  const name = actor.meta.name || actor.id;
  const summary = actorSummary(ctx.workspace, actor, token);
  if (!summary) return undefined;
  const perspectives = ctx.workspace.configuration.perspectives;
  const articles = [...summary.sources.values()].flat().filter((entry) => entry.note !== note);
  const outlets = byOutlet(articles, perspectives);

  const blocks = [actorHeader(actor, note), actorSummaryLine(summary, note)];
  const quoted = outlets.slice(0, Math.max(0, Math.min(ctx.settings.hoverMaxSources, ACTOR_OUTLETS_QUOTED)));
  if (quoted.length === 0) {
    blocks.push(`No other article mentions ${escapeMarkdown(name)}.`);
  } else {
    blocks.push(quoted.map((outlet) => renderOutlet(ctx.workspace, actor, outlet)).join('\n'));
    const more = articles.length - quoted.length;
    if (more > 0) blocks.push(moreSourcesLink(actor, note.uri, position, more));
  }

  const max = Math.max(0, Math.min(ctx.settings.hoverMaxSources, ACTOR_CLAIMS_LISTED));
  const claims = claimsBy(ctx.workspace, summary, max, token);
  if (!claims) return undefined;
  const notes = otherNotesOf(ctx.workspace, summary, note);
  if (claims.lines.length > 0) {
    const more = claims.more > 0 ? ` · …and ${claims.more} more` : '';
    blocks.push(`**Claims by ${escapeMarkdown(name)}** · ${claims.lines.join(' · ')}${more}`);
  }
  if (notes.length > 0) blocks.push(otherNotesLine(ctx.workspace, notes));
  return blocks;
}

/** "**Cross-source context** · 14 articles from 9 outlets in 5 perspectives, this one included": one line. */
function actorSummaryLine(summary: ActorSummary, hovered: Note): string {
  const all = [...summary.sources.values()].flat();
  const outlets = new Set(all.map((entry) => sourceKey(entry.note)));
  const perspectiveCount = [...summary.sources.keys()].filter((group) => group !== NO_PERSPECTIVE).length;
  const included = summary.notes.has(hovered.uri) && hovered.kind === 'article' ? ', this one included' : '';
  return `**Cross-source context** · ${plural(all.length, 'article')} from ${plural(outlets.size, 'outlet')} in ${plural(perspectiveCount, 'perspective')}${included}`;
}

/** One outlet's articles that mention the actor, oldest first. */
interface OutletSources {
  key: string;
  perspective: string;
  entries: SourceEntry[];
}

/**
 * Articles by outlet, each outlet's oldest first; outlets taken in turn from each perspective (configured order,
 * oldest outlet first within one), so that the few quoted show as many sides as there are.
 */
function byOutlet(articles: readonly SourceEntry[], perspectives: readonly string[]): OutletSources[] {
  const outlets = new Map<string, OutletSources>();
  for (const entry of articles) {
    const key = sourceKey(entry.note);
    const outlet = outlets.get(key);
    if (outlet) outlet.entries.push(entry);
    else outlets.set(key, { key, perspective: entry.group, entries: [entry] });
  }
  const groups = new Map<string, OutletSources[]>();
  for (const outlet of outlets.values()) {
    outlet.entries.sort(byDateThenPath);
    const group = groups.get(outlet.perspective);
    if (group) group.push(outlet);
    else groups.set(outlet.perspective, [outlet]);
  }
  const ordered = [...groups].sort(([a], [b]) => groupRank(a, perspectives) - groupRank(b, perspectives) || a.localeCompare(b));
  for (const [, group] of ordered) group.sort((a, b) => byDateThenPath(a.entries[0], b.entries[0]));
  const result: OutletSources[] = [];
  for (let round = 0; result.length < outlets.size; round++) {
    for (const [, group] of ordered) if (round < group.length) result.push(group[round]);
  }
  return result;
}

/** "- *western* · [Reuters](…) · 2022-06-17 · 3 articles — “…the sentence around the mention…”" */
function renderOutlet(workspace: Workspace, actor: Actor, outlet: OutletSources): string {
  const entry = outlet.entries[0];
  const { note } = entry;
  const anchor = proseMention(workspace, note, actor.id) ?? entry.quoted;
  const position = note.lines.positionAt(anchor.start);
  const parts = [`*${escapeMarkdown(outlet.perspective)}*`, fileLink(outletLabel(note), note.uri, position.line, position.character)];
  if (entry.date) parts.push(escapeMarkdown(entry.date));
  if (outlet.entries.length > 1) parts.push(plural(outlet.entries.length, 'article'));
  // A short quote starts at most ACTOR_QUOTE_LEAD characters before the mention, so that it shows what follows it.
  const text = quoteAround(note, anchor, ACTOR_QUOTE_LEAD, ACTOR_QUOTE_LENGTH, 1);
  return `- ${parts.join(' · ')}${text ? ` — “${text}”` : ''}`;
}

/**
 * Where the note first mentions the actor in its prose: not in a heading (an article's first mention is often its
 * headline, which says little about the actor). A `by=` mention stands for its whole claim.
 */
function proseMention(workspace: Workspace, note: Note, actorId: string): Span | undefined {
  for (const mention of workspace.mentionsIn(note.uri)) {
    if (mention.actorId !== actorId) continue;
    const anchor = mention.claim?.span ?? mention.linkSpan ?? mention.span;
    if (!onHeadingLine(note, anchor.start)) return anchor;
  }
  return undefined;
}

/**
 * Whether an offset is on an ATX heading line (`# …`) or above a setext underline. Read from the line itself, not from
 * the note's headings, which a compact note would have to parse again in full.
 */
function onHeadingLine(note: Note, offset: number): boolean {
  const { line } = note.lines.positionAt(offset);
  const text = note.text;
  const start = note.lines.lineStart(line);
  if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text.slice(start, Math.min(note.lines.lineEnd(line), start + 12)))) return true;
  if (line + 1 >= note.lines.lineCount) return false;
  const next = text.slice(note.lines.lineStart(line + 1), note.lines.lineEnd(line + 1));
  return next.length <= 200 && /^ {0,3}(?:=+|-+)[ \t]*$/.test(next);
}

/**
 * A `command:` link that lists every source of the actor (`SHOW_ACTOR_SOURCES_COMMAND`). Its arguments are JSON,
 * percent-encoded whole: nothing from a note can end the link or add to it.
 */
function moreSourcesLink(actor: Actor, uri: string, position: Position, more: number): string {
  const args = encodeURIComponent(JSON.stringify([actor.id, uri, { line: position.line, character: position.character }]))
    .replace(/[()'!*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[…and ${plural(more, 'more source', 'more sources')}](command:${SHOW_ACTOR_SOURCES_COMMAND}?${args})`;
}

/**
 * Every source of an actor, for the list the hover links to: its articles, perspective by perspective and oldest
 * first (as the hover orders them), at their first mention of the actor; then the analyst's other notes.
 */
export function actorSourceLocations(ctx: FeatureContext, actorId: string, token: Cancellation = NEVER_CANCELLED): Location[] {
  const actor = ctx.workspace.actor(actorId);
  const summary = actor && actorSummary(ctx.workspace, actor, token);
  if (!summary) return [];
  const locations: Location[] = [];
  const groups = [...summary.sources].sort(([a], [b]) => groupRank(a, ctx.workspace.configuration.perspectives) - groupRank(b, ctx.workspace.configuration.perspectives) || a.localeCompare(b));
  for (const [, entries] of groups) {
    for (const entry of entries) locations.push({ uri: entry.note.uri, range: entry.note.lines.rangeOf({ start: entry.offset, end: entry.offset }) });
  }
  for (const mention of otherNotesOf(ctx.workspace, summary)) {
    const note = ctx.workspace.getNote(mention.uri);
    if (note) locations.push({ uri: note.uri, range: note.lines.rangeOf(mention.span) });
  }
  return token.isCancellationRequested ? [] : locations;
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
  if (!cache) summaryCache.set(workspace, (cache = new Map<string, ActorSummary>()));
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
  const notes = workspace.firstMentionsOf(actor.id, token);
  if (token.isCancellationRequested) return undefined;
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

const OTHER_NOTES_LISTED = 2;
/** Files a workspace keeps beside its notes, about the workspace rather than about the news. */
const WORKSPACE_FILES = /^(?:readme|changelog|contributing|license|licence|code_of_conduct|security)\.(?:md|markdown)$/i;

/** The analyst's own notes that mention the actor: not actor notes, not the hovered note, not files such as a README. */
function otherNotesOf(workspace: Workspace, summary: ActorSummary, hovered?: Note): Mention[] {
  return summary.otherNotes.filter((mention) => {
    if (mention.uri === hovered?.uri) return false;
    const note = workspace.getNote(mention.uri);
    return note !== undefined && note.kind === 'other' && !WORKSPACE_FILES.test(note.path.slice(note.path.lastIndexOf('/') + 1));
  });
}

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

/** The actor's claims, one line per key: how many outlets carry it and the verdict that needs attention most. */
function claimsBy(workspace: Workspace, summary: ActorSummary, max: number, token: Cancellation): { lines: string[]; more: number } | undefined {
  const lines: string[] = [];
  let shown = 0;
  // Only the keys shown are judged: a prolific claimant may have hundreds.
  for (const [key, mentions] of summary.claimsByKey) {
    if (shown++ >= max) break;
    const all = workspace.occurrences(key, token);
    const judgement = judgeKey(all, token);
    if (!judgement) return undefined;
    const verdicts: Verdict[] = [];
    for (let i = 0; i < mentions.length; i++) {
      if (i % 1024 === 0 && token.isCancellationRequested) return undefined;
      const index = mentions[i].claim ? judgement.indexOf(mentions[i].claim!) : -1;
      if (index >= 0) verdicts.push(judgement.verdicts[index]);
    }
    const { outlets } = sourceCounts(all);
    const verdict = mostUrgent(verdicts);
    if (verdict) lines.push(`${escapeMarkdown(key)} (${plural(outlets, 'outlet')}, ${verdict === 'lacking' ? '⚠ ' : ''}${VERDICT_WORDS[verdict]})`);
  }
  return { lines, more: Math.max(0, summary.claimsByKey.size - max) };
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
  const all = workspace.occurrences(claim.key, token);
  const judgement = judgeKey(all, token);
  if (!judgement) return undefined;
  const index = note.kind === 'article' && claim.valid ? judgement.indexOf(claim) : -1;
  blocks.push(index >= 0 ? verdictLines(workspace, judgement, index).join('  \n') : notCountedLine(note, claim));
  const spread = spreadLine(all);
  if (spread) blocks.push(spread);

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

/** Who a verdict rests on, at most this many of each kind named. */
const PARTIES_NAMED = 3;

/**
 * The occurrence's verdict and who it rests on: "**contested** · Dmitry Peskov disputes it (TASS, russian-state)";
 * then what else holds (corroboration besides a dispute, a cited URL) and a reply quoted by the same outlet.
 */
function verdictLines(workspace: Workspace, judgement: KeyJudgement, index: number): string[] {
  const detail = verdictDetail(judgement, index, PARTIES_NAMED);
  const nameOf = (by: string) => workspace.resolveActor(by)?.meta.name || by;
  const named = (parties: readonly Party[], total: number) =>
    `${parties.map((party) => escapeMarkdown(partyPhrase(party, nameOf))).join('; ')}${total > parties.length ? `; and ${total - parties.length} more` : ''}`;
  const lines: string[] = [];
  const label = `**${VERDICT_LABELS[detail.verdict]}**`;
  switch (detail.verdict) {
    case 'contested':
      lines.push(`${label} · ${named(detail.contesting, detail.counts.contesting)}`);
      break;
    case 'corroborated':
      lines.push(`${label} · ${named(detail.corroborating, detail.counts.corroborating)}`);
      break;
    case 'cited':
      lines.push(`${label} · ${escapeMarkdown(detail.counterUrl ?? '')}`);
      break;
    case 'single-source':
      lines.push(`${label} · marked .single-source`);
      break;
    case 'lacking':
      lines.push(`⚠ ${label} · ${missingCounterSource(detail, judgement.occurrences)}`);
      break;
  }
  if (detail.verdict === 'contested' && detail.counts.corroborating > 0) {
    lines.push(`also ${VERDICT_LABELS.corroborated} · ${named(detail.corroborating, detail.counts.corroborating)}`);
  }
  if (detail.verdict !== 'cited' && detail.counterUrl !== undefined) lines.push(`counter-source cited · ${escapeMarkdown(detail.counterUrl)}`);
  if (detail.counts.replies > 0) {
    lines.push(`in the same outlet, not a counter-source · ${named(detail.replies, detail.counts.replies)}`);
  }
  return lines;
}

function missingCounterSource(detail: VerdictDetail, all: readonly ClaimOccurrence[]): string {
  if (detail.crossSources === 0) return 'no other outlet carries it';
  const perspectives = new Set(all.map((o) => o.note.article?.perspective).filter((p): p is string => !!p));
  if (perspectives.size === 1) return `only ${escapeMarkdown([...perspectives][0])} outlets carry it, and none contests it`;
  return 'no outlet of another perspective carries it, and none contests it';
}

/**
 * When the claim first appeared and how it reached other perspectives:
 * "First carried 2022-06-17 by TASS (russian-state) · then western 2022-06-18 (+1 day, Reuters) · 1 undated".
 */
function spreadLine(all: readonly ClaimOccurrence[]): string | undefined {
  const { first, spread, undated } = claimTimeline(all);
  if (!first) return undated > 0 ? `Carried in ${plural(undated, 'undated article')}: when it first appeared is not known.` : undefined;
  const parts = [`**First carried** ${escapeMarkdown(first.date)} by ${escapeMarkdown(first.outlet)} (${escapeMarkdown(first.perspective ?? NO_PERSPECTIVE)})`];
  const later = spread.filter((appearance) => appearance.perspective !== first.perspective);
  if (later.length > 0) {
    parts.push(`then ${later.map((appearance) => {
      const days = daysBetween(first.date, appearance.date);
      const after = days === undefined ? '' : `${days === 0 ? 'same day' : `+${plural(days, 'day')}`}, `;
      return `${escapeMarkdown(appearance.perspective ?? NO_PERSPECTIVE)} ${escapeMarkdown(appearance.date)} (${after}${escapeMarkdown(appearance.outlet)})`;
    }).join(', ')}`);
  }
  if (undated > 0) parts.push(`${undated} undated`);
  return parts.join(' · ');
}

function claimantText(workspace: Workspace, claim: ClaimSpan): string {
  if (!claim.by) return ` · ${escapeMarkdown(claim.stance)}`;
  const actor = workspace.resolveActor(claim.by);
  return ` · by ${escapeMarkdown(actor?.meta.name || claim.by)} · ${escapeMarkdown(claim.stance)}`;
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
  const parts = [fileLink(outletLabel(note), note.uri, position.line, position.character)];
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
function quote(note: Note, span: Span, length = QUOTE_LENGTH): string {
  // The hover puts the text in quotation marks itself; the source's own marks at the ends would double them.
  const text = plainText(note.text, span, note.wikiLinks, note.claims).replace(/^["“”«»„]+|(?<!["“”«»„])["“”«»„]+$/g, '');
  return escapeMarkdown(shorten(text, length));
}

/** The sentence around a mention, starting shortly before it when the sentence is long, so the quote shows the mention. */
function quoteAround(note: Note, anchor: Span, lead = QUOTE_LEAD, length = QUOTE_LENGTH, slack = 1.5): string {
  const sentence = sentenceOf(note, anchor);
  if (anchor.start - sentence.start <= lead * slack) return quote(note, sentence, length);
  const start = clipStart(note, anchor.start - lead, anchor.start);
  return `…${quote(note, { start, end: sentence.end }, length)}`;
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
