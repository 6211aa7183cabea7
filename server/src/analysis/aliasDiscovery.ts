import type { Note } from '../syntax/note';
import { normalizeName, type Span } from '../syntax/text';
import { foldName, fuzzyKeys, skeletons } from '../syntax/transliteration';
import type { Actor, Mention, Workspace } from '../model/workspace';
import { derivation } from '../model/derived';

/** A word or words of prose that look like another spelling of one actor's name or alias. */
export interface NearMatch {
  span: Span;
  /** The words as written. */
  text: string;
  actorId: string;
  /** The actor's name or alias it is a spelling of, as the actor note writes it. */
  alias: string;
}

/** What the index needs of an actor: its id, and the names prose may call it by (its name and aliases). */
export interface KnownActor {
  id: string;
  names: readonly string[];
}

/** A one-word name, or a many-word name written as one word (Nursultan for Nur-Sultan). */
interface SingleName {
  actorId: string;
  alias: string;
  /** What a candidate word is compared with letter by letter. */
  surface: string;
  /** A many-word name's words run together: a word written so is never the name itself. */
  joined: boolean;
}

interface MultiName {
  actorId: string;
  alias: string;
  words: string[];
  lowerWords: string[];
  separators: string[];
}

/** Words shorter than this are never taken for a spelling of a name: too many short words look alike. */
const MIN_WORD_LETTERS = 4;
/** Two spellings of a name differ in length by at most this many letters. */
const MAX_LENGTH_DIFFERENCE = 2;

/**
 * Endings that turn a name into another word (Russia, Russian; Putin, Putins; Tokaev, Tokaeva): a word that is a
 * name plus one of these is that other word, never a spelling of the name.
 */
const DERIVED_ENDINGS = new Set(['s', 'es', 'n', 'ns', 'an', 'ans', 'ian', 'ians', 'ese', 'ish', 'ic', 'ism', 'ist', 'ists', 'a', 'e', 'u', 'om', 'ym', 'ov', 'ova', 'in', 'ina']);

/**
 * Capitalised words of English prose that are not names (sentence starts, titles, months): never candidates,
 * whatever name they resemble.
 */
const COMMON_WORDS = new Set(`
about above according after again against already also although among another answering apart april armed
articles august because before being below between both business businessman central comment comments
consequently could december despite during each earlier eastern economic either even every february first
following foreign forces former forum from further general government have having hence here however indeed
instead international into january july june later latest leader least less like many march meanwhile minister
ministry more moreover most much must national never nevertheless news next none northern nothing november
obviously october office often once only other over party people perhaps president prime quite rather read
recently relations republic results right same says scroll secretary security september several shall should
since some southern state states still such sunday monday tuesday wednesday thursday friday saturday than that
their them then there therefore these they this those though through thus today together traditionally under
union unless until very were western what when where whether which while whose will with within
without world would written year years yesterday your
`.trim().split(/\s+/));

/** A word, as WordList finds them in prose: letters, marks and digits, an inner apostrophe (Il'ich) but not a possessive 's. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ](?![sS](?![\p{L}\p{M}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Finds, in prose, spellings of the actors' names that are not names themselves: Tokaiev where the actor notes
 * know Tokayev and Tokaev. Two words are spellings of one name when their transliteration skeletons meet (see
 * transliteration.ts) and they are not the same word with an ending (Russian is not Russia). Precision first: a
 * word that could be a spelling of two actors' names is left alone, and so are short, common and all-capital words.
 * Built once per registry; each note is then scanned in one pass over its words.
 */
export class AliasNearMatchIndex {
  /** One-word names by their skeletons and fuzzy keys (which never look alike: only fuzzy keys hold * or #). */
  private readonly singleByKey = new Map<string, SingleName[]>();
  private readonly multiByFirstWord = new Map<string, MultiName[]>();
  private readonly multiByFirstSkeleton = new Map<string, MultiName[]>();
  /** Every name and alias, normalised: words written so are names already, not spellings of one. */
  private readonly names = new Set<string>();
  /** The hashes' low bits of the multi-word names' first words: most prose words are passed over after one look at it. */
  private readonly firstWordFilter = new Uint8Array(HASH_FILTER_SIZE);
  private readonly words = new WordList();
  /** The keys of the words met so far (see keysOf). */
  private readonly keys = new Map<string, readonly string[]>();

  constructor(actors: readonly KnownActor[]) {
    for (const actor of actors) {
      for (const name of new Set(actor.names)) this.add(actor.id, name);
    }
  }

  get isEmpty(): boolean {
    return this.singleByKey.size === 0 && this.multiByFirstWord.size === 0;
  }

