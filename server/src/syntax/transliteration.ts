import { translate, WIKIPEDIA } from 'iuliia';
import { newStemmer } from 'snowball-stemmers';
// Transliteration-aware keys for names: spellings that romanise the same Cyrillic (or Kazakh) name differently
// (Tokayev, Tokaev, Tokaiev, Tokajew, Токаев) get a common skeleton, so they can be looked up by it.

/** Cyrillic letters (Russian, Ukrainian, Belarusian, Kazakh) in one romanisation; the skeleton rules fold the others onto it. */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
  ә: 'a', ғ: 'g', қ: 'q', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
};

/**
 * Latin letters whose diacritic carries a sound the plain letter does not (š is sh, not s): spelled out before the
 * other diacritics are dropped. Soft-sign apostrophes are dropped (Il'ich, Ilyich).
 */
const LATIN: Record<string, string> = {
  š: 'sh', č: 'ch', ž: 'zh', ś: 'sh', ć: 'ch', ź: 'zh', ż: 'zh', ş: 'sh', ș: 'sh', ç: 'ch', ţ: 'ts', ț: 'ts',
  ğ: 'g', ı: 'i', ß: 'ss', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th',
  "'": '', '’': '', 'ʼ': '', 'ʹ': '', '`': '', '´': '',
};

const SPECIAL = new RegExp(`[${Object.keys(CYRILLIC).join('')}${Object.keys(LATIN).join('')}]`, 'g');

/** Spellings of one letter that hold letters read otherwise on their own (the c of cz, the j of dj): rewritten first. */
const DIGRAPHS: readonly [RegExp, string][] = [
  [/ff$/, 'v'], // Smirnoff, Kadyroff
  [/tsch/g, 'ch'], // German ч
  [/sch/g, 'sh'], // German ш (schtsch is shch by now)
  [/szcz/g, 'shch'], // Polish щ
  [/cz/g, 'ch'], // Polish ч
  [/sz/g, 'sh'], // Polish ш
  [/dzh/g, 'zh'], // Dzhokhar, Jokhar
  [/dj/g, 'zh'], // French дж
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/gh/g, 'g'], // Kazakh ғ
];

/** Letters that romanisations disagree on, each with the readings a skeleton is made for. */
const AMBIGUOUS: readonly [RegExp, readonly string[]][] = [
  // English kh for х, but also the kh of Kazakh where Kazakh Latin writes q (Qazaqstan).
  [/kh/, ['h', 'k']],
  // j is й in German and scholarly spellings (Tokajev), ж in Kazakh ones (Jomart, Zhomart).
  [/j/, ['y', 'zh']],
  // c is ц in Slavic Latin alphabets, k in English.
  [/c(?!h)/, ['k', 'ts']],
];

/** At most this many skeletons per word: a word with many ambiguous letters keeps the first readings of the rest. */
const MAX_SKELETONS = 8;

/**
 * The rewrites that follow, in order. Each maps every spelling of a sound to one: the ways of writing й, я, ю, е
 * and ё after a vowel meet, and so do German, Polish, French and English romanisations of the same letter.
 */
const RULES: readonly [RegExp, string][] = [
  [/tz/g, 'ts'],
  [/x/g, 'ks'], // Alexei, Aleksei
  [/q/g, 'k'], // Kazakh қ: Qasym, Kasym
  [/w/g, 'v'], // German в: Tokajew
  [/y/g, 'i'], // й, ы and и all become i: Kassym, Kasim; Lisyansky, Lisianskii
  [/(?<!i)i+/g, 'i'], // ...and so do their runs (-iy, -yi, -ii, -ij)
  [/ie/g, 'e'], // ye, ie, e for е: Tokayev, Tokaiev, Tokaev
  [/(?<=.)io/g, 'e'], // yo, io, e for ё: Pyotr, Petr (not at the start, where Io- and Yo- are written as such)
  // Digraphs become one letter, so that the h of sh is not taken for an h of its own (Shuraev is not Suraev).
  [/zh/g, 'ž'],
  [/sh/g, 'š'],
  [/ch/g, 'č'],
  [/ts/g, 'c'],
  [/([čšž])ov/g, '$1ev'], // ё after a hushing consonant: Khrushchov, Khrushchev
];

/** A word lower-cased, Cyrillic romanised and diacritics dropped: the spelling the skeleton rules start from. */
export function foldName(word: string): string {
  return word
    .toLowerCase()
    .replace(SPECIAL, (ch) => CYRILLIC[ch] ?? LATIN[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The transliteration skeletons of one word: two spellings of a name romanised differently share one.
 * Usually one skeleton; a few where a letter reads differently in different romanisations (j as й or ж).
 */
export function skeletons(word: string): string[] {
  let variants = [rewrite(foldName(word), DIGRAPHS)];
  for (const [pattern, readings] of AMBIGUOUS) {
    const next: string[] = [];
    for (const variant of variants) {
      if (!pattern.test(variant)) {
        next.push(variant);
        continue;
      }
      const global = new RegExp(pattern.source, 'g');
      if (variants.length * readings.length > MAX_SKELETONS) next.push(variant.replace(global, readings[0]));
      else for (const reading of readings) next.push(variant.replace(global, reading));
    }
    variants = next;
  }
  return [...new Set(variants.map((variant) => withoutDoubledLetters(rewrite(variant, RULES))))];
}

/** Runs of one letter made one letter (Kassym, Donbass), after the rules. */
function withoutDoubledLetters(text: string): string {
  let result = '';
  let previous = '';
  for (const ch of text) {
    if (ch !== previous || !/\p{L}/u.test(ch)) result += ch;
    previous = ch;
  }
  return result;
}

function rewrite(text: string, rules: readonly [RegExp, string][]): string {
  let result = text;
  for (const [pattern, replacement] of rules) result = result.replace(pattern, replacement);
  return result;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Skeletons shorter than this are only compared whole: one letter is too much of a short name. */
export const MIN_FUZZY_SKELETON = 6;

/**
 * Keys that make two skeletons meet when they differ in one weak letter away from both ends (where inflections and
 * different words differ): one vowel for another (Taliban, Taleban; Kharkiv, Kharkov), or g for h (Lugansk, Luhansk:
 * Ukrainian г). Consonants never differ otherwise: Peskov is not Pestov, and a letter more or less never matches
 * (Tokarev is not Tokaev). Two skeletons of at least MIN_FUZZY_SKELETON letters share a key exactly when they are
 * equal or differ so.
 */
export function fuzzyKeys(skeleton: string): string[] {
  const keys: string[] = [];
  if (skeleton.length < MIN_FUZZY_SKELETON) return keys;
  for (let i = 1; i < skeleton.length - 1; i++) {
    const ch = skeleton[i];
    if (VOWELS.has(ch)) keys.push(`${skeleton.slice(0, i)}*${skeleton.slice(i + 1)}`);
    else if (ch === 'g' || ch === 'h') keys.push(`${skeleton.slice(0, i)}#${skeleton.slice(i + 1)}`);
  }
  return keys;
}

// ---- Names across scripts ----
// A Cyrillic word is romanised with the Wikipedia scheme of the iuliia package (the spelling English-language news
// uses: Токаев, Tokayev) and its Russian case ending folded (Токаева, Токаеву: Токаев); its skeletons then meet the
// Latin aliases' (model/crossScriptAliases.ts).

const CYRILLIC_LETTER = /[\u0400-\u04ff]/;

export function hasCyrillic(text: string): boolean {
  return CYRILLIC_LETTER.test(text);
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
  const letters = word.replace(/\P{L}/gu, '');
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

