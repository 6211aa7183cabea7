import type { Location, Position } from 'vscode-languageserver-types';
import { locate } from '../model/locate';
import { type Actor } from '../model/workspace';
import { type ClaimOccurrence } from '../rules/counterSource';
import { type ClaimSpan } from '../syntax/markdown';
import { type Note } from '../syntax/note';
import type { FeatureContext } from './context';

/**
 * Go to definition:
 * - on an actor (wiki link, bare alias, `by=` value, or the actor note's own id/name/alias): the `name` value in the
 *   actor's frontmatter, or the note's start when it has no name;
 * - on a claim key (`claim=` value): every other occurrence of the key, earliest article first (by date, then path).
 *   A claim has no single declaration; listing the others, the earliest first, lets the editor jump to where the claim
 *   first appeared and show where else it is carried, whichever occurrence the cursor is on;
 * - on a wiki link to a note that is not an actor: that note's start.
 * Empty elsewhere, so the editor's own markdown definitions are not doubled.
 */
export function provideDefinition(ctx: FeatureContext, uri: string, position: Position): Location[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  const found = locate(ctx.workspace, uri, note.lines.offsetAt(position));
  switch (found?.kind) {
    case 'actor':
      return [actorDeclaration(found.actor)];
    case 'note-link':
      return found.notes.map(noteStart);
    case 'claim-key':
      return otherOccurrences(ctx, found.key, found.claim).map(claimLocation);
    default:
      return [];
  }
}

/** Where an actor is declared: its `name` value, or the start of its note. */
export function actorDeclaration(actor: Actor): Location {
  const note = actor.note;
  if (actor.meta.name && actor.meta.nameSpan) return { uri: note.uri, range: note.lines.rangeOf(actor.meta.nameSpan) };
  return noteStart(note);
}

function noteStart(note: Note): Location {
  return { uri: note.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function otherOccurrences(ctx: FeatureContext, key: string, here: ClaimSpan): ClaimOccurrence[] {
  return ctx.workspace.occurrences(key)
    .filter((occurrence) => occurrence.claim !== here)
    .sort(byArticleDateThenPath);
}

/** Dated articles first, oldest first (ISO dates compare as strings); then by path, then by position in the note. */
export function byArticleDateThenPath(a: ClaimOccurrence, b: ClaimOccurrence): number {
  const dateA = a.note.article?.date;
  const dateB = b.note.article?.date;
  if (dateA !== dateB) {
    if (dateA === undefined) return 1;
    if (dateB === undefined) return -1;
    return dateA < dateB ? -1 : 1;
  }
  if (a.note.path !== b.note.path) return a.note.path < b.note.path ? -1 : 1;
  return a.claim.span.start - b.claim.span.start;
}

function claimLocation(occurrence: ClaimOccurrence): Location {
  return { uri: occurrence.note.uri, range: occurrence.note.lines.rangeOf(occurrence.claim.span) };
}
