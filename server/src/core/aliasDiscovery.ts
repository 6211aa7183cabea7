import { diagnostic, type CoreDiagnostic } from './diagnostics';
import type { Note } from './note';
import type { Span } from './text';
import { foldName, fuzzyKeys, skeletons } from './transliteration';
import type { Actor, Mention, Workspace } from './workspace';

/** A word or words of prose that look like another spelling of one actor's alias. */
export interface NearMatch {
  span: Span;
  /** The words as written. */
  text: string;
  actorId: string;
  /** The actor's name or alias it is a spelling of, as the actor note writes it. */
  alias: string;
}

/** What the index needs of an actor: its id, its display name, and the names prose may call it by. */
export interface KnownActor {
  id: string;
  name?: string;
  names: readonly string[];
}

interface Word {
  start: number;
  end: number;
  text: string;
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

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ](?![sS](?![\p{L}\p{M}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Finds, in prose, spellings of the actors' names that are not names themselves: Tokaiev where the actor notes
 * know Tokayev and Tokaev. Two words are spellings of one name when their transliteration skeletons meet (see
 * transliteration.ts) and they are not the same word with an ending (Russian is not Russia). Precision first: a
 * word that could be a spelling of two actors' names is left alone, and so are short, common and all-capital words.
 * Built once per registry; each note is then scanned in one pass over its words.
 */
export class AliasNearMatchIndex {
  private readonly singleBySkeleton = new Map<string, SingleName[]>();
  private readonly singleByFuzzyKey = new Map<string, SingleName[]>();
  private readonly multiByFirstWord = new Map<string, MultiName[]>();
  private readonly multiByFirstSkeleton = new Map<string, MultiName[]>();

  constructor(actors: readonly KnownActor[]) {
    for (const actor of actors) {
      for (const name of new Set(actor.names)) this.add(actor.id, name);
    }
  }

  get isEmpty(): boolean {
    return this.singleBySkeleton.size === 0 && this.multiByFirstWord.size === 0;
  }

  private add(actorId: string, alias: string): void {
    if (isAcronym(alias)) return;
    const { words, separators } = wordsOfName(alias);
    if (words.length === 0) return;
    if (words.length === 1) {
      if (letterCount(words[0]) >= MIN_WORD_LETTERS) this.addSingle({ actorId, alias, surface: words[0], joined: false });
      return;
    }
    const name: MultiName = { actorId, alias, words, lowerWords: words.map((w) => w.toLowerCase()), separators };
    pushTo(this.multiByFirstWord, name.lowerWords[0], name);
    if (letterCount(words[0]) >= MIN_WORD_LETTERS) {
      for (const key of exactAndFuzzyKeys(words[0])) pushTo(this.multiByFirstSkeleton, key, name);
    }
    if (words.length <= 3 && separators.every((s) => s === ' ' || s === '-')) this.addSingle({ actorId, alias, surface: words.join(''), joined: true });
  }

  private addSingle(name: SingleName): void {
    for (const skeleton of cachedSkeletons(name.surface)) {
      pushTo(this.singleBySkeleton, skeleton, name);
      for (const key of fuzzyKeys(skeleton)) pushTo(this.singleByFuzzyKey, key, name);
    }
  }

  /**
   * The near matches in a note's prose. `mentions` are the note's resolved mentions (words already naming an actor
   * are not candidates); `isName` says whether some actor is called exactly that.
   */
  find(text: string, regions: readonly Span[], mentions: readonly Mention[], isName: (name: string) => boolean): NearMatch[] {
    const result: NearMatch[] = [];
    if (this.isEmpty) return result;
    const bare = mentions.filter((m) => m.kind === 'bare').map((m) => ({ start: m.span.start, end: m.span.end, actorId: m.actorId }));
    for (const region of regions) {
      const words = wordsIn(text, region);
      for (let i = 0; i < words.length; i++) {
        const multi = this.matchMulti(text, words, i, bare, isName);
        if (multi === 'ambiguous') continue;
        if (multi) {
          result.push(multi.match);
          i = multi.last;
          continue;
        }
        const single = this.matchSingle(words[i], bare, isName);
        if (single) result.push(single);
      }
    }
    return result;
  }

  private matchSingle(word: Word, bare: readonly BareSpan[], isName: (name: string) => boolean): NearMatch | undefined {
    if (!isCandidateWord(word.text)) return undefined;
    if (overlapping(bare, word).length > 0 || isName(word.text)) return undefined;
    const found = new Map<string, SingleName>();
    for (const skeleton of cachedSkeletons(word.text)) {
      for (const name of this.singleBySkeleton.get(skeleton) ?? []) if (!found.has(name.actorId) && isPlausibleVariant(word.text, name.surface, name.joined)) found.set(name.actorId, name);
      for (const key of fuzzyKeys(skeleton)) {
        for (const name of this.singleByFuzzyKey.get(key) ?? []) if (!found.has(name.actorId) && isPlausibleVariant(word.text, name.surface, name.joined)) found.set(name.actorId, name);
      }
    }
    if (found.size !== 1) return undefined;
    const [name] = found.values();
    return { span: { start: word.start, end: word.end }, text: word.text, actorId: name.actorId, alias: name.alias };
  }

  /**
   * A many-word name spelled otherwise starting at word i (Kasim-Jomart Tokayev for Kassym-Jomart Tokayev), word by
   * word: each the same word or a spelling of it, blanks and hyphens interchangeable. The longest names win; when
   * names of two actors match there, 'ambiguous'.
   */
  private matchMulti(text: string, words: readonly Word[], i: number, bare: readonly BareSpan[], isName: (name: string) => boolean):
    { match: NearMatch; last: number } | 'ambiguous' | undefined {
    const names = new Set(this.multiByFirstWord.get(words[i].text.toLowerCase()) ?? []);
    if (isCandidateWord(words[i].text)) {
      for (const key of exactAndFuzzyKeys(words[i].text)) for (const name of this.multiByFirstSkeleton.get(key) ?? []) names.add(name);
    }
    if (names.size === 0) return undefined;
    let best: { name: MultiName; length: number }[] = [];
    for (const name of names) {
      const n = name.words.length;
      if (i + n > words.length || !matchesWords(text, words, i, name)) continue;
      if (best.length === 0 || n > best[0].length) best = [{ name, length: n }];
      else if (n === best[0].length) best.push({ name, length: n });
    }
    if (best.length === 0) return undefined;
    const actorIds = new Set(best.map((b) => b.name.actorId));
    if (actorIds.size > 1) return 'ambiguous';
    const { name, length } = best[0];
    const span = { start: words[i].start, end: words[i + length - 1].end };
    const written = text.slice(span.start, span.end);
    // Words already naming an actor may be part of it only when they name this one (the Tokayev of Kasim-Jomart Tokayev).
    const inside = overlapping(bare, span);
    if (inside.some((m) => m.actorId !== name.actorId || m.start < span.start || m.end > span.end || (m.start === span.start && m.end === span.end))) return undefined;
    if (isName(written.replace(/\s+/g, ' '))) return undefined;
    return { match: { span, text: written, actorId: name.actorId, alias: name.alias }, last: i + length - 1 };
  }
}

interface BareSpan {
  start: number;
  end: number;
  actorId: string;
}

/** Whether the words from i on spell the name: the same words or spellings of them, at least one spelled otherwise or joined otherwise. */
function matchesWords(text: string, words: readonly Word[], i: number, name: MultiName): boolean {
  let differs = false;
  for (let k = 0; k < name.words.length; k++) {
    const word = words[i + k];
    if (k > 0) {
      const separator = separatorOf(text.slice(words[i + k - 1].end, word.start));
      if (separator === undefined) return false;
      if (separator !== name.separators[k - 1]) {
        if (!isBlankOrHyphen(separator) || !isBlankOrHyphen(name.separators[k - 1])) return false;
        differs = true;
      }
    }
    if (word.text.toLowerCase() === name.lowerWords[k]) continue;
    if (!isCandidateWord(word.text) || !isSpellingVariant(word.text, name.words[k])) return false;
    differs = true;
  }
  return differs;
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
  const writtenKeys = new Set(exactAndFuzzyKeys(written));
  return exactAndFuzzyKeys(known).some((key) => writtenKeys.has(key));
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
  if (!/^\p{Lu}/u.test(word)) return false;
  if (letterCount(word) < MIN_WORD_LETTERS) return false;
  if (word === word.toUpperCase()) return false;
  return !COMMON_WORDS.has(word.toLowerCase());
}

function exactAndFuzzyKeys(word: string): string[] {
  const keys: string[] = [];
  for (const skeleton of cachedSkeletons(word)) {
    keys.push(skeleton);
    keys.push(...fuzzyKeys(skeleton));
  }
  return keys;
}

const skeletonCache = new Map<string, string[]>();
const MAX_CACHED_SKELETONS = 20000;

function cachedSkeletons(word: string): string[] {
  let result = skeletonCache.get(word);
  if (!result) {
    if (skeletonCache.size >= MAX_CACHED_SKELETONS) skeletonCache.clear();
    result = skeletons(word);
    skeletonCache.set(word, result);
  }
  return result;
}

/** The words of a stretch of prose. An apostrophe inside a word (a soft sign: Il'ich) keeps it whole; a possessive 's does not. */
function wordsIn(text: string, region: Span): Word[] {
  const words: Word[] = [];
  const slice = text.slice(region.start, region.end);
  for (const match of slice.matchAll(WORD)) {
    const start = region.start + match.index;
    words.push({ start, end: start + match[0].length, text: match[0] });
  }
  return words;
}

function wordsOfName(name: string): { words: string[]; separators: string[] } {
  const words: string[] = [];
  const separators: string[] = [];
  let last = -1;
  for (const match of name.normalize('NFC').matchAll(WORD)) {
    // A name with punctuation between its words is matched with that punctuation only.
    if (last >= 0) separators.push(separatorOf(name.normalize('NFC').slice(last, match.index)) ?? '\u0000');
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

/** The bare mentions that share a character with a span (mentions sorted by start, as the workspace keeps them). */
function overlapping(bare: readonly BareSpan[], span: Span): BareSpan[] {
  let low = 0;
  let high = bare.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bare[mid].end <= span.start) low = mid + 1;
    else high = mid;
  }
  const result: BareSpan[] = [];
  for (let k = low; k < bare.length && bare[k].start < span.end; k++) if (bare[k].end > span.start) result.push(bare[k]);
  return result;
}

function letterCount(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
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

/** The index of a workspace's registry, and each note's matches, kept until the registry (or the note) changes. */
const indexes = new WeakMap<Workspace, { generation: number; index: AliasNearMatchIndex }>();
const matchesByNote = new WeakMap<Note, { generation: number; mentions: readonly Mention[]; matches: NearMatch[] }>();

export function knownActorOf(actor: Actor): KnownActor {
  // The id is not a name prose writes (tokayev, umar-farsi); the name and the aliases are.
  return { id: actor.id, name: actor.meta.name, names: [...(actor.meta.name ? [actor.meta.name] : []), ...actor.meta.aliases.map((a) => a.value)] };
}

function indexOf(workspace: Workspace): AliasNearMatchIndex {
  const generation = workspace.registryGeneration;
  const cached = indexes.get(workspace);
  if (cached && cached.generation === generation) return cached.index;
  const index = new AliasNearMatchIndex(workspace.actors().map(knownActorOf));
  indexes.set(workspace, { generation, index });
  return index;
}

/** The near matches of actors' names in a note's prose (none when bare aliases are off: prose is not read for names then). */
export function aliasNearMatches(workspace: Workspace, note: Note): NearMatch[] {
  if (!workspace.configuration.bareAliases) return [];
  const generation = workspace.registryGeneration;
  const mentions = workspace.mentionsIn(note.uri);
  const cached = matchesByNote.get(note);
  if (cached && cached.generation === generation && cached.mentions === mentions) return cached.matches;
  const matches = indexOf(workspace).find(note.text, note.prose, mentions, (name) => workspace.resolveActor(name) !== undefined);
  matchesByNote.set(note, { generation, mentions, matches });
  return matches;
}

/** `alias.near-match` hints for a note: each word that looks like a spelling of one actor's name. */
export function aliasNearMatchDiagnostics(workspace: Workspace, note: Note): CoreDiagnostic[] {
  return aliasNearMatches(workspace, note).map((match) => {
    const actor = workspace.actor(match.actorId);
    const name = actor?.meta.name ? `${plain(actor.meta.name)} (${match.actorId})` : match.actorId;
    return diagnostic('alias.near-match', match.span, `«${plain(match.text)}» looks like a spelling of ${name}`,
      { actorId: match.actorId, text: match.text, alias: match.alias });
  });
}

/** Note text fit for a one-line plain-text message: no control or bidi-override characters, blanks folded. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
}
