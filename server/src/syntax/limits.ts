// How much of one note is read: notes come from the web, and one hostile note must not take the memory or the time
// of the whole workspace. Far above any real article (a long one has a few hundred claims and links); beyond them,
// the note gets one `note.too-large` diagnostic saying what was left out. The README's security section states them.

/** A longer note (in UTF-16 code units, about bytes for Latin text) is not parsed at all. */
export const MAX_NOTE_CHARS = 16 * 1024 * 1024;
/** Claims, wiki links and parser diagnostics read per note: the text after the one that reaches a cap is not read. */
export const MAX_CLAIMS_PER_NOTE = 10_000;
export const MAX_LINKS_PER_NOTE = 10_000;
export const MAX_PARSE_DIAGNOSTICS_PER_NOTE = 1_000;
/** Paragraphs and headings read per note. */
export const MAX_BLOCKS_PER_NOTE = 100_000;
/** Diagnostics reported per note, everything included; the last place says how many more there are. */
export const MAX_DIAGNOSTICS_PER_NOTE = 1_000;
/** Other notes listed by name in one diagnostic (such as the other definitions of a duplicate actor id). */
export const MAX_LISTED_NOTES = 10;
