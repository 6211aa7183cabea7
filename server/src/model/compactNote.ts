// Notes nobody is editing, kept compact. A workspace holds thousands of them and reads most of their parse only
// through the indexes, so:
// - the text is kept as UTF-8 bytes: half the memory of the UTF-16 string for the mostly Latin text of articles
//   (one curly quote makes V8 store a whole note two bytes a character), and outside the JavaScript heap;
// - what only the editor of a note asks for (an article's frontmatter fields, the headings, the attributes of each
//   claim) is not kept but parsed again from the text when asked, and the last few such parses are cached.
// `note.text`, `note.frontmatter`, `note.headings` and `claim.attributes` read as before: getters on the prototype.
import { parseFrontmatter } from '../syntax/frontmatter';
import { claimAttributesIn, parseBody, type ClaimAttribute, type ClaimSpan, type Heading } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import type { Frontmatter } from '../syntax/frontmatter';

const TEXT_BYTES = Symbol('the note text as UTF-8');
const OWNER = Symbol('the compact note a claim belongs to');
/**
 * About 2 MB of decoded text: a hover quotes a few notes, a rename edits some more. Texts kept longer would only
 * move to the old generation of the heap, to be collected there later.
 */
const MAX_DECODED_CHARS = 1_000_000;
const REPARSES_KEPT = 16;

type CompactNote = Note & { [TEXT_BYTES]: Uint8Array };
type CompactClaim = ClaimSpan & { [OWNER]: CompactNote };

const encoder = new TextEncoder();
// ignoreBOM keeps a leading BOM in the text, as it was parsed: without it, every offset would shift by one.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const compactNotePrototype = Object.create(Object.prototype, {
  text: { get(this: CompactNote) { return textOf(this); }, enumerable: true },
  frontmatter: { get(this: CompactNote) { return reparsed(this).frontmatter; }, enumerable: true },
  headings: { get(this: CompactNote) { return reparsed(this).headings; }, enumerable: true },
}) as object;

const compactClaimPrototype = Object.create(Object.prototype, {
  attributes: { get(this: CompactClaim) { return attributesOf(this); }, enumerable: true },
}) as object;

/**
 * The compact form of a freshly parsed note, to be indexed instead of it. Returns the note itself where compacting
 * would change what it reads: a text with a lone surrogate half, which UTF-8 cannot carry.
 * Nothing else may hold the text: see `detached`.
 */
export function compactNote(note: Note): Note {
  if (isCompact(note) || hasLoneSurrogate(note.text)) return note;
  const compact = Object.create(compactNotePrototype) as CompactNote;
  copyFields(compact, note, KEPT_NOTE_FIELDS);
  compact.claims = note.claims.map((claim) => compactClaim(claim, compact));
  // Actor notes are few, and the registry, rename and their diagnostics read their frontmatter all the time.
  if (note.kind === 'actor') Object.defineProperty(compact, 'frontmatter', { value: note.frontmatter, enumerable: true, writable: true });
  Object.defineProperty(compact, TEXT_BYTES, { value: encoder.encode(note.text) });
  return compact;
}

function compactClaim(claim: ClaimSpan, owner: CompactNote): ClaimSpan {
  const compact = Object.create(compactClaimPrototype) as CompactClaim;
  copyFields(compact, claim, KEPT_CLAIM_FIELDS);
  Object.defineProperty(compact, OWNER, { value: owner });
  return compact;
}

/** Every field but those the prototype gives (and `claims`, made compact one by one). */
const KEPT_NOTE_FIELDS = ['uri', 'path', 'lines', 'kind', 'bodyStart', 'article', 'actor', 'wikiLinks', 'blocks', 'prose', 'diagnostics'] as const;
const KEPT_CLAIM_FIELDS = ['span', 'textSpan', 'attributesSpan', 'classes', 'key', 'keySpan', 'by', 'bySpan', 'stance', 'stanceSpan', 'counter', 'singleSource', 'valid'] as const;
// A field added to Note or ClaimSpan must be kept above or given by the prototype: these fail to compile otherwise.
const everyNoteField: Exclude<keyof Note, (typeof KEPT_NOTE_FIELDS)[number] | 'claims' | 'text' | 'frontmatter' | 'headings'> extends never ? true : never = true;
const everyClaimField: Exclude<keyof ClaimSpan, (typeof KEPT_CLAIM_FIELDS)[number] | 'attributes'> extends never ? true : never = true;
void everyNoteField;
void everyClaimField;

/**
 * Copies the fields in a fixed order, so that compact objects share their shapes, and only those that are set, so that
 * a compact note reads exactly as the parse (no field that is there as undefined).
 */
function copyFields<T extends object>(target: T, source: T, keys: readonly (keyof T)[]): void {
  for (const key of keys) if (source[key] !== undefined) target[key] = source[key];
}

export function isCompact(note: Note): boolean {
  return TEXT_BYTES in note;
}

/** Drops what is cached for a note, when it is replaced or removed. */
export function forgetNote(note: Note): void {
  const text = decoded.get(note as CompactNote);
  if (text !== undefined) {
    decoded.delete(note as CompactNote);
    decodedChars -= text.length;
  }
  reparses.delete(note as CompactNote);
  if (lastNote === note) {
    lastNote = undefined;
    lastText = '';
  }
}

/** Lets go of every decoded text and every parse made again: the next read decodes or parses afresh. */
export function dropCaches(): void {
  decoded.clear();
  decodedChars = 0;
  lastNote = undefined;
  lastText = '';
  reparses.clear();
}

// ---- decoded texts: least recently used first ----

const decoded = new Map<CompactNote, string>();
let decodedChars = 0;
let lastNote: CompactNote | undefined;
let lastText = '';

function textOf(note: CompactNote): string {
  if (note === lastNote) return lastText;
  const text = decoded.get(note) ?? decoder.decode(note[TEXT_BYTES]);
  remember(note, text);
  return text;
}

function remember(note: CompactNote, text: string): void {
  const known = decoded.get(note);
  if (known === undefined) {
    decodedChars += text.length;
    while (decodedChars > MAX_DECODED_CHARS && decoded.size > 0) {
      const [oldest, oldText] = decoded.entries().next().value!;
      decoded.delete(oldest);
      decodedChars -= oldText.length;
    }
  } else {
    decoded.delete(note);
  }
  decoded.set(note, text);
  lastNote = note;
  lastText = text;
}

// ---- what is parsed again when asked ----

interface Reparse {
  frontmatter?: Frontmatter;
  headings: Heading[];
}

const reparses = new Map<CompactNote, Reparse>();

function reparsed(note: CompactNote): Reparse {
  let parse = reparses.get(note);
  if (parse) {
    reparses.delete(note);
  } else {
    const text = note.text;
    parse = { frontmatter: parseFrontmatter(text).frontmatter, headings: parseBody(text, note.bodyStart).headings };
    if (reparses.size >= REPARSES_KEPT) reparses.delete(reparses.keys().next().value!);
  }
  reparses.set(note, parse);
  return parse;
}

function attributesOf(claim: CompactClaim): ClaimAttribute[] {
  return claimAttributesIn(claim[OWNER].text, claim.attributesSpan);
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

const SURROGATE = /[\uD800-\uDFFF]/;
