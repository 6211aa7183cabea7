import { normalizeName, type Span } from '../syntax/text';
import { CrossScriptMatcher } from './crossScriptAliases';

export interface BareMention {
  actorId: string;
  span: Span;
  /** The alias it matched, as the actor note writes it. */
  alias: string;
}

interface AliasPattern {
  actorId: string;
  alias: string;
  words: string[];
  /** Each word's case-folded ASCII hash, or -1 for a word that is not plain ASCII: a quick way to tell a word is not it. */
  wordHashes: number[];
  separators: string[];
  caseSensitive: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Finds actors' aliases in plain prose, whole words only. Aliases written in capitals
 * (acronyms such as DPR or CSTO) match only in capitals, so "us" is never "US"; every
 * other alias matches whatever the case, as sources write "russia" and "putin" too.
 * Words must be separated as in the alias: a space matches any run of blanks, a hyphen
 * any dash, so "Kasim-Jomart Tokayev" matches across a line break but not across a full stop.
 */
export class AliasMatcher {
  private readonly byFirstWord = new Map<string, AliasPattern[]>();
  /** The patterns added so far, as actor, case sensitivity and words: each is matched once. */
  private readonly added = new Set<string>();
  /**
   * The first words that are plain ASCII, by hash, and a bitmap of their hashes' low bits in front of that set: most
   * prose words are passed over after one look at the bitmap, without making a string of them.
   */
  private readonly asciiFirstWordHashes = new Set<number>();
  private readonly asciiFirstWordFilter = new Uint8Array(HASH_FILTER_SIZE);
  /** The same aliases, looked for in Cyrillic words (Токаева for Tokayev): see crossScriptAliases.ts. */
  private readonly crossScript = new CrossScriptMatcher();
  // Scratch space of scanRegion, reused from region to region: the words' bounds, hashes, and whether they are ASCII.
  private wordStarts = new Int32Array(256);
  private wordEnds = new Int32Array(256);
  private wordHashes = new Int32Array(256);
  private wordAscii = new Uint8Array(256);

  add(actorId: string, alias: string): void {
    const words: string[] = [];
    const separators: string[] = [];
    let last = -1;
    for (const match of alias.normalize('NFC').matchAll(WORD)) {
      if (last >= 0) separators.push(normalizeSeparator(alias.normalize('NFC').slice(last, match.index)));
      words.push(match[0]);
      last = match.index + match[0].length;
    }
    if (words.length === 0) return;
    this.crossScript.add(actorId, alias);
    const caseSensitive = isAcronym(alias);
    const pattern: AliasPattern = {
      actorId,
      alias,
      words: caseSensitive ? words : words.map((w) => w.toLowerCase()),
      wordHashes: words.map((w) => (isAscii(w) ? asciiHash(w, 0, w.length) : -1)),
      separators,
      caseSensitive,
    };
    const key = words[0].toLowerCase();
    if (isAscii(key)) {
      const hash = asciiHash(key, 0, key.length);
      this.asciiFirstWordHashes.add(hash);
      this.asciiFirstWordFilter[hash & (HASH_FILTER_SIZE - 1)] = 1;
    }
    const list = this.byFirstWord.get(key) ?? [];
    // A set and an insertion in place, not a search and a sort of the list: an actor note may list thousands of aliases.
    const signature = JSON.stringify([actorId, caseSensitive, pattern.words]);
    if (this.added.has(signature)) return;
    this.added.add(signature);
    let at = list.length;
    while (at > 0 && list[at - 1].words.length < pattern.words.length) at--;
    list.splice(at, 0, pattern);
    this.byFirstWord.set(key, list);
  }

  get isEmpty(): boolean {
    return this.byFirstWord.size === 0;
  }

  scan(text: string, regions: readonly Span[]): BareMention[] {
    const mentions: BareMention[] = [];
    if (this.isEmpty) return mentions;
    const stable = isNfcStable(text);
    for (const region of regions) this.scanRegion(text, region, mentions, stable);
    // Scratch space grown for a huge note is not kept after it: the memory would stay taken until the registry changes.
    if (this.wordStarts.length > MAX_KEPT_SCRATCH) this.growScratch(256);
    return mentions;
  }

