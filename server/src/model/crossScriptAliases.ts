// Actors named in Cyrillic, found by their Latin aliases: a capitalised Cyrillic word is romanised, its case ending
// folded, and compared by transliteration skeleton; names English translates rather than transliterates (Россия,
// Кремль, ПМЭФ) come from the hand-written lexicon. Used by AliasMatcher for the words no alias spells as written.
import { TRANSLATED_NAMES } from '../syntax/bilingualLexicon';
import { crossScriptKeys, hasCyrillic, isCapitalAcronym, romanize, romanizeAcronym, russianStem, skeletons } from '../syntax/transliteration';

// eslint-disable-next-line no-misleading-character-class -- combining accents (stress marks in Russian text) are meant to match one by one
const CYRILLIC_WORD = /^[\u0400-\u04ff\u0300-\u036f-]+$/;
/** A one-word alias shorter than this is not looked for in Cyrillic: too likely the stem of a Russian word too. */
const MIN_ALIAS_LETTERS = 5;
const MAX_CACHED_WORDS = 20_000;

/** The lexicon's translated names by the stems of their words joined with a space; acronyms by themselves. */
const TRANSLATED_BY_STEMS: ReadonlyMap<string, string> = new Map(
  TRANSLATED_NAMES.map(([russian, english]) => [isCapitalAcronym(russian) ? russian : russian.split(/\s+/).map(russianStem).join(' '), english]),
);
/** How many words the longest translated name has. */
const MAX_TRANSLATED_WORDS = Math.max(...TRANSLATED_NAMES.map(([russian]) => russian.split(/\s+/).length));

export interface CrossScriptMatch {
  actorId: string;
  /** The alias (or the English name, for a translated one) it was matched through. */
  alias: string;
  /** How many words it covers. */
  words: number;
}

interface Pattern {
  actorId: string;
  alias: string;
  /** Each word's transliteration skeletons. */
  words: readonly (readonly string[])[];
}

/**
 * Finds actors in Cyrillic words by their Latin aliases. Precision first: a word must be capitalised (Russian writes
 * names so), whole words are compared by full skeleton (no fuzzy letters), a stem keeps four letters at least, and an
 * acronym matches only an alias written in capitals, letter for letter.
 */
export class CrossScriptMatcher {
  private readonly byFirstKey = new Map<string, Pattern[]>();
  private readonly byAcronym = new Map<string, CrossScriptMatch>();
  /** Actors by a lower-cased alias or id: where a translated name leads. */
  private readonly byName = new Map<string, string>();
  /** The lookup keys of the capitalised Cyrillic words met so far (a name recurs), bounded. */
  private readonly keysOfWord = new Map<string, string[]>();

  add(actorId: string, alias: string): void {
    if (!this.byName.has(actorId.toLowerCase())) this.byName.set(actorId.toLowerCase(), actorId);
    if (!this.byName.has(alias.toLowerCase())) this.byName.set(alias.toLowerCase(), actorId);
    const words = alias.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    if (words.length === 0) return;
    if (words.length === 1 && isCapitalAcronym(alias)) {
      const key = hasCyrillic(alias) ? romanizeAcronym(alias) : alias.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
      if (!this.byAcronym.has(key)) this.byAcronym.set(key, { actorId, alias, words: 1 });
      return;
    }
    // A short alias of one word (Kim, Li) is too likely to be a Russian word's stem as well.
    if (words.length === 1 && words[0].length < MIN_ALIAS_LETTERS) return;
    const pattern: Pattern = { actorId, alias, words: words.map((w) => skeletons(hasCyrillic(w) ? romanize(w) : w)) };
    for (const key of pattern.words[0]) {
      const list = this.byFirstKey.get(key) ?? [];
      if (list.some((p) => p.actorId === actorId && p.words.length === pattern.words.length)) continue;
      list.push(pattern);
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirstKey.set(key, list);
    }
  }

  get isEmpty(): boolean {
    return this.byName.size === 0;
  }

  /**
   * The actor named by the words starting at `words[0]` (the words that follow, as written, for names of several
   * words), or undefined. The first word must be a capitalised Cyrillic word.
   */
  match(words: readonly string[]): CrossScriptMatch | undefined {
    const first = words[0];
    if (!first || !CYRILLIC_WORD.test(first) || first[0] === first[0].toLowerCase()) return undefined;
    const translated = this.translated(words);
    if (translated) return translated;
    if (isCapitalAcronym(first)) return this.byAcronym.get(romanizeAcronym(first));
    const keys = this.keys(first);
    for (const key of keys) {
      for (const pattern of this.byFirstKey.get(key) ?? []) {
        if (pattern.words.length > words.length) continue;
        let all = true;
        for (let k = 1; k < pattern.words.length && all; k++) {
          const word = words[k];
          all = CYRILLIC_WORD.test(word) && this.keys(word).some((w) => pattern.words[k].includes(w));
        }
        if (all) return { actorId: pattern.actorId, alias: pattern.alias, words: pattern.words.length };
      }
    }
    return undefined;
  }

  private keys(word: string): string[] {
    let keys = this.keysOfWord.get(word);
    if (!keys) {
      if (this.keysOfWord.size >= MAX_CACHED_WORDS) this.keysOfWord.clear();
      this.keysOfWord.set(word, (keys = crossScriptKeys(word)));
    }
    return keys;
  }

  private translated(words: readonly string[]): CrossScriptMatch | undefined {
    for (let n = Math.min(MAX_TRANSLATED_WORDS, words.length); n >= 1; n--) {
      const part = words.slice(0, n);
      if (!part.every((w) => CYRILLIC_WORD.test(w))) continue;
      const key = n === 1 && isCapitalAcronym(part[0]) ? part[0] : part.map(russianStem).join(' ');
      const english = TRANSLATED_BY_STEMS.get(key);
      if (!english) continue;
      const actorId = this.byName.get(english.toLowerCase()) ?? this.byAcronym.get(english.toUpperCase())?.actorId;
      if (actorId) return { actorId, alias: english, words: n };
    }
    return undefined;
  }
}
