import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { aliasNearMatches, type NearMatch } from '../../analysis/aliasDiscovery';
import { type Actor } from '../../model/workspace';
import { type Note } from '../../syntax/note';
import { normalizeName } from '../../syntax/text';
import type { FeatureContext } from '../context';
import type { PayloadOfCode } from '../../rules/registry';
import { documentEdit, insertAt, replaceSpan, spanOfRange, titleText, yamlScalar, type Found } from './shared';

/**
 * Quick fixes for `alias.near-match`: add the spelling to the actor's aliases (so it is a mention everywhere), or
 * link this one occurrence to the actor.
 */
export function aliasNearMatchActions(ctx: FeatureContext, note: Note, found: readonly Found<'alias.near-match'>[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const { diagnostic, data } of found) {
    const match = nearMatchAt(ctx, note, diagnostic, data);
    const actor = match && ctx.workspace.actor(match.actorId);
    if (!match || !actor) continue;
    const alias = match.text.replace(/\s+/g, ' ');
    const key = `${actor.id}\u0000${normalizeName(alias)}`;
    if (!offered.has(key)) {
      offered.add(key);
      const add = addAliasAction(ctx, actor, alias, diagnostic);
      if (add) actions.push(add);
    }
    const link = linkAction(ctx, note, match, actor, diagnostic);
    if (link) actions.push(link);
  }
  return actions;
}

/** The near match a diagnostic points at, if the workspace still finds it there: a stale diagnostic yields nothing. */
function nearMatchAt(ctx: FeatureContext, note: Note, diagnostic: Diagnostic, { actorId, text }: PayloadOfCode<'alias.near-match'>): NearMatch | undefined {
  const at = spanOfRange(note, diagnostic.range);
  return aliasNearMatches(ctx.workspace, note).find((m) => m.span.start === at.start && m.span.end === at.end && m.actorId === actorId && m.text === text);
}

function addAliasAction(ctx: FeatureContext, actor: Actor, alias: string, diagnostic: Diagnostic): CodeAction | undefined {
  const edit = appendAliasEdit(actor.note, alias);
  if (!edit) return undefined;
  return {
    title: `Add «${titleText(alias, 40)}» as an alias of ${titleText(actor.meta.name ?? actor.id, 40)}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { documentChanges: [documentEdit(ctx, actor.note.uri, [edit])] },
  };
}

function linkAction(ctx: FeatureContext, note: Note, match: NearMatch, actor: Actor, diagnostic: Diagnostic): CodeAction | undefined {
  const label = match.text.replace(/\s+/g, ' ');
  if (/[[\]|#\s]/.test(actor.id) || /[[\]|]/.test(label)) return undefined;
  const link = label === actor.id ? `[[${actor.id}]]` : `[[${actor.id}|${label}]]`;
  return {
    title: `Link «${titleText(label, 40)}» to [[${titleText(actor.id, 40)}]]`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { documentChanges: [documentEdit(ctx, note.uri, [replaceSpan(note, match.span, link)])] },
  };
}

/**
 * The edit that adds an alias to an actor note's frontmatter in the style it is written in: a new `  - item` line
 * after the last item of a block list, `, item` after the last item of a flow list, a list made of a single alias,
 * or a new `aliases` field. Undefined when the frontmatter cannot be read or `aliases` is not a list of names, where
 * an edit could only make things worse.
 */
export function appendAliasEdit(note: Note, alias: string): TextEdit | undefined {
  const eol = note.text.includes('\r\n') ? '\r\n' : '\n';
  const item = yamlScalar(alias);
  const unreadable = note.diagnostics.some((d) => d.code.startsWith('frontmatter.') && d.code !== 'frontmatter.missing');
  if (unreadable) return undefined;
  // An actor note without a frontmatter has no name a spelling could be near.
  const frontmatter = note.frontmatter;
  if (!frontmatter) return undefined;
  const field = frontmatter.fields.get('aliases');
  const value = frontmatter.data.aliases;
  if (!field) {
    const closingLine = note.lines.positionAt(frontmatter.span.end).line;
    return insertAt(note, note.lines.lineStart(closingLine), `aliases:${eol}  - ${item}${eol}`);
  }
  const items = field.items ?? [];
  const flow = note.text.startsWith('[', field.valueSpan.start) || note.text[field.valueSpan.start - 1] === '[';
  if (Array.isArray(value) && flow) {
    if (items.length === 0) return insertAt(note, note.text.indexOf('[', field.valueSpan.start - 1) + 1, item);
    return insertAt(note, afterClosingQuote(note.text, items[items.length - 1].span), `, ${item}`);
  }
  if (Array.isArray(value) && items.length > 0) {
    const last = items[items.length - 1];
    const line = note.lines.positionAt(last.span.start).line;
    const lineStart = note.lines.lineStart(line);
    const marker = /^[ \t]*-[ \t]+/.exec(note.text.slice(lineStart, last.span.start))?.[0] ?? '  - ';
    return insertAt(note, note.lines.lineEnd(line), `${eol}${marker}${item}`);
  }
  if (typeof value === 'string') {
    const span = withQuotes(note.text, field.valueSpan);
    return replaceSpan(note, span, `[${yamlScalar(value)}, ${item}]`);
  }
  if ((value === null || value === undefined) && field.valueSpan.end === field.valueSpan.start) {
    return insertAt(note, note.lines.lineEnd(note.lines.positionAt(field.keySpan.start).line), `${eol}  - ${item}`);
  }
  if (value === null) return replaceSpan(note, field.valueSpan, `[${item}]`);
  return undefined;
}

/** The end of a scalar written in quotes is after its closing quote; the item span stops before it. */
function afterClosingQuote(text: string, span: { start: number; end: number }): number {
  const open = text[span.start - 1];
  return (open === '"' || open === "'") && text[span.end] === open ? span.end + 1 : span.end;
}

function withQuotes(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const open = text[span.start - 1];
  return (open === '"' || open === "'") && text[span.end] === open ? { start: span.start - 1, end: span.end + 1 } : span;
}