  /**
   * Matches words (maximal runs of letters, digits and marks) against the aliases' first words. The words are
   * found with a loop over character codes, and an ASCII word is looked up by its hash first: only the few that
   * may be a first word become strings. Other words take the exact path (a lower-cased string looked up).
   */
  private scanRegion(text: string, region: Span, out: BareMention[], nfcStable: boolean): void {
    // NFC can shorten the text; offsets are only exact when it did not change it. Text that NFC leaves as it is
    // (most prose) is scanned in place.
    let source = text;
    let from = region.start;
    let to = region.end;
    if (!nfcStable) {
      const slice = text.slice(region.start, region.end).normalize('NFC');
      source = slice.length === region.end - region.start ? slice : text.slice(region.start, region.end);
      from = 0;
      to = source.length;
    }
    const count = this.findWords(source, from, to);
    const { wordStarts: starts, wordEnds: ends } = this;
    for (let i = 0; i < count; i++) {
      if (this.wordAscii[i] === 1) {
        const hash = this.wordHashes[i];
        if (this.asciiFirstWordFilter[hash & (HASH_FILTER_SIZE - 1)] === 0 || !this.asciiFirstWordHashes.has(hash)) continue;
      }
      const candidates = this.byFirstWord.get(source.slice(starts[i], ends[i]).toLowerCase());
      if (!candidates) {
        if (this.wordAscii[i] === 0) i = this.scanCrossScript(source, region, from, i, count, out);
        continue;
      }
      for (const pattern of candidates) {
        const n = pattern.words.length;
        if (i + n > count || !this.matches(pattern, source, i)) continue;
        out.push({ actorId: pattern.actorId, alias: pattern.alias, span: { start: region.start + starts[i] - from, end: region.start + ends[i + n - 1] - from } });
        i += n - 1;
        break;
      }
    }
  }

  /**
   * Looks for an actor named in Cyrillic at word i (and the words after it, joined by blanks or hyphens); returns the
   * index of the last word it covered.
   */
  private scanCrossScript(source: string, region: Span, from: number, i: number, count: number, out: BareMention[]): number {
    const { wordStarts: starts, wordEnds: ends } = this;
    const words = [source.slice(starts[i], ends[i])];
    for (let k = i + 1; k < count && words.length < MAX_CROSS_SCRIPT_WORDS && /^[\s\-\u2010-\u2015]+$/.test(source.slice(ends[k - 1], starts[k])); k++) {
      words.push(source.slice(starts[k], ends[k]));
    }
    const match = this.crossScript.match(words);
    if (!match) return i;
    const last = i + match.words - 1;
    out.push({ actorId: match.actorId, alias: match.alias, span: { start: region.start + starts[i] - from, end: region.start + ends[last] - from } });
    return last;
  }

  /** Fills the scratch arrays with the words of source[from, to); returns how many there are. */
  private findWords(source: string, from: number, to: number): number {
    // A word takes at least one character and one separator: this many fit.
    if (this.wordStarts.length < (to - from + 1) / 2 + 1) this.growScratch((to - from + 1) / 2 + 1);
    const { wordStarts: starts, wordEnds: ends, wordHashes: hashes, wordAscii: ascii } = this;
    let count = 0;
    let start = -1;
    let hash = 0;
    let allAscii = true;
    for (let p = from; p < to; ) {
      const code = source.charCodeAt(p);
      let width = 1;
      let isWord: boolean;
      if (code < 128) {
        isWord = ASCII_WORD[code] === 1;
      } else {
        let codePoint = code;
        if (code >= 0xd800 && code <= 0xdbff && p + 1 < to) {
          const low = source.charCodeAt(p + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            width = 2;
          }
        }
        isWord = isWordCodePoint(codePoint);
      }
      if (isWord) {
        if (start < 0) {
          start = p;
          hash = 0;
          allAscii = true;
        }
        if (code < 128) hash = asciiHashStep(hash, code);
        else allAscii = false;
      } else if (start >= 0) {
        starts[count] = start;
        ends[count] = p;
        hashes[count] = hash;
        ascii[count] = allAscii ? 1 : 0;
        count++;
        start = -1;
      }
      p += width;
    }
    if (start >= 0) {
      starts[count] = start;
      ends[count] = to;
      hashes[count] = hash;
      ascii[count] = allAscii ? 1 : 0;
      count++;
    }
    return count;
  }

