import { CompletionItemKind, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { type Actor } from '../model/workspace';
import { finderFor } from '../analysis/counterSourceFinder';
import { NO_PERSPECTIVE, describeSources, type ClaimOccurrence } from '../rules/counterSource';
import { plainText } from '../syntax/sentences';
import { STANCES, type Stance } from '../syntax/markdown';
import { ACTOR_KINDS, noteStem, type Note } from '../syntax/note';
import { type Span } from '../syntax/text';
import type { FeatureContext } from './context';
import { escapeMarkdown } from '../render/markdownText';
import { plural } from '../syntax/plural';

// `[` for `[[`, `{` and ` ` for attribute names, `=` for attribute values, `:` and ` ` for frontmatter values.
export const COMPLETION_TRIGGER_CHARACTERS = ['[', '{', '=', ':', ' '];

const STANCE_MEANINGS: Record<Stance, string> = {
  asserts: 'The claimant states the claim: the outlet in its own voice, or the `by=` actor it quotes. This is the default when no stance is given.',
  reports: 'The outlet relays that the claimant (`by=`) said it, without taking a side.',
  disputes: 'The claimant denies or contradicts the claim: the outlet itself, or the `by=` actor it quotes (a quoted denial, under the same key as the claim it denies). From another outlet, it contests every occurrence that asserts or reports the claim.',
  qualifies: 'The claimant narrows, hedges or partly contradicts the claim ("restricted", not "blocked"). From another outlet, it contests the claim like `disputes`.',
};

const ACTOR_KIND_MEANINGS: Record<(typeof ACTOR_KINDS)[number], string> = {
  person: 'A person: a politician, official, journalist, commentator.',
  organization: 'An organization: a party, company, alliance, agency or institution.',
  state: 'A sovereign state, as an actor (its government speaking).',
  territory: 'A territory or entity that is not a recognised state.',
  media: 'An outlet or media organization, when it is itself an actor in the story.',
};

/** What the cursor is completing, with the text its completion replaces. */
type CompletionSite =
  | { kind: 'wiki-link'; replace: Span; closed: boolean }
  | { kind: 'attribute'; name: string; replace: Span }
  | { kind: 'attribute-name'; present: ReadonlySet<string>; replace: Span; open: number }
  | { kind: 'frontmatter'; key: string; replace: Span; needsSpace: boolean };

/**
 * Completions where Counterpoint knows the vocabulary: actors and notes in `[[…]]`,
 * attribute values in a claim's `{…}` block, and `perspective:` / `kind:` in frontmatter.
 * Anywhere else the list is empty, so VS Code's own markdown completions are not doubled.
 */
export function provideCompletions(ctx: FeatureContext, uri: string, position: Position): CompletionItem[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  const offset = note.lines.offsetAt(position);
  const site = completionSite(note, offset);
  if (!site) return [];
  const range = note.lines.rangeOf(site.replace);
  switch (site.kind) {
    case 'wiki-link':
      return [...actorItems(ctx, range, site.closed ? '' : ']]'), ...noteItems(ctx, note, range, site.closed ? '' : ']]')];
    case 'attribute':
      if (site.name === 'by') return actorItems(ctx, range, '');
      if (site.name === 'claim') return claimKeyItems(ctx, uri, offset, range);
      if (site.name === 'stance') return stanceItems(range);
      return [];
    case 'attribute-name':
      return attributeNameItems(site.present, range);
    case 'frontmatter':
      return frontmatterItems(ctx, note, site.key, range, site.needsSpace ? ' ' : '');
  }
}

function completionSite(note: Note, offset: number): CompletionSite | undefined {
  const line = note.lines.positionAt(offset).line;
  const lineStart = note.lines.lineStart(line);
  const lineEnd = note.lines.lineEnd(line);
  const before = note.text.slice(lineStart, offset);
  const after = note.text.slice(offset, lineEnd);
  if (inFrontmatter(note, offset)) return frontmatterSite(note, offset, before, after);
  const site = wikiLinkSite(offset, before, after) ?? attributeSite(offset, before, after) ?? attributeNameSite(offset, before, after);
  // The character just before the replaced text (`[` or `=`; for an attribute name, the block's `{`) must be in prose, not in code.
  return site && inBlock(note, site.kind === 'attribute-name' ? site.open : site.replace.start - 1) ? site : undefined;
}

/** Between the fences of the frontmatter; an unclosed block counts, since it is being written. */
function inFrontmatter(note: Note, offset: number): boolean {
  const fm = note.frontmatter;
  if (fm) return offset > fm.openFenceSpan.end && offset < note.lines.lineStart(note.lines.positionAt(fm.span.end).line);
  const opening = /^\uFEFF?---[ \t]*(\r\n|\r|\n)/.exec(note.text);
  return opening !== null && offset >= opening[0].length && !/(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/.test(note.text.slice(0, offset));
}

/** Inside a paragraph or heading: not in a code block, a comment or the frontmatter. */
function inBlock(note: Note, offset: number): boolean {
  return note.blocks.some((block) => offset >= block.start && offset < block.end);
}

function frontmatterSite(note: Note, offset: number, before: string, after: string): CompletionSite | undefined {
  const key = note.kind === 'article' ? 'perspective' : note.kind === 'actor' ? 'kind' : undefined;
  if (!key) return undefined;
  const match = new RegExp(`^${key}:([ \\t]*)(["']?)([\\w-]*)$`).exec(before);
  if (!match) return undefined;
  const rest = /^[\w-]*/.exec(after)![0];
  return { kind: 'frontmatter', key, replace: { start: offset - match[3].length, end: offset + rest.length }, needsSpace: match[1] === '' && match[2] === '' };
}

function wikiLinkSite(offset: number, before: string, after: string): CompletionSite | undefined {
  const open = before.lastIndexOf('[[');
  if (open < 0 || before.indexOf(']]', open) >= 0) return undefined;
  const partial = before.slice(open + 2);
  // After `|` the writer is typing the label, not the target.
  if (/[[\]|#]/.test(partial) || partial.length > 100) return undefined;
  const closing = /^([^[\]|#\s]*)(?:\]\]|\||#)/.exec(after);
  if (closing) return { kind: 'wiki-link', replace: { start: offset - partial.length, end: offset + closing[1].length }, closed: true };
  return { kind: 'wiki-link', replace: { start: offset - partial.length, end: offset }, closed: false };
}

function attributeSite(offset: number, before: string, after: string): CompletionSite | undefined {
  const block = /\]\{([^{}]*)$/.exec(before);
  if (!block) return undefined;
  const value = /(?:^|[ \t])([A-Z][\w-]*)=([^\s"'{}]*)$/i.exec(block[1]);
  if (!value) return undefined;
  const rest = /^[^\s"'{}]*/.exec(after)![0];
  return { kind: 'attribute', name: value[1], replace: { start: offset - value[2].length, end: offset + rest.length } };
}

/** A new item of a claim's attribute block: right after `]{` or a blank in it, with at most a partial name typed. */
function attributeNameSite(offset: number, before: string, after: string): CompletionSite | undefined {
  const block = /\]\{([^{}]*)$/.exec(before);
  if (!block) return undefined;
  const partial = /(?:^|[ \t])([.\w-]*)$/.exec(block[1]);
  if (!partial) return undefined;
  const rest = /^[.\w-]*/.exec(after)![0];
  const close = after.indexOf('}');
  const items = `${block[1].slice(0, block[1].length - partial[1].length)} ${close >= 0 ? after.slice(rest.length, close) : ''}`;
  const present = new Set(items.split(/[ \t]+/).map((item) => (item.startsWith('.') ? item : item.split('=')[0])).filter(Boolean));
  return { kind: 'attribute-name', present, replace: { start: offset - partial[1].length, end: offset + rest.length }, open: offset - block[1].length - 1 };
}

const ATTRIBUTE_NAME_MEANINGS: [insert: string, meaning: string][] = [
  ['claim=', 'The claim key: every note that carries this proposition uses the same key.'],
  ['by=', 'The claimant: the actor who makes the claim. Leave it out when the outlet says it in its own voice.'],
  ['stance=', 'The claimant\'s position: `asserts`, `reports`, `disputes` or `qualifies`.'],
  ['counter=', 'A counter-source outside the workspace: an `http(s)://` address.'],
  ['.single-source', 'Marks this occurrence as knowingly single-source: it needs no counter-source.'],
];

/** The claim attributes not yet in the block, in the order they are usually written. */
function attributeNameItems(present: ReadonlySet<string>, range: Range): CompletionItem[] {
  return ATTRIBUTE_NAME_MEANINGS
    .filter(([insert]) => !present.has(insert.replace(/=$/, '')))
    .map(([insert, meaning], index) => ({
      label: insert,
      kind: insert.startsWith('.') ? CompletionItemKind.Keyword : CompletionItemKind.Property,
      detail: 'claim attribute',
      documentation: { kind: MarkupKind.Markdown, value: meaning },
      sortText: String(index),
      textEdit: { range, newText: insert },
    }));
}

function actorItems(ctx: FeatureContext, range: Range, suffix: string): CompletionItem[] {
  return ctx.workspace.actors().map((actor) => ({
    label: actor.id,
    kind: CompletionItemKind.Reference,
    detail: actorDetail(actor),
    documentation: actorDocumentation(actor),
    filterText: [actor.id, actor.meta.name ?? '', ...actor.meta.aliases.map((a) => a.value)].filter(Boolean).join(' '),
    sortText: `0-${actor.id.toLowerCase()}`,
    textEdit: { range, newText: `${actor.id}${suffix}` },
  }));
}

function actorDetail(actor: Actor): string {
  return [actor.meta.name ?? actor.id, actor.meta.role].filter(Boolean).join(' · ');
}

function actorDocumentation(actor: Actor): { kind: 'markdown'; value: string } | undefined {
  const parts: string[] = [];
  if (actor.meta.aliases.length > 0) parts.push(`Also: ${actor.meta.aliases.map((a) => escapeMarkdown(a.value)).join(', ')}`);
  if (actor.meta.kind) parts.push(`Kind: ${escapeMarkdown(actor.meta.kind)}`);
  return parts.length > 0 ? { kind: MarkupKind.Markdown, value: parts.join('\n\n') } : undefined;
}

/** Notes other than actors, by the file name a wiki link uses; a name an actor answers to is left out, as the link would go to the actor. */
function noteItems(ctx: FeatureContext, current: Note, range: Range, suffix: string): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const note of ctx.workspace.notes()) {
    if (note.kind === 'actor' || note.uri === current.uri) continue;
    const stem = noteStem(note.path);
    if (stem === '' || items.has(stem.toLowerCase()) || ctx.workspace.resolveActor(stem)) continue;
    items.set(stem.toLowerCase(), {
      label: stem,
      kind: CompletionItemKind.File,
      detail: note.article?.title ? `${note.article.title} · ${note.path}` : note.path,
      sortText: `1-${stem.toLowerCase()}`,
      textEdit: { range, newText: `${stem}${suffix}` },
    });
  }
  return [...items.values()].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

/**
 * Existing keys, the most like the claim being typed first (the counter-source finder's ranking of keys), then the
 * most widely carried; each shows its proposition (its first occurrence's words). A key only the claim being typed
 * carries is not offered back to it.
 */
function claimKeyItems(ctx: FeatureContext, uri: string, offset: number, range: Range): CompletionItem[] {
  const likeness = keyLikeness(ctx, uri, offset);
  const keys: { key: string; notes: number; item: CompletionItem }[] = [];
  for (const key of ctx.workspace.claimKeys()) {
    const occurrences = ctx.workspace.occurrences(key)
      .filter((o) => !(o.note.uri === uri && offset >= o.claim.attributesSpan.start && offset <= o.claim.attributesSpan.end));
    if (occurrences.length === 0) continue;
    const notes = new Set(occurrences.map((o) => o.note.uri)).size;
    const perspectives = [...new Set(occurrences.map((o) => o.note.article?.perspective).filter((p): p is string => !!p))].sort();
    keys.push({
      key,
      notes,
      item: {
        label: key,
        kind: CompletionItemKind.EnumMember,
        detail: `“${proposition(occurrences[0])}” · ${plural(notes, 'source')} · ${perspectives.length > 0 ? perspectives.join(', ') : NO_PERSPECTIVE}`,
        documentation: { kind: MarkupKind.Markdown, value: escapeMarkdown(describeSources(occurrences)) },
        textEdit: { range, newText: key },
      },
    });
  }
  keys.sort((a, b) => (likeness.get(b.key) ?? 0) - (likeness.get(a.key) ?? 0) || b.notes - a.notes || a.key.localeCompare(b.key));
  return keys.map(({ item }, index) => ({ ...item, sortText: String(index).padStart(6, '0') }));
}

/** Each key's likeness to the words of the claim whose attributes hold the cursor (none outside a claim). */
function keyLikeness(ctx: FeatureContext, uri: string, offset: number): Map<string, number> {
  const note = ctx.workspace.getNote(uri);
  const claim = note?.claims.find((c) => offset >= c.attributesSpan.start && offset <= c.attributesSpan.end);
  if (!note || !claim || claim.textSpan.end <= claim.textSpan.start) return new Map();
  const finder = finderFor(ctx.workspace);
  const ranked = finder.rankKeys(ctx.workspace, finder.spanQuery(ctx.workspace, note, claim.textSpan), (other, c) => other.uri === uri && c === claim) ?? [];
  return new Map(ranked.map((k) => [k.key, k.score]));
}

function proposition(occurrence: ClaimOccurrence): string {
  const words = plainText(occurrence.note.text, occurrence.claim.textSpan, occurrence.note.wikiLinks, occurrence.note.claims).replace(/\s+/g, ' ');
  return words.length <= 80 ? words : `${words.slice(0, 79)}…`;
}

function stanceItems(range: Range): CompletionItem[] {
  return STANCES.map((stance, index) => ({
    label: stance,
    kind: CompletionItemKind.EnumMember,
    detail: stance === 'asserts' ? 'stance (default)' : 'stance',
    documentation: { kind: MarkupKind.Markdown, value: STANCE_MEANINGS[stance] },
    sortText: String(index),
    textEdit: { range, newText: stance },
  }));
}

function frontmatterItems(ctx: FeatureContext, note: Note, key: string, range: Range, prefix: string): CompletionItem[] {
  if (key === 'perspective' && note.kind === 'article') {
    return ctx.workspace.configuration.perspectives.map((perspective, index) => ({
      label: perspective,
      kind: CompletionItemKind.EnumMember,
      detail: 'perspective',
      sortText: String(index).padStart(4, '0'),
      textEdit: { range, newText: `${prefix}${perspective}` },
    }));
  }
  if (key === 'kind' && note.kind === 'actor') {
    return ACTOR_KINDS.map((kind, index) => ({
      label: kind,
      kind: CompletionItemKind.EnumMember,
      detail: 'actor kind',
      documentation: ACTOR_KIND_MEANINGS[kind],
      sortText: String(index),
      textEdit: { range, newText: `${prefix}${kind}` },
    }));
  }
  return [];
}
