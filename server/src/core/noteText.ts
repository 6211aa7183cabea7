// Texts of the notes nobody is editing, kept as UTF-8 bytes: half the memory of the UTF-16 strings for the mostly
// Latin text of articles (one curly quote makes V8 store a whole note two bytes a character). A bounded cache holds
// the texts decoded last, so that a hover quoting a few notes decodes each once.
import type { Note } from './note';

const TEXT_BYTES = Symbol('the note text as UTF-8');
/** About 8 MB of decoded text. */
const MAX_DECODED_CHARS = 4_000_000;

const SURROGATE = /[\uD800-\uDFFF]/;

type CompactNote = Note & { [TEXT_BYTES]: Uint8Array };

const encoder = new TextEncoder();
// ignoreBOM keeps a leading BOM in the text, as it was parsed: without it, every offset would shift by one.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** The decoded texts, least recently used first. */
const decoded = new Map<CompactNote, string>();
let decodedChars = 0;
let lastNote: CompactNote | undefined;
let lastText = '';

/**
 * Replaces a parsed note's text by its UTF-8 bytes; `note.text` still reads the same string. A text that UTF-8 cannot
 * carry unchanged (a lone surrogate half) is left as it is. Nothing else may hold the text: see `detached`.
 */
export function compactText(note: Note): void {
  const text = note.text;
  if (TEXT_BYTES in note || hasLoneSurrogate(text)) return;
  Object.defineProperty(note, TEXT_BYTES, { value: encoder.encode(text), configurable: true });
  // One shared getter, so that every compact note has the same shape.
  Object.defineProperty(note, 'text', { get: textOfCompactNote, enumerable: true, configurable: true });
}

/** Drops a note's decoded text from the cache, when the note is replaced or removed. */
export function forgetText(note: Note): void {
  const text = decoded.get(note as CompactNote);
  if (text === undefined) return;
  decoded.delete(note as CompactNote);
  decodedChars -= text.length;
  if (lastNote === note) {
    lastNote = undefined;
    lastText = '';
  }
}

export function isCompact(note: Note): boolean {
  return TEXT_BYTES in note;
}

function textOfCompactNote(this: CompactNote): string {
  if (this === lastNote) return lastText;
  let text = decoded.get(this);
  if (text === undefined) {
    text = decoder.decode(this[TEXT_BYTES]);
    decodedChars += text.length;
    while (decodedChars > MAX_DECODED_CHARS && decoded.size > 0) {
      const [oldest, oldText] = decoded.entries().next().value!;
      decoded.delete(oldest);
      decodedChars -= oldText.length;
    }
  } else {
    decoded.delete(this);
  }
  decoded.set(this, text);
  lastNote = this;
  lastText = text;
  return text;
}

/** Whether the text has a surrogate half without its other half, which UTF-8 would turn into U+FFFD. */
function hasLoneSurrogate(text: string): boolean {
  if (!SURROGATE.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}
