import type { Location, Position } from 'vscode-languageserver-types';
import { locate, type Located } from '../model/locate';
import { type Workspace } from '../model/workspace';
import { type ClaimSpan } from '../syntax/markdown';
import { type Note } from '../syntax/note';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './context';
import { actorDeclaration } from './definition';

/**
 * Find references:
 * - on an actor (any mention, or the actor note's own id, name or alias): every mention across the workspace (wiki links,
 *   bare aliases, `by=` values), each as the name as written; with `includeDeclaration`, the actor's `name` first;
 * - on a claim key or anywhere in a claim span: every `claim=` value of that key, in every note. A claim key has no
 *   declaration, so all of them are listed whatever `includeDeclaration` says.
 * A cancelled request answers nothing: a partial list would look complete.
 */
export function provideReferences(ctx: FeatureContext, uri: string, position: Position, includeDeclaration: boolean, token: Cancellation = NEVER_CANCELLED): Location[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  const found = locate(ctx.workspace, uri, note.lines.offsetAt(position));
  const result = found ? referencesOf(ctx.workspace, found, includeDeclaration, token) : [];
  return token.isCancellationRequested ? [] : result;
}

function referencesOf(workspace: Workspace, found: Located, includeDeclaration: boolean, token: Cancellation): Location[] {
  if (found.kind === 'actor') {
    const mentions: Location[] = [];
    workspace.forEachMentionSpanOf(found.actor.id, (note, start, end) => mentions.push({ uri: note.uri, range: note.lines.rangeOf({ start, end }) }), token);
    return includeDeclaration ? [actorDeclaration(found.actor), ...mentions] : mentions;
  }
  const key = keyAt(found);
  if (key === undefined) return [];
  return claimsWithKey(workspace, key, token).map(({ note, claim }) => ({ uri: note.uri, range: note.lines.rangeOf(claim.keySpan!) }));
}

function keyAt(found: Located): string | undefined {
  switch (found.kind) {
    case 'claim-key':
      return found.key;
    case 'claim':
    case 'claim-attribute':
      return found.claim.key;
    default:
      return undefined;
  }
}

/**
 * Every claim span that writes the key, in any note and whether or not the span is otherwise valid (the claim index
 * holds only valid spans of articles; a rename or a reference search must not miss the others). In path order.
 */
export function claimsWithKey(workspace: Workspace, key: string, token: Cancellation = NEVER_CANCELLED): { note: Note; claim: ClaimSpan }[] {
  const result: { note: Note; claim: ClaimSpan }[] = [];
  for (const note of workspace.notesWritingKey(key)) {
    if (token.isCancellationRequested) break;
    for (const claim of note.claims) if (claim.key === key && claim.keySpan) result.push({ note, claim });
  }
  return result;
}
