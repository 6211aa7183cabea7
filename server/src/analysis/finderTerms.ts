// The terms the counter-source finder compares sentences by, whatever their language: words stemmed by the Snowball
// stemmer of their language (English, Russian, …) with that language's stop words dropped, Russian words the
// bilingual lexicon knows put as their English counterpart, and every term written as a transliteration skeleton, so
// that a name in Cyrillic (Песков, Пескова) and in Latin (Peskov) is one term.
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import * as stopword from 'stopword';
import { skeletons } from '../syntax/transliteration';
import { TRANSLATED_NAMES, TRANSLATED_TERMS } from '../syntax/bilingualLexicon';
import { hasCyrillic, romanize } from '../syntax/transliteration';

const WORD = /[\p{L}\p{N}\p{M}]+(?:[.,'’]\p{N}+)*/gu;

/** Snowball stemmers by the primary subtag of a BCP 47 language tag; English when the tag is missing or unknown. */
const LATIN_STEMMERS: Readonly<Record<string, string>> = {
  en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', tr: 'turkish', pt: 'portuguese', nl: 'dutch',
  pl: 'english', ro: 'romanian', sv: 'swedish', da: 'danish', no: 'norwegian', fi: 'finnish', hu: 'hungarian', cs: 'czech',
};

const STOP_LISTS: Readonly<Record<string, readonly string[]>> = {
  en: stopword.eng, ru: stopword.rus, uk: stopword.ukr, de: stopword.deu, tr: stopword.tur,
};

/**
 * Words that say nothing of a proposition in news prose, beyond the packages' stop words: reporting verbs and the
 * words every story about the region has. Denial and hedge words are not here: they are read apart (stanceCues.ts).
 */
const NEWS_STOP_WORDS = [
  'said', 'says', 'say', 'told', 'tell', 'according', 'stated', 'noted', 'added', 'reported', 'also', 'would', 'could',
  'will', 'mr', 'mrs', 'ms', 'dr', 'one', 'two', 'three', 'not', 'no', 'never', 'nor',
  'заявил', 'заявила', 'заявили', 'сказал', 'сказала', 'отметил', 'отметила', 'сообщил', 'сообщила', 'также', 'этом',
];

/** The primary language subtag of a note's `language:` (lower case), or of its script when it has none. */
export function languageOf(tag: string | undefined, sample: string): string {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary && /^[a-z]{2,3}$/.test(primary)) return primary;
  return hasCyrillic(sample) ? 'ru' : 'en';
}

/** Kinds of term, as a prefix: an actor, a number or date, or a word. */
export const ACTOR_PREFIX = '@';
export const NUMBER_PREFIX = '#';

/**
 * Turns words into terms, with the stemmers, stop words and lexicon it needs built once. Keeps a bounded cache of the
 * words it has seen (the vocabulary of news is small), which belongs to whoever owns this analyzer.
 */
export class TermAnalyzer {
  private readonly stemmers = new Map<string, Stemmer>();
  private readonly stopWords = new Map<string, ReadonlySet<string>>();
  private readonly lexicon = new Map<string, string>();
  /** Per language, each word's term. */
  private readonly cache = new Map<string, Map<string, string | null>>();
  private cachedWords = 0;

  constructor(private readonly maxCachedWords = 200_000) {
    for (const [russian, english] of [...TRANSLATED_TERMS, ...TRANSLATED_NAMES]) {
      const stem = this.stemmer('ru').stem(russian.toLowerCase());
      if (!this.lexicon.has(stem)) this.lexicon.set(stem, this.latinTerm(english.toLowerCase(), 'en'));
    }
  }

  /** The terms of a stretch of text in a language: numbers as `#…`, words as transliteration skeletons of their stems. */
  terms(text: string, language: string, out: string[] = []): string[] {
    // Thousands grouped by a blank (1 700, as Russian writes them) are one number.
    for (const match of text.replace(/(\d)[\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1').matchAll(WORD)) {
      const term = this.term(match[0], language);
      if (term !== null) out.push(term);
    }
    return out;
  }

  /** One word's term, or null for a stop word. */
  term(word: string, language: string): string | null {
    let words = this.cache.get(language);
    if (!words) this.cache.set(language, (words = new Map<string, string | null>()));
    let term = words.get(word);
    if (term !== undefined) return term;
    term = this.computeTerm(word, language);
    if (++this.cachedWords > this.maxCachedWords) {
      this.cache.clear();
      this.cachedWords = 0;
    } else {
      words.set(word, term);
    }
    return term;
  }

  private computeTerm(word: string, language: string): string | null {
    const number = numberTerm(word);
    if (number !== undefined) return number;
    const lower = word.toLowerCase();
    if (hasCyrillic(lower)) {
      const cyrillicLanguage = language === 'uk' || language === 'be' ? language : 'ru';
      if (lower.length < 2 || this.stops(cyrillicLanguage).has(lower) || this.stops('ru').has(lower)) return null;
      const stem = this.stemmer('ru').stem(lower);
      const translated = this.lexicon.get(stem);
      if (translated) return translated;
      // A capitalised word is likely a name, which Snowball would cut too far (Токаев, тока): only its case ending goes.
      return skeletonOf(romanize(isCapitalised(word) ? nameBase(lower) : stem));
    }
    const latinLanguage = LATIN_STEMMERS[language] ? language : 'en';
    if (lower.length < 2 || this.stops(latinLanguage).has(lower) || this.stops('en').has(lower)) return null;
    return this.latinTerm(lower, latinLanguage);
  }

  private latinTerm(lower: string, language: string): string {
    // British and American spellings meet (recognise, recognize), as Snowball's English stemmer keeps them apart.
    const word = language === 'en' ? lower.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1') : lower;
    return skeletonOf(this.stemmer(language).stem(word.normalize('NFD').replace(/\p{M}+/gu, '')));
  }

  private stemmer(language: string): Stemmer {
    let stemmer = this.stemmers.get(language);
    if (!stemmer) this.stemmers.set(language, (stemmer = newStemmer(language === 'ru' || language === 'uk' || language === 'be' ? 'russian' : LATIN_STEMMERS[language] ?? 'english')));
    return stemmer;
  }

  private stops(language: string): ReadonlySet<string> {
    let set = this.stopWords.get(language);
    if (!set) this.stopWords.set(language, (set = new Set([...(STOP_LISTS[language] ?? STOP_LISTS.en), ...NEWS_STOP_WORDS])));
    return set;
  }
}

function isCapitalised(word: string): boolean {
  return word[0] !== word[0].toLowerCase();
}

/** The endings of the singular cases of a Russian name; a stem keeps four letters at least. */
const NAME_ENDINGS = ['ыми', 'ими', 'ой', 'ей', 'ом', 'ем', 'ым', 'им', 'ою', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и'];

/** A Russian name without its case ending: Пескова, Песков; Казахстане, Казахстан. */
function nameBase(lower: string): string {
  for (const ending of NAME_ENDINGS) if (lower.endsWith(ending) && lower.length - ending.length >= 4) return lower.slice(0, lower.length - ending.length);
  return lower;
}

/** A word's first transliteration skeleton: the one form both scripts and every romanisation of a name meet in. */
function skeletonOf(word: string): string {
  return skeletons(word)[0] ?? word;
}

/** `#1700` for 1,700, 1.700 and 1700; `#2.5` for 2.5 and 2,5; undefined for a word that is not a number. */
export function numberTerm(word: string): string | undefined {
  if (!/^\p{N}/u.test(word) || !/^[\p{N}.,'’]+$/u.test(word)) return undefined;
  const digits = word.replace(/[’']/g, '');
  // A separator followed by exactly three digits groups thousands; any other is a decimal point.
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(digits);
  const value = grouped ? digits.replace(/[.,]/g, '') : digits.replace(',', '.');
  return `${NUMBER_PREFIX}${value.replace(/^0+(?=\d)/, '')}`;
}
