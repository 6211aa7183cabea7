import type { Note } from '../syntax/note';

/**
 * The outlet of an article as a reader should see it: the outlet whose story it is, and, for a copy, the site it was
 * read on ("RIA Novosti via anedelya.ru"). Plain text: escape it for markdown or HTML.
 */
export function outletLabel(note: Note): string {
  const outlet = note.article?.outlet || note.path;
  const original = note.article?.['original-outlet'];
  return original ? `${original} via ${outlet}` : outlet;
}
