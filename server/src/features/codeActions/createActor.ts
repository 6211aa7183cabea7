import { CodeActionKind, type CodeAction, type CreateFile, type Diagnostic } from 'vscode-languageserver-types';
import { type Workspace } from '../../model/workspace';
import { ACTOR_KINDS, noteStem, type Note } from '../../syntax/note';
import { normalizeName } from '../../syntax/text';
import type { FeatureContext } from '../context';
import { spanOfRange, titleText, touches, workspaceRootOf, yamlScalar, type Found } from './shared';

/** An unknown actor as written at a diagnostic, with the label when it is a labelled wiki link. */
interface UnknownActor {
  name: string;
  label?: string;
}

/** Quick fix for `actor.unknown`: create the actor's note, filled in from the mention. */
export function createActorActions(ctx: FeatureContext, note: Note, found: readonly Found<'actor.unknown'>[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  for (const { diagnostic, data } of found) {
    const unknown = unknownActorAt(ctx.workspace, note, diagnostic, data.name);
    if (!unknown) continue;
    const written = unknown.name.includes('/') ? noteStem(unknown.name) : unknown.name;
    const slug = actorSlug(written);
    if (slug === '' || offered.has(slug)) continue;
    offered.add(slug);
    actions.push(createActorAction(ctx, note, diagnostic, written, unknown.label, slug));
  }
  return actions;
}

/**
 * Reads the diagnostic back: the wiki link or `by=` value it points at must still be there,
 * spelled as `data.name`, and still resolve to nothing.
 */
function unknownActorAt(workspace: Workspace, note: Note, diagnostic: Diagnostic, name: string): UnknownActor | undefined {
  if (workspace.resolveActor(name)) return undefined;
  const at = spanOfRange(note, diagnostic.range);
  const link = note.wikiLinks.find((l) => l.target === name && touches(l.targetSpan, at));
  if (link) return workspace.notesNamed(name).length > 0 ? undefined : { name, label: link.label || undefined };
  const claim = note.claims.find((c) => c.by === name && c.bySpan && touches(c.bySpan, at));
  return claim ? { name } : undefined;
}

function createActorAction(ctx: FeatureContext, note: Note, diagnostic: Diagnostic, written: string, label: string | undefined, slug: string): CodeAction {
  const aliases: string[] = [];
  for (const alias of [written, label]) {
    if (!alias || alias.trim() === '') continue;
    if (alias !== written && ctx.workspace.resolveActor(alias)) continue;
    if (aliases.some((a) => normalizeName(a) === normalizeName(alias))) continue;
    aliases.push(alias);
  }
  const name = isIdLike(written) ? titleCase(written) : written;
  return createActorNoteAction(ctx, note, diagnostic, written, { name, aliases, kind: 'person', kindComment: ACTOR_KINDS.join(' | ') }, slug);
}

/** What a new actor note says: its name, aliases, and a kind with a comment saying it is to be checked. */
export interface NewActor {
  name: string;
  aliases: string[];
  kind: string;
  kindComment: string;
}

/**
 * Creates `actors/<slug>.md` with the actor's frontmatter filled in, or, where that note or id exists already,
 * the same action disabled with the reason: never an overwrite.
 */
export function createActorNoteAction(ctx: FeatureContext, note: Note, diagnostic: Diagnostic, written: string, actor: NewActor, slug = actorSlug(written) || 'actor'): CodeAction {
  const folder = ctx.workspace.configuration.actorFolders[0] ?? 'actors';
  const relative = folder === '.' || folder === '' ? `${slug}.md` : `${folder}/${slug}.md`;
  const uri = `${workspaceRootOf(ctx.workspace, note.uri)}/${relative.split('/').map(encodeURIComponent).join('/')}`;
  const title = `Create actor note ${titleText(relative)} for “${titleText(written, 40)}”`;
  const refusal = existingActorReason(ctx.workspace, uri, slug, relative, written);
  if (refusal) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: refusal } };

  const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } };
  const start = { line: 0, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { documentChanges: [create, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: actorNoteText(note, actor) }] }] },
  };
}

/** Why the note must not be created: a note at that path, or an actor with that id, already exists. */
function existingActorReason(workspace: Workspace, uri: string, slug: string, relative: string, written: string): string | undefined {
  const lower = uri.toLowerCase();
  for (const other of workspace.notes()) {
    if (other.uri.toLowerCase() === lower) return `${relative} already exists; link the actor by its id or add “${written}” to its aliases.`;
  }
  const actor = workspace.actor(slug);
  if (actor) return `An actor with the id ${actor.id} already exists (${actor.note.path}); add “${written}” to its aliases instead.`;
  return undefined;
}

function actorNoteText(note: Note, actor: NewActor): string {
  const eol = note.text.includes('\r\n') ? '\r\n' : '\n';
  return [
    '---',
    `name: ${yamlScalar(actor.name)}`,
    'aliases:',
    ...actor.aliases.map((alias) => `  - ${yamlScalar(alias)}`),
    `kind: ${actor.kind} # ${actor.kindComment}`,
    'role:',
    '---',
    '',
    firstMentionLine(note),
    '',
  ].join(eol);
}

function firstMentionLine(note: Note): string {
  const stem = noteStem(note.path);
  const where = /[[\]|#\r\n]/.test(stem) ? note.path : `[[${stem}]]`;
  const outlet = note.article?.outlet?.replace(/[[\]\s]+/g, ' ').trim();
  return `First mentioned in ${where}${outlet ? ` (${outlet})` : ''}.`;
}

const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The file name (and so the id) of a new actor: lowercase ASCII, diacritics stripped,
 * anything else a dash. A name with no Latin letters at all keeps its own letters.
 */
export function actorSlug(name: string): string {
  const lower = name.toLowerCase().replace(/['’ʼ`]/g, '').replace(/[ßæœøłđðþı]/g, (ch) => FOLDED[ch]);
  const ascii = lower.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (ascii !== '') return ascii;
  return lower.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

function isIdLike(name: string): boolean {
  return /^[\p{Ll}\p{N}]+(?:[-_.][\p{Ll}\p{N}]+)*$/u.test(name) && /\p{L}/u.test(name);
}

function titleCase(id: string): string {
  return id.split(/[-_.]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

