// The one sanitiser for note text shown outside its note: diagnostic messages, terminal output, titles, hovers,
// imported text. Control characters can drive a terminal (escape sequences) or make an editor drop a message (NUL);
// bidirectional marks, embeddings and isolates can make text read differently from what it is.

/** C0 and C1 control characters but tab and line ends, DEL, and the bidirectional controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is what this module is for
const UNSAFE = /[\0-\x08\v\f\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters (tab and line ends kept) and bidirectional controls. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** The text safe and on one line: unsafe characters, blanks and line ends folded into single spaces, trimmed. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The text safe, on one line, and shortened to about `max` characters at a word boundary, with an ellipsis: a title
 * or a label. Unsafe characters are dropped rather than made blanks, so that a name split by one reads whole.
 */
export function shortLabel(text: string, max: number): string {
  return shorten(stripUnsafe(text).replace(/\s+/g, ' ').trim(), max);
}

/** Shortens text to about `max` characters, at a word boundary where there is one not too far back, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max * 0.6 ? cut : max)}…`;
}
