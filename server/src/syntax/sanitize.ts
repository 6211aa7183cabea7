// The one sanitiser for note text shown anywhere outside its note: messages, titles, hovers, imported text.
// Control characters could corrupt what shows the text (a terminal, an editor's problem list), and bidirectional
// marks and overrides could make it read as something else than it is.

/** C0 and C1 control characters except tab and line ends, DEL, and the bidirectional marks, embeddings and isolates. */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control characters (tab and line ends kept) and bidirectional controls. */
export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** The text safe, on one line: unsafe characters, blanks and line ends folded into single spaces, trimmed. */
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
