import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { normalizeName } from '../syntax/text';

/** One claim span of one article, under its key. */
export interface ClaimOccurrence {
  key: string;
  note: Note;
  claim: ClaimSpan;
}

export interface ClaimStatus {
  occurrence: ClaimOccurrence;
  /** Every occurrence of the key, this one included, in note order. */
  occurrences: readonly ClaimOccurrence[];
  /** Occurrences of the key in articles of other outlets. */
  crossSources: ClaimOccurrence[];
  /** Cross-sources that dispute it or come from another perspective. */
  counterSources: ClaimOccurrence[];
  /** A `counter=` URL on the occurrence itself. */
  counterUrl?: string;
  /** Marked `.single-source`: knowingly without a counter-source. */
  singleSource: boolean;
  hasCounterSource: boolean;
}

/** Outlet keys, once per parsed note: the rule compares every pair of a key's occurrences. */
const outletKeys = new WeakMap<Note, string>();

/** The outlet as the rule compares it; a note without one is its own outlet. */
export function outletKey(note: Note): string {
  let key = outletKeys.get(note);
  if (key === undefined) {
    const outlet = note.article?.outlet;
    key = outlet ? normalizeName(outlet) : `\u0000${note.uri}`;
    outletKeys.set(note, key);
  }
  return key;
}

function perspectiveOf(note: Note): string | undefined {
  return note.article?.perspective || undefined;
}

/**
 * The counter-source rule. For an occurrence C of key K in an article of outlet O and
 * perspective P, the cross-sources are K's occurrences in articles of other outlets. A
 * cross-source X is a counter-source when X comes from a perspective other than P, or
 * when exactly one of C and X disputes K (a source that disputes what C asserts, or
 * asserts what C disputes). A missing perspective is never "another" perspective.
 */
export function isCounterSource(of: ClaimOccurrence, candidate: ClaimOccurrence): boolean {
  if (outletKey(of.note) === outletKey(candidate.note)) return false;
  const p = perspectiveOf(of.note);
  const q = perspectiveOf(candidate.note);
  if (p !== undefined && q !== undefined && p !== q) return true;
  return (of.claim.stance === 'disputes') !== (candidate.claim.stance === 'disputes');
}

export function claimStatus(occurrence: ClaimOccurrence, all: readonly ClaimOccurrence[]): ClaimStatus {
  const outlet = outletKey(occurrence.note);
  const crossSources = all.filter((other) => other !== occurrence && outletKey(other.note) !== outlet);
  const counterSources = crossSources.filter((other) => isCounterSource(occurrence, other));
  const counterUrl = occurrence.claim.counter;
  const singleSource = occurrence.claim.singleSource;
  return {
    occurrence,
    occurrences: all,
    crossSources,
    counterSources,
    counterUrl,
    singleSource,
    hasCounterSource: counterSources.length > 0 || counterUrl !== undefined,
  };
}

/** "Channel 24, Kyiv Post (ukrainian); TASS (russian-state)" for the occurrences given. */
export function describeSources(occurrences: readonly ClaimOccurrence[]): string {
  const byPerspective = new Map<string, Set<string>>();
  for (const { note } of occurrences) {
    const perspective = perspectiveOf(note) ?? 'no perspective';
    const outlets = byPerspective.get(perspective) ?? new Set<string>();
    outlets.add(note.article?.outlet ?? note.path);
    byPerspective.set(perspective, outlets);
  }
  return [...byPerspective].map(([perspective, outlets]) => `${[...outlets].join(', ')} (${perspective})`).join('; ');
}

export function noCounterSourceMessage(status: ClaimStatus, all: readonly ClaimOccurrence[]): string {
  const { occurrence } = status;
  const perspective = perspectiveOf(occurrence.note);
  const opposite = occurrence.claim.stance === 'disputes' ? 'upholds' : 'disputes';
  const lead = status.crossSources.length === 0
    ? `Only ${describeSources([occurrence])} carries claim \`${occurrence.key}\`; no other outlet reports it`
    : `Claim \`${occurrence.key}\` is carried only by ${describeSources(all)}: ${perspective ? `no outlet of another perspective than ${perspective}` : 'this article has no perspective, and no outlet'} ${perspective ? 'carries it, and none' : ''} ${opposite} it`.replace(/\s+/g, ' ');
  return `${lead}. Annotate it in an article from another perspective, cite one with counter=<url>, or mark it .single-source.`;
}
