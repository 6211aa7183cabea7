// When a claim appeared where: from the dates of the articles that carry it. The claim hover, the claim matrix and the
// ClaimReview export all take the first appearance from here, so they agree.
import type { ClaimOccurrence } from '../rules/counterSource';
import { isIsoDate, type Note } from '../syntax/note';
import { outletLabel } from './outletLabel';

/** One place and time a claim appeared. */
export interface Appearance {
  /** The article's `date` as written (an ISO 8601 date, possibly with a time). */
  date: string;
  outlet: string;
  perspective?: string;
  occurrence: ClaimOccurrence;
}

export interface ClaimTimeline {
  /** The earliest dated article that carries the claim (asserts or reports it). */
  first?: Appearance;
  /** For each perspective, its earliest dated carrying article, earliest perspective first. */
  spread: Appearance[];
  /** Carrying occurrences in articles without a (valid) date: their place in time is unknown. */
  undated: number;
}

/** The article's date when it is a valid ISO 8601 date; anything else counts as no date. */
export function articleDate(note: Note): string | undefined {
  const date = note.article?.date?.trim();
  return date && isIsoDate(date) ? date : undefined;
}

/**
 * Whether an occurrence carries the proposition of its key. A `disputes` or `qualifies` span holds what is said
 * against it: it is part of the claim's story, not an appearance of the claim.
 */
export function carriesClaim(occurrence: ClaimOccurrence): boolean {
  return occurrence.claim.stance === 'asserts' || occurrence.claim.stance === 'reports';
}

/**
 * Earlier first. Dates are compared as written, which orders ISO dates of one precision correctly and puts a less
 * precise date (`2022-06`) before the days of its month; ties go to the note path, then the position.
 */
export function compareAppearances(a: Appearance, b: Appearance): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const pa = a.occurrence.note.path;
  const pb = b.occurrence.note.path;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.occurrence.claim.span.start - b.occurrence.claim.span.start;
}

/** The timeline of one key's occurrences: one pass over them. */
export function claimTimeline(occurrences: readonly ClaimOccurrence[]): ClaimTimeline {
  let first: Appearance | undefined;
  const byPerspective = new Map<string, Appearance>();
  let undated = 0;
  // Many occurrences share a note: its date is checked once.
  const dates = new Map<Note, string | undefined>();
  for (const occurrence of occurrences) {
    if (!carriesClaim(occurrence)) continue;
    let date = dates.get(occurrence.note);
    if (date === undefined && !dates.has(occurrence.note)) dates.set(occurrence.note, (date = articleDate(occurrence.note)));
    if (date === undefined) {
      undated++;
      continue;
    }
    const perspective = occurrence.note.article?.perspective || undefined;
    const appearance: Appearance = { date, outlet: outletLabel(occurrence.note), perspective, occurrence };
    if (!first || compareAppearances(appearance, first) < 0) first = appearance;
    const group = perspective ?? '';
    const known = byPerspective.get(group);
    if (!known || compareAppearances(appearance, known) < 0) byPerspective.set(group, appearance);
  }
  return { first, spread: [...byPerspective.values()].sort(compareAppearances), undated };
}

/** Whole days from one ISO date to another, when both give a day; undefined otherwise. */
export function daysBetween(from: string, to: string): number | undefined {
  const day = (date: string) => (/^\d{4}-\d{2}-\d{2}/.test(date) ? Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) : undefined);
  const a = day(from);
  const b = day(to);
  return a === undefined || b === undefined ? undefined : Math.round((b - a) / 86_400_000);
}