  private add(actorId: string, alias: string): void {
    this.names.add(normalizeName(alias));
    if (isAcronym(alias)) return;
    const { words, separators } = wordsOfName(alias);
    if (words.length === 0) return;
    if (words.length === 1) {
      if (letterCount(words[0]) >= MIN_WORD_LETTERS) this.addSingle({ actorId, alias, surface: words[0], joined: false });
      return;
    }
    const name: MultiName = { actorId, alias, words, lowerWords: words.map((w) => w.toLowerCase()), separators };
    pushTo(this.multiByFirstWord, name.lowerWords[0], name);
    this.firstWordFilter[foldedHash(name.lowerWords[0]) & (HASH_FILTER_SIZE - 1)] = 1;
    if (letterCount(words[0]) >= MIN_WORD_LETTERS) {
      for (const key of keysOf(words[0], this.keys)) pushTo(this.multiByFirstSkeleton, key, name);
    }
    if (words.length <= 3 && separators.every(isBlankOrHyphen)) this.addSingle({ actorId, alias, surface: words.join(''), joined: true });
  }

  private addSingle(name: SingleName): void {
    for (const key of keysOf(name.surface, this.keys)) pushTo(this.singleByKey, key, name);
  }

  /** The near matches in a note's prose. `mentions` are the note's resolved mentions, sorted by start: words already naming an actor are not candidates. */
  find(text: string, regions: readonly Span[], mentions: readonly Mention[]): NearMatch[] {
    const result: NearMatch[] = [];
    if (this.isEmpty) return result;
    const words = this.words;
    // Words and mentions both come in text order: one cursor finds the mention a word may be in.
    let cursor = 0;
    for (const region of regions) {
      words.scan(text, region.start, region.end);
      for (let i = 0; i < words.count; i++) {
        while (cursor < mentions.length && mentions[cursor].span.end <= words.starts[i]) cursor++;
        const inMention = cursor < mentions.length && mentions[cursor].span.start < words.ends[i];
        const candidate = !inMention && words.isCandidate(i);
        if (!candidate && words.isAscii(i) && this.firstWordFilter[words.hashes[i] & (HASH_FILTER_SIZE - 1)] === 0) continue;
        const written = words.text(i);
        const lower = written.toLowerCase();
        const spelling = candidate && !COMMON_WORDS.has(lower);
        const multi = this.matchMulti(text, i, lower, spelling, mentions);
        if (multi === 'ambiguous') continue;
        if (multi) {
          result.push(multi.match);
          i = multi.last;
          continue;
        }
        const single = spelling ? this.matchSingle(i, written) : undefined;
        if (single) result.push(single);
      }
    }
    words.release();
    return result;
  }

  /** A candidate word (not in a mention, not a common word) that is a spelling of one actor's one-word name. */
  private matchSingle(i: number, written: string): NearMatch | undefined {
    let found: Map<string, SingleName> | undefined;
    for (const key of keysOf(written, this.keys)) {
      for (const name of this.singleByKey.get(key) ?? []) {
        if (found?.has(name.actorId) || !isPlausibleVariant(written, name.surface, name.joined)) continue;
        (found ??= new Map()).set(name.actorId, name);
      }
    }
    if (found?.size !== 1 || this.isName(written)) return undefined;
    const [name] = found.values();
    return { span: { start: this.words.starts[i], end: this.words.ends[i] }, text: written, actorId: name.actorId, alias: name.alias };
  }

  /**
   * A many-word name spelled otherwise starting at word i (Kasim-Jomart Tokayev for Kassym-Jomart Tokayev), word by
   * word: each the same word or a spelling of it, blanks and hyphens interchangeable. The longest names win; when
   * names of two actors match there, 'ambiguous'.
   */
  private matchMulti(text: string, i: number, lower: string, spelling: boolean, mentions: readonly Mention[]): { match: NearMatch; last: number } | 'ambiguous' | undefined {
    const words = this.words;
    const sameFirstWord = this.multiByFirstWord.get(lower);
    let names: Set<MultiName> | undefined = sameFirstWord && new Set(sameFirstWord);
    if (spelling) {
      for (const key of keysOf(words.text(i), this.keys)) for (const name of this.multiByFirstSkeleton.get(key) ?? []) (names ??= new Set()).add(name);
    }
    if (!names) return undefined;
    let best: MultiName[] = [];
    for (const name of names) {
      const n = name.words.length;
      if (i + n > words.count || !matchesWords(text, words, i, name)) continue;
      if (best.length === 0 || n > best[0].words.length) best = [name];
      else if (n === best[0].words.length) best.push(name);
    }
    if (best.length === 0) return undefined;
    if (new Set(best.map((name) => name.actorId)).size > 1) return 'ambiguous';
    const name = best[0];
    const last = i + name.words.length - 1;
    const span = { start: words.starts[i], end: words.ends[last] };
    const written = text.slice(span.start, span.end);
    // Words already naming an actor may be part of it only when they name this one (the Tokayev of Kasim-Jomart Tokayev).
    const inside = overlapping(mentions, span);
    if (inside.some((m) => m.actorId !== name.actorId || m.span.start < span.start || m.span.end > span.end || (m.span.start === span.start && m.span.end === span.end))) return undefined;
    if (this.isName(written)) return undefined;
    return { match: { span, text: written, actorId: name.actorId, alias: name.alias }, last };
  }