  private growScratch(size: number): void {
    const length = Math.ceil(size);
    this.wordStarts = new Int32Array(length);
    this.wordEnds = new Int32Array(length);
    this.wordHashes = new Int32Array(length);
    this.wordAscii = new Uint8Array(length);
  }

  private matches(pattern: AliasPattern, source: string, first: number): boolean {
    const { wordStarts: starts, wordEnds: ends } = this;
    // Equal words have equal case-folded hashes: most candidates fail here, without a string being made.
    for (let k = 1; k < pattern.words.length; k++) {
      if (pattern.wordHashes[k] >= 0 && this.wordAscii[first + k] === 1 && this.wordHashes[first + k] !== pattern.wordHashes[k]) return false;
    }
    for (let k = 0; k < pattern.words.length; k++) {
      const written = source.slice(starts[first + k], ends[first + k]);
      const word = pattern.caseSensitive ? written : written.toLowerCase();
      if (word !== pattern.words[k]) return false;
      if (k > 0) {
        const gap = source.slice(ends[first + k - 1], starts[first + k]);
        if (normalizeSeparator(gap) !== pattern.separators[k - 1]) return false;
      }
    }
    return true;
  }
}

const HASH_FILTER_SIZE = 1 << 16;
/** The most words a name written in Cyrillic is matched over (Касым-Жомарт Кемелевич Токаев). */
const MAX_CROSS_SCRIPT_WORDS = 4;
/** Words of scratch space kept between scans (about 1 MB): a long article, not a 20 MB one. */
const MAX_KEPT_SCRATCH = 1 << 16;
/** WORD's characters in the ASCII range: digits and letters. */
const ASCII_WORD = new Uint8Array(128).map((_, code) => Number((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)));
const WORD_CODE_POINT = /^[\p{L}\p{N}\p{M}]$/u;
/** WORD's verdict per BMP code point beyond ASCII, filled in as they are met: 0 unknown, 1 no, 2 yes. */
const bmpWordCache = new Uint8Array(0x10000);

function isWordCodePoint(codePoint: number): boolean {
  if (codePoint > 0xffff) return WORD_CODE_POINT.test(String.fromCodePoint(codePoint));
  let verdict = bmpWordCache[codePoint];
  if (verdict === 0) {
    // A lone surrogate is no letter, as WORD (with the u flag) sees it.
    verdict = codePoint >= 0xd800 && codePoint <= 0xdfff ? 1 : WORD_CODE_POINT.test(String.fromCharCode(codePoint)) ? 2 : 1;
    bmpWordCache[codePoint] = verdict;
  }
  return verdict === 2;
}

/** The hash of an ASCII word as written, case folded: what the lower-cased word's own hash is. */
function asciiHashStep(hash: number, code: number): number {
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  // Kept within a small integer, which V8 stores without allocating.
  return (Math.imul(hash, 31) + lower) & 0x3fffffff;
}

function asciiHash(word: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = asciiHashStep(hash, word.charCodeAt(i));
  return hash;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/**
 * Whether NFC leaves every part of the text as it is, judged cheaply: below U+0300 no character decomposes or
 * combines, nor do the dashes and quotes of U+2010–U+2027 (checked in the tests against String.normalize).
 */
export function isNfcStable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x300 && (code < 0x2010 || code > 0x2027)) return false;
  }
  return true;
}

function normalizeSeparator(separator: string): string {
  if (separator.length > 0 && separator.trim() === '') return ' ';
  return normalizeName(separator) || separator;
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/\P{L}/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
