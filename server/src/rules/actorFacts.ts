// What the actor rules read of other notes, declared once for the rules that share it (see model/dependencies.ts).
import type { NoteDependency } from '../model/dependencies';
import { stemOfTarget } from '../model/workspace';
import { noteStem } from '../syntax/note';

/** A `by=` value or wiki-link target written as a path (`actors/tokayev`, `tokayev.md`) also names a note by its file name. */
function isPathLike(name: string): boolean {
  return /[\\/]|\.(md|markdown)$/i.test(name);
}

/**
 * Whether a name written as a wiki-link target (or a `by=` written as a path) names a note, by its file name; and, for
 * an actor note, which actor it defines.
 */
export const NOTE_NAMES: NoteDependency = {
  join: 'file name',
  *facts(note) {
    yield [noteStem(note.path).toLowerCase(), `${note.kind}\u0001${note.actor?.id ?? ''}`];
  },
  *reads(note) {
    for (const link of note.wikiLinks) yield stemOfTarget(link.target);
    for (const claim of note.claims) if (claim.by && isPathLike(claim.by)) yield stemOfTarget(claim.by);
  },
};

/** Where an actor note writes its id: the other notes defining the same id point there. */
export const ACTOR_ID_SPANS: NoteDependency = {
  join: 'actor id',
  *facts(note) {
    const actor = note.kind === 'actor' ? note.actor : undefined;
    if (actor) yield [actor.id.toLowerCase(), `${note.uri}\u0001${actor.idSpan?.start ?? -1}:${actor.idSpan?.end ?? -1}`];
  },
  *reads(note) {
    const actor = note.kind === 'actor' ? note.actor : undefined;
    if (actor) yield actor.id.toLowerCase();
  },
};

/**
 * The whole actor registry: every actor note's id, name and aliases, in the order they were indexed (the first of two
 * notes defining one id or name wins). Names resolve through all of it, and the hints compare prose with all of it:
 * any change to an actor's names concerns every note that resolves a name. A registry holds a few hundred actors, and
 * their names change rarely.
 */
export const ACTOR_REGISTRY: NoteDependency = {
  join: 'actor registry',
  *facts(note) {
    const actor = note.kind === 'actor' ? note.actor : undefined;
    if (!actor) return;
    yield ['registry', `${note.uri}\u0001${actor.id}\u0001${actor.name ?? ''}\u0001${actor.aliases.map((alias) => alias.value).join('\u0002')}`];
  },
  *reads() {
    yield 'registry';
  },
};
