// Notes nobody is editing, kept compact. A workspace holds thousands of them and reads most of their parse only
// through the indexes, so:
// - the text is kept as UTF-8 bytes: half the memory of the UTF-16 string for the mostly Latin text of articles
//   (one curly quote makes V8 store a whole note two bytes a character), and outside the JavaScript heap;
// - what only the editor of a note asks for (an article's frontmatter fields, the headings, the attributes of each
//   claim) is not kept but parsed again from the text when asked, and the last few such parses are cached.
// `note.text`, `note.frontmatter`, `note.headings` and `claim.attributes` read as before: getters on the prototype.
import { parseFrontmatter } from './frontmatter';
import { claimAttributesIn, parseBody, type ClaimAttribute, type ClaimSpan, type Heading } from './markdown';
import type { Note } from './note';
import type { Frontmatter } from './frontmatter';

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
  compact.uri = note.uri;
  compact.path = note.path;
  compact.lines = note.lines;
  compact.kind = note.kind;
  compact.bodyStart = note.bodyStart;
  // Optional fields only where set, so that a compact note reads exactly as the parse (no field that is there as undefined).
  if (note.article !== undefined) compact.article = note.article;
  if (note.actor !== undefined) compact.actor = note.actor;
  compact.wikiLinks = note.wikiLinks;
  compact.claims = note.claims.map((claim) => compactClaim(claim, compact));
  compact.blocks = note.blocks;
  compact.prose = note.prose;
  compact.diagnostics = note.diagnostics;
  // Actor notes are few, and the registry, rename and their diagnostics read their frontmatter all the time.
  if (note.kind === 'actor') Object.defineProperty(compact, 'frontmatter', { value: note.frontmatter, enumerable: true, writable: true });
  Object.defineProperty(compact, TEXT_BYTES, { value: encoder.encode(note.text) });
  return compact;
}

function compactClaim(claim: ClaimSpan, owner: CompactNote): ClaimSpan {
  const compact = Object.create(compactClaimPrototype) as CompactClaim;
  compact.span = claim.span;
  compact.textSpan = claim.textSpan;
  compact.attributesSpan = claim.attributesSpan;
  compact.classes = claim.classes;
  if (claim.key !== undefined) compact.key = claim.key;
  if (claim.keySpan !== undefined) compact.keySpan = claim.keySpan;
  if (claim.by !== undefined) compact.by = claim.by;
  if (claim.bySpan !== undefined) compact.bySpan = claim.bySpan;
  compact.stance = claim.stance;
  if (claim.stanceSpan !== undefined) compact.stanceSpan = claim.stanceSpan;
  if (claim.counter !== undefined) compact.counter = claim.counter;
  compact.singleSource = claim.singleSource;
  compact.valid = claim.valid;
  Object.defineProperty(compact, OWNER, { value: owner });
  return compact;
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