  /** Whether words are an actor's name or alias as they stand. An actor's id is not: prose does not write tokayev or umar-farsi. */
  private isName(written: string): boolean {
    return this.names.has(normalizeName(written));
  }
}

/**
 * Whether the words from i on spell the name: the same words or spellings of them, at least one spelled otherwise or
 * joined otherwise, and at least one capitalised as names are (hizb-ut-tahrir is an id, not a spelling of Hizb ut Tahrir).
 */
function matchesWords(text: string, words: WordList, i: number, name: MultiName): boolean {
  let differs = false;
  let capitalised = false;
  for (let k = 0; k < name.words.length; k++) {
    if (k > 0) {
      const separator = separatorOf(text.slice(words.ends[i + k - 1], words.starts[i + k]));
      if (separator === undefined) return false;
      if (separator !== name.separators[k - 1]) {
        if (!isBlankOrHyphen(separator) || !isBlankOrHyphen(name.separators[k - 1])) return false;
        differs = true;
      }
    }
    const word = words.text(i + k);
    const candidate = isCandidateWord(word);
    capitalised ||= candidate;
    if (word.toLowerCase() === name.lowerWords[k]) continue;
    if (!candidate || !isSpellingVariant(word, name.words[k])) return false;
    differs = true;
  }
  return differs && capitalised;
}

function isBlankOrHyphen(separator: string): boolean {
  return separator === ' ' || separator === '-';
}

/**
 * Whether a written word is another spelling of a known word: their transliteration skeletons meet (equal, or one
 * weak letter apart in a long word), they are not the same word, and the written one is not the known one with an
 * ending that makes another word (Russian, Russians, Tokaeva).
 */
export function isSpellingVariant(written: string, known: string): boolean {
  if (letterCount(written) < MIN_WORD_LETTERS || letterCount(known) < MIN_WORD_LETTERS) return false;
  if (!isPlausibleVariant(written, known)) return false;
  const writtenKeys = new Set(keysOf(written));
  return keysOf(known).some((key) => writtenKeys.has(key));
}

/** The checks on the letters as written that a shared skeleton does not make: not the same word, nor the word with an ending. */
function isPlausibleVariant(written: string, known: string, joined = false): boolean {
  if (!joined && written.toLowerCase() === known.toLowerCase()) return false;
  const a = foldName(written);
  const b = foldName(known);
  if (Math.abs(a.length - b.length) > MAX_LENGTH_DIFFERENCE) return false;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter !== longer && longer.startsWith(shorter)) {
    const ending = longer.slice(shorter.length);
    // Donbass is Donbas with its last letter doubled, not with a plural s.
    const doubled = [...ending].every((ch) => ch === shorter[shorter.length - 1]);
    if (!doubled && DERIVED_ENDINGS.has(ending)) return false;
  }
  return true;
}

/** A word prose may misspell a name with: capitalised, long enough, not in capitals throughout, not a common word. */
function isCandidateWord(word: string): boolean {
  if (!/^\p{Lu}/u.test(word) || letterCount(word) < MIN_WORD_LETTERS) return false;
  if (word === word.toUpperCase()) return false;
  return !COMMON_WORDS.has(word.toLowerCase());
}

/** Words whose keys an index keeps: the capitalised words of a large workspace, not those of a 20 MB note. */
const MAX_CACHED_WORDS = 20000;

/** A word's skeletons and their fuzzy keys: two words are spellings of one name when they share one (see transliteration.ts). */
function keysOf(word: string, cache?: Map<string, readonly string[]>): readonly string[] {
  let keys = cache?.get(word);
  if (!keys) {
    const all: string[] = [];
    for (const skeleton of skeletons(word)) all.push(skeleton, ...fuzzyKeys(skeleton));
    keys = [...new Set(all)];
    if (cache) {
      if (cache.size >= MAX_CACHED_WORDS) cache.clear();
      cache.set(word, keys);
    }
  }
  return keys;
}

