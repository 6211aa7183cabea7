import type { Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { locate } from '../model/locate';
import { type Mention } from '../model/mentionTable';
import { actorNames, type Actor, type Workspace } from '../model/workspace';
import { noteStem } from '../syntax/note';
import { normalizeName, type Span } from '../syntax/text';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';
import { claimsWithKey } from './references';
import { plural } from '../render/plural';

export type RenameRefusal = { error: string };

/**
 * Rename edits identifiers, never prose: an actor's id (wiki links and `by=` values written as the id, the frontmatter
 * `id:`, the actor note's file name) or a claim key (every `claim=` value). Links and `by=` values written with a name or
 * alias are left as they are: they still resolve to the actor. So the rename may start from a bare alias or an alias
 * link (`[[Tokaev]]`): the editor offers the id to rename, over the words under the cursor.
 */
const NOTHING_TO_RENAME = 'Only actor ids and claim keys can be renamed here.';
const IDENTIFIER = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

type RenameTarget =
  | { kind: 'actor'; actor: Actor; span: Span }
  | { kind: 'claim-key'; key: string; span: Span };

export function prepareRename(ctx: FeatureContext, uri: string, position: Position): { range: Range; placeholder: string } | RenameRefusal {
  const note = ctx.workspace.getNote(uri);
  if (!note) return { error: NOTHING_TO_RENAME };
  const target = renameTarget(ctx.workspace, uri, note.lines.offsetAt(position));
  if ('error' in target) return target;
  return { range: note.lines.rangeOf(target.span), placeholder: target.kind === 'actor' ? target.actor.id : target.key };
}

/** The rename's edits; with the token cancelled midway, a refusal saying so rather than half of the edits. */
export function provideRename(ctx: FeatureContext, uri: string, position: Position, newName: string, token: Cancellation = NEVER_CANCELLED): WorkspaceEdit | RenameRefusal {
  const note = ctx.workspace.getNote(uri);
  if (!note) return { error: NOTHING_TO_RENAME };
  const target = renameTarget(ctx.workspace, uri, note.lines.offsetAt(position));
  if ('error' in target) return target;
  const name = newName.trim();
  const edit = target.kind === 'actor' ? renameActor(ctx, target.actor, name, token) : renameClaimKey(ctx, target.key, name, token);
  return token.isCancellationRequested ? { error: RENAME_CANCELLED } : edit;
}

const RENAME_CANCELLED = 'The rename was cancelled.';

// ---- what is under the cursor ----

function renameTarget(workspace: Workspace, uri: string, offset: number): RenameTarget | RenameRefusal {
  const found = locate(workspace, uri, offset);
  switch (found?.kind) {
    case 'actor':
      // A wiki link's label is not the id: the range is the link's target, written as the id or as an alias.
      return { kind: 'actor', actor: found.actor, span: found.span };
    case 'claim-key':
      return { kind: 'claim-key', key: found.key, span: found.span };
    case 'unknown-actor':
      return { error: `${NOTHING_TO_RENAME} \`${found.name}\` is not the id or alias of a known actor: create its actor note first.` };
    case 'note-link':
      return { error: `${NOTHING_TO_RENAME} \`[[${found.link.target}]]\` links to a note that is not an actor: rename the file instead.` };
    case 'claim':
    case 'claim-attribute':
      return { error: `${NOTHING_TO_RENAME} To rename this claim's key, put the cursor on its \`claim=\` value.` };
    case 'frontmatter-field':
      return { error: `${NOTHING_TO_RENAME} \`${found.field.key}\` is a frontmatter field, not an actor id.` };
    default: {
      const word = wordAt(workspace.getNote(uri)!.text, offset);
      return { error: word ? `${NOTHING_TO_RENAME} "${word}" is plain prose, not the name or alias of a known actor.` : NOTHING_TO_RENAME };
    }
  }
}

function wordAt(text: string, offset: number): string {
  const before = /[\p{L}\p{N}\p{M}'’-]*$/u.exec(text.slice(Math.max(0, offset - 64), offset))?.[0] ?? '';
  const after = /^[\p{L}\p{N}\p{M}'’-]*/u.exec(text.slice(offset, offset + 64))?.[0] ?? '';
  return (before + after).replace(/^['’-]+|['’-]+$/g, '');
}

// ---- actor ids ----

function renameActor(ctx: FeatureContext, actor: Actor, newId: string, token: Cancellation): WorkspaceEdit | RenameRefusal {
  const workspace = ctx.workspace;
  const invalid = invalidIdentifier(newId, 'actor id');
  if (invalid) return { error: invalid };
  if (newId === actor.id) return { documentChanges: [] };
  const refusal = actorIdConflict(workspace, actor, newId);
  if (refusal) return { error: refusal };

  const edits = new Map<string, { span: Span; newText: string }[]>();
  const add = (uri: string, span: Span, newText: string) => (edits.get(uri) ?? edits.set(uri, []).get(uri)!).push({ span, newText });

  for (const mention of workspace.mentionsOf(actor.id, token)) {
    if (token.isCancellationRequested) return { error: RENAME_CANCELLED };
    if (isWrittenAsId(mention, actor, workspace)) add(mention.uri, mention.span, newId);
  }
  if (actor.meta.idSpan) add(actor.note.uri, actor.meta.idSpan, yamlScalar(newId, actor.note.text, actor.meta.idSpan));

  const newUri = renamesFile(actor) ? siblingUri(actor.note.uri, newId) : undefined;
  if (newUri) {
    for (const link of linksToFile(workspace, actor, token)) add(link.uri, link.span, newId);
  }

  const documentChanges: (TextDocumentEdit | RenameFile)[] = textDocumentEdits(ctx, edits);
  if (newUri) documentChanges.push({ kind: 'rename', oldUri: actor.note.uri, newUri, options: { overwrite: false } });
  return { documentChanges };
}

function actorIdConflict(workspace: Workspace, actor: Actor, newId: string): string | undefined {
  const wanted = normalizeName(newId);
  const other = workspace.actors().find((a) => a.id.toLowerCase() !== actor.id.toLowerCase() && actorNames(a).some((n) => normalizeName(n) === wanted));
  if (other) {
    const what = other.id.toLowerCase() === newId.toLowerCase() ? 'the id' : 'a name or alias';
    return `\`${newId}\` is already ${what} of another actor, \`${other.id}\` (${other.note.path}); rename refused so the two actors are not merged.`;
  }
  if (!renamesFile(actor)) return undefined;
  const newPath = decodeURIComponent(siblingUri(actor.note.uri, newId)).toLowerCase();
  const sameFile = [...workspace.notes()].find((n) => n !== actor.note && decodeURIComponent(n.uri).toLowerCase() === newPath);
  if (sameFile) return `The file ${sameFile.path} already exists; rename refused so it is not overwritten.`;
  const sameName = workspace.notesNamed(newId).find((n) => n !== actor.note);
  if (sameName) return `A note is already named \`${newId}\` (${sameName.path}); links \`[[${newId}]]\` to it would then point to the actor. Rename refused.`;
  return undefined;
}

/**
 * A link or `by=` value is rewritten when it is written as the id. One written exactly as one of the actor's names or
 * aliases (`[[Tokayev]]` where Tokayev is an alias, even though ids compare without case) is prose and still resolves.
 */
function isWrittenAsId(mention: Mention, actor: Actor, workspace: Workspace): boolean {
  if (mention.kind === 'bare' || !mention.viaId) return false;
  const written = workspace.getNote(mention.uri)!.text.slice(mention.span.start, mention.span.end);
  if (written === actor.id) return true;
  const names = [actor.meta.name, ...actor.meta.aliases.map((a) => a.value)];
  return !names.includes(written);
}

/** The file is renamed with the id only when its name is the id; a note with its own `id:` keeps its file name. */
function renamesFile(actor: Actor): boolean {
  return noteStem(actor.note.path).toLowerCase() === actor.id.toLowerCase();
}

function siblingUri(uri: string, stem: string): string {
  const slash = uri.lastIndexOf('/');
  const extension = /\.(md|markdown)$/i.exec(uri)?.[0] ?? '.md';
  return `${uri.slice(0, slash + 1)}${encodeURIComponent(stem)}${extension}`;
}

/**
 * Wiki links that reach the actor note by its path or file name (`[[actors/tokayev]]`,
 * `[[tokayev.md]]`): the file rename would break them, so their file-name part is rewritten. Spans of the stem only.
 */
function linksToFile(workspace: Workspace, actor: Actor, token: Cancellation): { uri: string; span: Span }[] {
  const stem = noteStem(actor.note.path).toLowerCase();
  const result: { uri: string; span: Span }[] = [];
  for (const note of workspace.notes()) {
    if (token.isCancellationRequested) break;
    for (const link of note.wikiLinks) {
      const pathForm = /[\\/]|\.(md|markdown)$/i.test(link.target);
      if (!pathForm || !workspace.notesNamed(link.target).includes(actor.note)) continue;
      const nameStart = Math.max(link.target.lastIndexOf('/'), link.target.lastIndexOf('\\')) + 1;
      const written = noteStem(link.target.slice(nameStart));
      if (written.toLowerCase() !== stem) continue;
      const start = link.targetSpan.start + nameStart;
      result.push({ uri: note.uri, span: { start, end: start + written.length } });
    }
  }
  return result;
}

/** YAML reads an unquoted `null` as no value, which would silently give the actor its file name as id. */
function yamlScalar(value: string, text: string, span: Span): string {
  const quoted = text[span.start - 1] === '"' || text[span.start - 1] === "'";
  return !quoted && /^(null|Null|NULL)$/.test(value) ? `"${value}"` : value;
}

// ---- claim keys ----

function renameClaimKey(ctx: FeatureContext, key: string, newKey: string, token: Cancellation): WorkspaceEdit | RenameRefusal {
  const invalid = invalidIdentifier(newKey, 'claim key');
  if (invalid) return { error: invalid };
  if (newKey === key) return { documentChanges: [] };
  const existing = new Set(claimsWithKey(ctx.workspace, newKey).map(({ note }) => note.path));
  if (existing.size > 0) {
    const notes = [...existing];
    const list = notes.slice(0, 3).join(', ') + (notes.length > 3 ? `, and ${notes.length - 3} more` : '');
    return {
      error: `The claim key \`${newKey}\` already exists in ${plural(notes.length, 'note')} (${list}). ` +
        'Renaming onto it would merge two claims; if they are the same claim, change the `claim=` values by hand.',
    };
  }
  const edits = new Map<string, { span: Span; newText: string }[]>();
  for (const { note, claim } of claimsWithKey(ctx.workspace, key)) {
    if (token.isCancellationRequested) return { error: RENAME_CANCELLED };
    (edits.get(note.uri) ?? edits.set(note.uri, []).get(note.uri)!).push({ span: claim.keySpan!, newText: newKey });
  }
  return { documentChanges: textDocumentEdits(ctx, edits) };
}

// ---- shared ----

function invalidIdentifier(name: string, what: 'actor id' | 'claim key'): string | undefined {
  if (name === '') return `The new ${what} is empty.`;
  if (IDENTIFIER.test(name)) return undefined;
  return `\`${name}\` is not a valid ${what}: use letters, digits, \`-\`, \`_\` and \`.\`, starting with a letter or digit, with no spaces or slashes.`;
}

/** One TextDocumentEdit per note, in URI order, its edits sorted and never overlapping, carrying the editor's version. */
function textDocumentEdits(ctx: FeatureContext, edits: Map<string, { span: Span; newText: string }[]>): TextDocumentEdit[] {
  const result: TextDocumentEdit[] = [];
  for (const uri of [...edits.keys()].sort()) {
    const note = ctx.workspace.getNote(uri);
    if (!note) continue;
    const sorted = [...edits.get(uri)!].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const textEdits: TextEdit[] = [];
    let end = -1;
    for (const edit of sorted) {
      if (edit.span.start < end) continue;
      textEdits.push({ range: note.lines.rangeOf(edit.span), newText: edit.newText });
      end = edit.span.end;
    }
    result.push({ textDocument: { uri, version: ctx.documentVersion(uri) }, edits: textEdits });
  }
  return result;
}
