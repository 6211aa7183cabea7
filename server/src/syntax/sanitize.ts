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
