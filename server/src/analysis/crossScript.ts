// Names across scripts: a Cyrillic word is romanised (with the Wikipedia scheme of the iuliia package, the spelling
// English-language news uses: Токаев, Tokayev), its Russian case ending folded (Токаева, Токаеву: Токаев), and then
// compared by transliteration skeleton (see transliteration.ts) with the Latin aliases of the actors. Names that
// English translates rather than transliterates (Россия, Кремль, ПМЭФ) come from the hand-written lexicon.
import { translate, WIKIPEDIA } from 'iuliia';
import { newStemmer } from 'snowball-stemmers';
import { skeletons } from '../core/transliteration';
import { TRANSLATED_NAMES } from './bilingualLexicon';

const CYRILLIC = /[\u0400-\u04ff]/;
const CYRILLIC_WORD = /^[\u0400-\u04ff\u0300-\u036f-]+$/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** A Cyrillic word romanised as English-language news writes Russian names (Wikipedia's scheme); other letters kept. */
export function romanize(word: string): string {
  return translate(word, WIKIPEDIA);
}

/**
 * Russian case endings (and the feminine and adjectival ones a surname or a country takes), longest first. Only
 * endings: a stem must keep at least MIN_STEM letters, so short words are left as they are.
 */
const CASE_ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ах', 'ях', 'ую', 'юю', 'ая', 'яя', 'ые', 'ие', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и'];
/** Endings the base form may have had before the case ending replaced it (Захарова, Захаровой; Кремль, Кремля). */
const BASE_ENDINGS = ['', 'а', 'я', 'ь', 'й'];
const MIN_STEM = 4;

/**
 * The forms a Russian word may be an inflection of: the word itself, and for each case ending it has, the stem with
 * the endings a nominative may take. "Токаева" gives Токаева, Токаев, Токаевь…; "Казахстане" gives Казахстан.
 */
export function caseBases(word: string): string[] {
  const lower = word.toLowerCase();
  const bases = new Set<string>([lower]);
  for (const ending of CASE_ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < MIN_STEM) continue;
    const stem = lower.slice(0, lower.length - ending.length);
    for (const base of BASE_ENDINGS) bases.add(stem + base);
  }
  return [...bases];
}

/** Transliteration skeletons of every form a Cyrillic word may be an inflection of: what it is looked up by. */
export function crossScriptKeys(word: string): string[] {
  const keys = new Set<string>();
  for (const base of caseBases(word)) for (const key of skeletons(romanize(base))) keys.add(key);
  return [...keys];
}

/** Whether a word is written in capitals only (two letters at least): an acronym, matched letter by letter. */
export function isCapitalAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A Cyrillic acronym spelled letter by letter in Latin capitals: ДНР, DNR; ЛНР, LNR. */
export function romanizeAcronym(word: string): string {
  return romanize(word).toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const russianStemmer = newStemmer('russian');

/** The Russian Snowball stem of a lower-cased word: what the lexicon's names are looked up by. */
export function russianStem(word: string): string {
  return russianStemmer.stem(word.toLowerCase());
}

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

  add(actorId: string, alias: string): void {
    if (!this.byName.has(actorId.toLowerCase())) this.byName.set(actorId.toLowerCase(), actorId);
    if (!this.byName.has(alias.toLowerCase())) this.byName.set(alias.toLowerCase(), actorId);
    if (hasCyrillic(alias)) return;
    const words = alias.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    if (words.length === 0) return;
    if (words.length === 1 && isCapitalAcronym(alias)) {
      const key = alias.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
      if (!this.byAcronym.has(key)) this.byAcronym.set(key, { actorId, alias, words: 1 });
      return;
    }
    // A short alias of one word (Kim, Li) is too likely to be a Russian word's stem as well.
    if (words.length === 1 && words[0].length < MIN_STEM + 1) return;
    const pattern: Pattern = { actorId, alias, words: words.map((w) => skeletons(w)) };
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
    const keys = crossScriptKeys(first);
    for (const key of keys) {
      for (const pattern of this.byFirstKey.get(key) ?? []) {
        if (pattern.words.length > words.length) continue;
        let all = true;
        for (let k = 1; k < pattern.words.length && all; k++) {
          const word = words[k];
          all = CYRILLIC_WORD.test(word) && crossScriptKeys(word).some((w) => pattern.words[k].includes(w));
        }
        if (all) return { actorId: pattern.actorId, alias: pattern.alias, words: pattern.words.length };
      }
    }
    return undefined;
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
