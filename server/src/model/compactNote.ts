// Notes nobody is editing, kept compact. A workspace holds thousands of them and reads most of their parse only
// through the indexes, so:
// - the text is kept as UTF-8 bytes: half the memory of the UTF-16 string for the mostly Latin text of articles
//   (one curly quote makes V8 store a whole note two bytes a character), and outside the JavaScript heap;
// - what only the editor of a note asks for (an article's frontmatter fields, the headings, the attributes of each
//   claim) is not kept but parsed again from the text when asked, and the last few such parses are cached.
// `note.text`, `note.frontmatter`, `note.headings` and `claim.attributes` read as before: getters on the prototype.
// The texts decoded and the parses made again last are kept by the `CompactNotes` of the workspace that holds them.
import { parseFrontmatter } from '../syntax/frontmatter';
import { claimAttributesIn, parseBody, type ClaimAttribute, type ClaimSpan, type Heading } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import type { Frontmatter } from '../syntax/frontmatter';

const TEXT_BYTES = Symbol('the note text as UTF-8');
const STORE = Symbol('the compact notes a note belongs to');
const OWNER = Symbol('the compact note a claim belongs to');
/**
 * About 2 MB of decoded text: a hover quotes a few notes, a rename edits some more. Texts kept longer would only
 * move to the old generation of the heap, to be collected there later.
 */
const MAX_DECODED_CHARS = 1_000_000;
const REPARSES_KEPT = 16;

type CompactNote = Note & { [TEXT_BYTES]: Uint8Array; [STORE]: CompactNotes };
type CompactClaim = ClaimSpan & { [OWNER]: CompactNote };

const encoder = new TextEncoder();
// ignoreBOM keeps a leading BOM in the text, as it was parsed: without it, every offset would shift by one.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const compactNotePrototype = Object.create(Object.prototype, {
  text: { get(this: CompactNote) { return this[STORE].textOf(this); }, enumerable: true },
  frontmatter: { get(this: CompactNote) { return this[STORE].reparsed(this).frontmatter; }, enumerable: true },
  headings: { get(this: CompactNote) { return this[STORE].reparsed(this).headings; }, enumerable: true },
}) as object;

const compactClaimPrototype = Object.create(Object.prototype, {
  attributes: { get(this: CompactClaim) { return attributesOf(this); }, enumerable: true },
}) as object;

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

/**
 * The compact notes of one workspace, and what is kept of them for a while: the texts decoded last, and the parses
 * made again last. Owned by the workspace, so that nothing is shared between workspaces.
 */
export class CompactNotes {
  /** Decoded texts, least recently used first, about MAX_DECODED_CHARS in all. */
  private readonly decoded = new Map<CompactNote, string>();
  private decodedChars = 0;
  private lastNote: CompactNote | undefined;
  private lastText = '';
  private readonly reparses = new Map<CompactNote, Reparse>();

  /**
   * The compact form of a freshly parsed note, to be indexed instead of it. Returns the note itself where compacting
   * would change what it reads: a text with a lone surrogate half, which UTF-8 cannot carry.
   * Nothing else may hold the text: see `detached`.
   */
  compact(note: Note): Note {
    if (isCompact(note) || hasLoneSurrogate(note.text)) return note;
    const compact = Object.create(compactNotePrototype) as CompactNote;
    copyFields(compact, note, KEPT_NOTE_FIELDS);
    compact.claims = note.claims.map((claim) => compactClaim(claim, compact));
    // Actor notes are few, and the registry, rename and their diagnostics read their frontmatter all the time.
    if (note.kind === 'actor') Object.defineProperty(compact, 'frontmatter', { value: note.frontmatter, enumerable: true, writable: true });
    Object.defineProperty(compact, TEXT_BYTES, { value: encoder.encode(note.text) });
    Object.defineProperty(compact, STORE, { value: this });
    return compact;
  }

  /** Drops what is kept of a note, when it is replaced or removed. */
  forget(note: Note): void {
    const text = this.decoded.get(note as CompactNote);
    if (text !== undefined) {
      this.decoded.delete(note as CompactNote);
      this.decodedChars -= text.length;
    }
    this.reparses.delete(note as CompactNote);
    if (this.lastNote === note) {
      this.lastNote = undefined;
      this.lastText = '';
    }
  }

  /** Lets go of every decoded text and every parse made again: the next read decodes or parses afresh. */
  dropCaches(): void {
    this.decoded.clear();
    this.decodedChars = 0;
    this.lastNote = undefined;
    this.lastText = '';
    this.reparses.clear();
  }

  textOf(note: CompactNote): string {
    if (note === this.lastNote) return this.lastText;
    const text = this.decoded.get(note) ?? decoder.decode(note[TEXT_BYTES]);
    this.remember(note, text);
    return text;
  }

  private remember(note: CompactNote, text: string): void {
    const known = this.decoded.get(note);
    if (known === undefined) {
      this.decodedChars += text.length;
      while (this.decodedChars > MAX_DECODED_CHARS && this.decoded.size > 0) {
        const [oldest, oldText] = this.decoded.entries().next().value!;
        this.decoded.delete(oldest);
        this.decodedChars -= oldText.length;
      }
    } else {
      this.decoded.delete(note);
    }
    this.decoded.set(note, text);
    this.lastNote = note;
    this.lastText = text;
  }

  reparsed(note: CompactNote): Reparse {
    let parse = this.reparses.get(note);
    if (parse) {
      this.reparses.delete(note);
    } else {
      const text = note.text;
      parse = { frontmatter: parseFrontmatter(text).frontmatter, headings: parseBody(text, note.bodyStart).headings };
      if (this.reparses.size >= REPARSES_KEPT) this.reparses.delete(this.reparses.keys().next().value!);
    }
    this.reparses.set(note, parse);
    return parse;
  }
}

/** What is parsed again when asked. */
interface Reparse {
  frontmatter?: Frontmatter;
  headings: Heading[];
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