// ---- words ----

const HASH_FILTER_SIZE = 1 << 16;
/** Words of scratch space kept between scans: a long article's, not those of a 20 MB note. */
const MAX_KEPT_WORDS = 1 << 16;
const WORD_ASCII = 1;
const WORD_CAPITAL = 2;
const WORD_LOWER = 4;

/** The case-folded hash of an ASCII word, as WordList computes it while scanning. */
function foldedHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

function hashStep(hash: number, code: number): number {
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  // Kept within a small integer, which V8 stores without allocating.
  return (Math.imul(hash, 31) + lower) & 0x3fffffff;
}

const CLASS_KNOWN = 1;
const CLASS_WORD = 2;
const CLASS_LETTER = 4;
const CLASS_UPPER = 8;
const CLASS_LOWER = 16;
/** What each BMP code point beyond ASCII is (CLASS_ bits), filled in as they are met. */
const bmpClass = new Uint8Array(0x10000);

function classOf(codePoint: number): number {
  if (codePoint < 128) {
    if (codePoint >= 65 && codePoint <= 90) return CLASS_KNOWN | CLASS_WORD | CLASS_LETTER | CLASS_UPPER;
    if (codePoint >= 97 && codePoint <= 122) return CLASS_KNOWN | CLASS_WORD | CLASS_LETTER | CLASS_LOWER;
    return codePoint >= 48 && codePoint <= 57 ? CLASS_KNOWN | CLASS_WORD : CLASS_KNOWN;
  }
  if (codePoint <= 0xffff && bmpClass[codePoint] !== 0) return bmpClass[codePoint];
  let result = CLASS_KNOWN;
  // A lone surrogate is no letter, as WORD (with the u flag) sees it.
  if (codePoint < 0xd800 || codePoint > 0xdfff) {
    const ch = String.fromCodePoint(codePoint);
    if (/[\p{L}\p{M}\p{N}]/u.test(ch)) result |= CLASS_WORD;
    if (/\p{L}/u.test(ch)) result |= CLASS_LETTER;
    if (/\p{Lu}/u.test(ch)) result |= CLASS_UPPER;
    if (/\p{Ll}/u.test(ch)) result |= CLASS_LOWER;
  }
  if (codePoint <= 0xffff) bmpClass[codePoint] = result;
  return result;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

/**
 * The words of a stretch of prose as WORD finds them, with a loop over character codes: strings are made only of
 * the words looked at closely, the rest are bounds, a case-folded hash and flags. Reused from region to region.
 */
class WordList {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  private flags = new Uint8Array(256);
  private letters = new Int32Array(256);
  private source = '';

  scan(text: string, from: number, to: number): void {
    this.source = text;
    // A word takes at least one character and one separator: this many fit.
    if (this.starts.length < (to - from + 1) / 2 + 1) this.grow((to - from + 1) / 2 + 1);
    let count = 0;
    let start = -1;
    let hash = 0;
    let flags = 0;
    let letters = 0;
    for (let p = from; p < to; ) {
      let code = text.charCodeAt(p);
      let width = 1;
      if (code >= 0xd800 && code <= 0xdbff && p + 1 < to) {
        const low = text.charCodeAt(p + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      const kind = classOf(code);
      if ((kind & CLASS_WORD) !== 0 || (start >= 0 && isApostrophe(code) && apostropheJoins(text, p + 1, to))) {
        if (start < 0) {
          start = p;
          hash = 0;
          letters = 0;
          flags = WORD_ASCII | ((kind & CLASS_UPPER) !== 0 ? WORD_CAPITAL : 0);
        }
        if (code < 128) hash = hashStep(hash, code);
        else flags &= ~WORD_ASCII;
        if ((kind & CLASS_LETTER) !== 0) letters++;
        if ((kind & CLASS_LOWER) !== 0) flags |= WORD_LOWER;
      } else if (start >= 0) {
        this.push(count++, start, p, hash, flags, letters);
        start = -1;
      }
      p += width;
    }
    if (start >= 0) this.push(count++, start, to, hash, flags, letters);
    this.count = count;
  }

  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  isAscii(i: number): boolean {
    return (this.flags[i] & WORD_ASCII) !== 0;
  }

  /** Capitalised, long enough and not in capitals throughout: isCandidateWord, but for the common words. */
  isCandidate(i: number): boolean {
    return (this.flags[i] & (WORD_CAPITAL | WORD_LOWER)) === (WORD_CAPITAL | WORD_LOWER) && this.letters[i] >= MIN_WORD_LETTERS;
  }

  /** Lets go of the text scanned, and of scratch space grown for a huge note. */
  release(): void {
    this.source = '';
    if (this.starts.length > MAX_KEPT_WORDS) this.grow(256);
  }

  private push(i: number, start: number, end: number, hash: number, flags: number, letters: number): void {
    this.starts[i] = start;
    this.ends[i] = end;
    this.hashes[i] = hash;
    this.flags[i] = flags;
    this.letters[i] = letters;
  }

  private grow(size: number): void {
    const length = Math.ceil(size);
    this.starts = new Int32Array(length);
    this.ends = new Int32Array(length);
    this.hashes = new Int32Array(length);
    this.flags = new Uint8Array(length);
    this.letters = new Int32Array(length);
  }
}

/** After an apostrophe in a word: whether the word goes on (Il'ich), which it does unless no letter follows or a possessive s does. */
function apostropheJoins(text: string, next: number, to: number): boolean {
  if (next >= to || (classOf(text.codePointAt(next)!) & CLASS_WORD) === 0) return false;
  const ch = text.charCodeAt(next);
  if (ch !== 115 && ch !== 83) return true;
  return next + 1 < to && (classOf(text.codePointAt(next + 1)!) & CLASS_WORD) !== 0;
}

function wordsOfName(name: string): { words: string[]; separators: string[] } {
  const words: string[] = [];
  const separators: string[] = [];
  const nfc = name.normalize('NFC');
  let last = -1;
  for (const match of nfc.matchAll(WORD)) {
    // A name with punctuation between its words is matched with that punctuation only.
    if (last >= 0) separators.push(separatorOf(nfc.slice(last, match.index)) ?? '\u0000');
    words.push(match[0]);
    last = match.index + match[0].length;
  }
  return { words, separators };
}

/**
 * What separates two words, normalised as the alias matcher does (any blanks a space, any dash a hyphen); undefined
 * when the words cannot belong to one name (a blank line or sentence punctuation between them).
 */
function separatorOf(between: string): string | undefined {
  if (/^\s+$/.test(between)) return /(\r?\n|\r)[ \t]*(\r?\n|\r)/.test(between) ? undefined : ' ';
  const folded = between.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/[\u2018\u2019\u02BC`´]/g, "'").replace(/\s+/g, ' ').trim();
  return folded === '' || /[,;:!?()[\]{}"“”«»|]/.test(folded) ? undefined : folded;
}

/** The mentions that share a character with a span (mentions sorted by start, as the workspace keeps them). */
function overlapping(mentions: readonly Mention[], span: Span): Mention[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].span.end <= span.start) low = mid + 1;
    else high = mid;
  }
  const result: Mention[] = [];
  for (let k = low; k < mentions.length && mentions[k].span.start < span.end; k++) if (mentions[k].span.end > span.start) result.push(mentions[k]);
  return result;
}

function letterCount(word: string): number {
  let count = 0;
  for (const ch of word) if (/\p{L}/u.test(ch)) count++;
  return count;
}

function isAcronym(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

// ---- the workspace's near matches ----

/** The index of a workspace's registry, and each note's matches, kept by the workspace until the registry (or the note, or its mentions) change. */
const NEAR_MATCH_INDEX = derivation<AliasNearMatchIndex>('alias near-match index');
const NEAR_MATCHES = derivation<NearMatch[]>('alias near-matches');

/** The names prose may call an actor by: its name and aliases. Its id is not one (tokayev, umar-farsi). */
export function knownActorOf(actor: Actor): KnownActor {
  return { id: actor.id, names: [...(actor.meta.name ? [actor.meta.name] : []), ...actor.meta.aliases.map((a) => a.value)] };
}

function indexOf(workspace: Workspace): AliasNearMatchIndex {
  return workspace.derived.ofWorkspace(NEAR_MATCH_INDEX, [workspace.registryGeneration], () => new AliasNearMatchIndex(workspace.actors().map(knownActorOf)));
}

/** The near matches of actors' names in a note's prose (none when bare aliases are off: prose is not read for names then). */
export function aliasNearMatches(workspace: Workspace, note: Note): NearMatch[] {
  if (!workspace.configuration.bareAliases) return [];
  const mentions = workspace.mentionsIn(note.uri);
  return workspace.derived.ofNote(NEAR_MATCHES, note, [workspace.registryGeneration, mentions], () => indexOf(workspace).find(note.text, note.prose, mentions));
}
