// Guesses for the analyst to accept or dismiss, shown as hints on article notes: names that look like actors but
// are in no actor note (`actor.candidate`), and sentences that report speech or attribution (`claim.candidate`).
// Precision matters more than recall: a hint that is wrong every other time is noise, so each rule below errs
// towards saying nothing.
import type { Note } from '../syntax/note';
import { splitAtListItems, splitSentences } from '../syntax/sentences';
import { normalizeName, type Span } from '../syntax/text';

/** A mention of a known actor, as far as the candidates need it. */
export interface KnownMention {
  actorId: string;
  span: Span;
}

export interface ActorCandidate {
  /** The name as written, blanks folded, without a possessive `'s`. */
  name: string;
  span: Span;
  /** The known actor whose alias ends the name ("Arman Shuraev" where "Shuraev" is an alias): add it as an alias? */
  extends?: string;
}

export interface ClaimCandidate {
  /** The sentence. */
  span: Span;
  /** What a claim span would wrap: the sentence without its final full stop. */
  wrap: Span;
  /** The reported words, after "said that", "believes that", "according to X,": wrapped instead where present. */
  clause?: Span;
  /** The word that makes it reported speech ("said", "according to"), or `quote`. */
  cue: string;
  /** Where the cue is: the word, or the quotation. */
  cueSpan: Span;
}

export interface CandidateOptions {
  mentions: readonly KnownMention[];
  /** Words already hinted as another spelling of a known actor (`alias.near-match`): they count as known. */
  nearMatches?: readonly KnownMention[];
  /** Whether a name is an id, name or alias of a known actor (spelling variants folded). */
  isKnown: (name: string) => boolean;
  /** Whether to look for actor candidates and claim candidates. */
  actors: boolean;
  claims: boolean;
}

/** What an article's prose suggests annotating: names that may be actors, sentences that may be claims. */
export interface Candidates {
  actors: ActorCandidate[];
  claims: ClaimCandidate[];
}

/** The frontmatter list of an article's names that are not actors: dismissed `actor.candidate` hints. */
export const NOT_ACTORS_FIELD = 'not-actors';
/** Written into a sentence, it dismisses its `claim.candidate` hint (as any comment in a sentence does: a span cannot wrap one). */
export const NOT_A_CLAIM_MARK = '<!-- not a claim -->';

/** At most this many hints of each kind per note: a pasted book must not turn into ten thousand hints. */
const MAX_HINTS = 200;
/**
 * How far into a note the candidates are looked for. An article is a few thousand characters; a note longer than
 * this (a book, a data dump) gets hints for its beginning only, so that its diagnostics stay quick.
 */
const MAX_SCANNED = 200_000;

/** The candidates of an article note, at most MAX_HINTS of each kind. */
export function candidatesOf(note: Note, options: CandidateOptions): Candidates {
  if (note.kind !== 'article' || (!options.actors && !options.claims)) return { actors: [], claims: [] };
  const known = { mentions: [...options.mentions, ...(options.nearMatches ?? [])], isKnown: options.isKnown };
  return {
    actors: options.actors ? actorCandidates(note, known).slice(0, MAX_HINTS) : [],
    claims: options.claims ? claimCandidates(note).slice(0, MAX_HINTS) : [],
  };
}

// ---- actor candidates ----

interface Token {
  start: number;
  end: number;
  /** The word without a possessive `'s` or an abbreviation's full stop. */
  word: string;
  capitalised: boolean;
  acronym: boolean;
  possessive: boolean;
  /** An abbreviation or an initial whose full stop belongs to it ("St.", "R."): no sentence ends there. */
  abbreviation: boolean;
  sentenceStart: boolean;
  /** A blank (space or no-break space) is right before it: with the previous word ending there, the two are joined. */
  blankBefore: boolean;
  known?: string;
  block: number;
  index: number;
}

const UPPER = /^\p{Lu}/u;
const ABBREVIATIONS = new Set(['st', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'gen', 'lt', 'col', 'prof', 'mt', 'ft', 'sgt', 'capt', 'gov', 'sen', 'rep']);
/** Lower-case words that may join the capitalised words of one name: "Ministry of Foreign Affairs", "Hizb ut Tahrir". */
const CONNECTORS = new Set(['of', 'for', 'ut', 'de', 'del', 'der', 'von', 'van', 'al', 'bin', 'ibn', 'la', 'le', 'du', 'da', 'di', 'the']);
/** Titles, ranks and occupations: never part of the name they come before ("President Putin" names Putin). */
const TITLES = new Set(`president presidents vice prime minister ministers chancellor king queen prince princess pope mr mrs ms dr sir lord lady
  colonel senator governor mayor director chairman chairwoman chair secretary ambassador deputy head leader commander spokesman spokeswoman
  spokesperson professor prof sheikh emir sultan premier general-secretary patriarch marshal admiral sergeant captain lieutenant judge justice
  speaker envoy editor-in-chief editor founder ceo chief
  businessman businesswoman journalist analyst expert experts politician economist scientist historian lawyer activist blogger
  writer official officials diplomat moderator host anchor correspondent reporter columnist commentator interlocutor`.split(/\s+/));
const MONTHS_AND_DAYS = new Set(`january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/));
/** Capitalised words that are no actor whatever comes next: words of the language, not names. */
const COMMON_CAPITALISED = new Set(`i tv internet covid god`.split(/\s+/));
/** Words that are names only as part of one ("South Ossetia", "the West Bank"); on their own, a direction or a bloc. */
const ALONE_NOT_NAMES = new Set(`west east north south western eastern northern southern central`.split(/\s+/));
/** Last words of the names of events and periods, which are no actors: "World War II", "the Cold War", "Arab Spring". */
const EVENT_WORDS = new Set(`war wars revolution revolutions olympics games cup championship summit festival crisis era age spring`.split(/\s+/));
/**
 * Nationality and group adjectives: "Russian diaspora" and "Central Asian regimes" name no actor (the samples keep
 * "Russian" and "Kazakh" out of the aliases on purpose), though "Russian Federation" does.
 */
const DEMONYMS = new Set(`russian russians ukrainian ukrainians kazakh kazakhs kazakhstani kazakhstanis american americans european europeans
  asian asians african africans western westerners eastern northern southern soviet soviets chinese turkish british english french german germans
  polish belarusian belarusians georgian georgians armenian armenians azerbaijani azerbaijanis uzbek uzbeks kyrgyz tajik tajiks turkmen iranian
  iranians syrian syrians israeli israelis palestinian palestinians arab arabs arabic muslim muslims christian christians jewish islamic orthodox
  catholic japanese korean koreans indian indians canadian canadians italian italians spanish swedish finnish norwegian danish dutch czech slovak
  hungarian romanian moldovan lithuanian latvian estonian serbian serbs croatian bosnian albanian greek greeks mongolian afghan afghans pakistani
  pakistanis crimean chechen chechens tatar tatars slavic slavs eurasian atlantic nordic balkan caucasian latin hispanic post-soviet pro-russian`.split(/\s+/));
/**
 * Words that start sentences without being names. Most are caught anyway (a sentence's first word counts only when
 * the note also writes it capitalised mid-sentence, or a reporting verb follows it); these are the frequent ones
 * that a note may also capitalise mid-sentence or in a heading.
 */
const SENTENCE_WORDS = new Set(`a an the this that these those it its he she they we you his her their our my your there here what which who whom
  whose when where why how if in on at by for from to of with without within into onto over under after before during since until while as
  and but or nor so yet also already although though however moreover therefore thus indeed obviously consequently nevertheless meanwhile
  instead still then now today yesterday tomorrow next last first second third finally apart besides despite following according all both each
  every many much more most some such other another no not one two three several few full of course read please see watch
  is are was were be been am do does did has have had will would can could should shall may might must let lets
  results result news comment comments update updates video photo photos opinion analysis editorial interview report
  later earlier soon once again perhaps maybe certainly clearly above below among around across along behind beyond near amid unlike
  like toward towards throughout upon against between beneath inside outside off out up down just even only yet ever never always
  often sometimes usually nonetheless hence otherwise furthermore additionally similarly likewise overall initially eventually`.split(/\s+/));
/** Verbs that, right after a capitalised word at a sentence's start, show it names a speaker ("Lisyansky recalled"). */
const SPEAKER_VERBS = new Set(`said says told stated noted believes believed claimed claims emphasized emphasised stressed recalled announced added
  warned insisted argued declared explained reiterated assured admitted confirmed denied suggested thinks wrote reported appealed demanded urged`.split(/\s+/));
/** The lower-case words the rules look at. */
const KEPT_LOWERCASE = new Set([...CONNECTORS, ...SPEAKER_VERBS]);
/** More capitalised words in a row than this are a headline or a list, not a name. */
const MAX_NAME_WORDS = 7;

/** Capitalised words and runs of them that name no known actor, each name once per note (its first occurrence). */
export function actorCandidates(note: Note, options: Pick<CandidateOptions, 'mentions' | 'isKnown'>): ActorCandidate[] {
  const { tokens, lowercase } = tokenize(note, options.mentions);
  const evidence = wordEvidence(tokens, lowercase);
  const result: ActorCandidate[] = [];
  const seen = new Set<string>(dismissedNames(note));
  for (const run of runsOf(tokens)) {
    for (const candidate of candidatesOfRun(note.text, run, tokens, evidence)) {
      const key = normalizeName(candidate.name);
      if (seen.has(key) || options.isKnown(candidate.name)) continue;
      seen.add(key);
      result.push(candidate);
    }
  }
  return result;
}

/** The names the note's `not-actors` list dismisses, normalised. */
export function dismissedNames(note: Note): string[] {
  const value = note.frontmatter?.data[NOT_ACTORS_FIELD];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => normalizeName(String(item)));
}

/** The words of the note's prose blocks, with what the rules need to know about each. */
function tokenize(note: Note, mentions: readonly KnownMention[]): { tokens: Token[]; lowercase: Set<number> } {
  const tokens: Token[] = [];
  const lowercase = new Set<number>();
  const text = note.text;
  const sorted = [...mentions].sort((a, b) => a.span.start - b.span.start);
  const prose = new SpanIndex(note.prose);
  let m = 0;
  const limit = note.bodyStart + MAX_SCANNED;
  for (let blockIndex = 0; blockIndex < note.blocks.length && note.blocks[blockIndex].start < limit; blockIndex++) {
    const block = { start: note.blocks[blockIndex].start, end: Math.min(note.blocks[blockIndex].end, limit) };
    const firstOfBlock = tokens.length;
    let words = 0;
    let capitals = 0;
    for (const region of prose.clippedTo(block)) {
      for (let i = region.start; i < region.end; ) {
        if (wordClass(text, i) !== LETTER_OR_DIGIT) {
          i++;
          continue;
        }
        const start = i;
        const first = text.charCodeAt(start);
        let hash = 0;
        // A word: letters, digits and marks, joined by hyphens and apostrophes; hashed as it is read.
        while (i < region.end) {
          const kind = wordClass(text, i);
          if (kind === OTHER) {
            const code = text.charCodeAt(i);
            const joiner = code === 45 || code === 0x2010 || code === 0x2011 || code === 39 || code === 0x2019;
            if (!joiner || i + 1 >= region.end || wordClass(text, i + 1) === OTHER) break;
          }
          hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
          i++;
        }
        words++;
        const blankBefore = text[start - 1] === ' ' || text[start - 1] === '\u00a0';
        const lowerStart = (first >= 97 && first <= 122) || (first >= 48 && first <= 57) || (first > 127 && !UPPER.test(text[start]));
        if (lowerStart) {
          // Most words are lower case: they tell that the note writes them so, and break runs of names by being
          // there. Only those a rule looks at become tokens: connectors, speech verbs, the number of "Channel 24".
          lowercase.add(hash);
          const kept = first >= 48 && first <= 57 ? i - start <= 3 : i - start <= 11 && KEPT_LOWERCASE.has(text.slice(start, i));
          if (kept) {
            tokens.push({ start, end: i, word: text.slice(start, i), capitalised: false, possessive: false, abbreviation: false, acronym: false, sentenceStart: false, blankBefore, block: blockIndex, index: tokens.length });
          }
          continue;
        }
        capitals++;
        let word = text.slice(start, i);
        let end = i;
        const possessive = /['’]s$/i.test(word) && word.length > 2;
        if (possessive) word = word.slice(0, -2);
        const abbreviation = text[end] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || word.length === 1);
        if (abbreviation) end++;
        const parts = word.split(/[-\u2010\u2011]/);
        // "Kremlin-led" and "Russian-Kazakh" are adjectives; "Kassym-Jomart" and "Alfa-Bank" are names.
        const capitalised = parts.every((part) => UPPER.test(part)) && !(parts.length > 1 && parts.some((part) => DEMONYMS.has(part.toLowerCase())));
        const token: Token = {
          start, end, word, capitalised, possessive, abbreviation,
          acronym: /^\p{Lu}{2,}$/u.test(word.replace(/[-\u2010\u2011]/g, '')),
          sentenceStart: false,
          blankBefore,
          block: blockIndex,
          index: tokens.length,
        };
        while (m < sorted.length && sorted[m].span.end <= start) m++;
        for (let k = m; k < sorted.length && sorted[k].span.start < end; k++) {
          if (sorted[k].span.end > start) token.known = sorted[k].actorId;
        }
        tokens.push(token);
        i = Math.max(i, end);
      }
    }
    // A headline In Title Case capitalises every word; its capitals say nothing about names.
    if (words >= 4 && capitals / words >= 0.7) tokens.length = firstOfBlock;
  }
  markSentenceStarts(text, note, tokens);
  return { tokens, lowercase };
}

/** The hash `tokenize` gives a word: to ask whether the note writes a word in lower case without keeping the words. */
function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

const OTHER = 0;
const LETTER_OR_DIGIT = 1;
const MARK = 2;
/** Per BMP code point: 0 unknown yet, else the class + 1. */
const bmpClasses = new Uint8Array(0x10000);

/** What the character at an offset is to a word: a letter or digit (which may start one), a combining mark, or neither. */
function wordClass(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? LETTER_OR_DIGIT : OTHER;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    const point = text.codePointAt(i) ?? code;
    const ch = String.fromCodePoint(point);
    return /[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : /\p{M}/u.test(ch) ? MARK : OTHER;
  }
  let cached = bmpClasses[code];
  if (cached === 0) {
    const ch = String.fromCharCode(code);
    cached = 1 + (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : /\p{M}/u.test(ch) ? MARK : OTHER);
    bmpClasses[code] = cached;
  }
  return cached - 1;
}

/** Whether b follows a with one blank between them: words of one name. */
function follows(a: Token | undefined, b: Token): boolean {
  return a !== undefined && a.block === b.block && b.start - a.end === 1 && b.blankBefore;
}

function markSentenceStarts(text: string, note: Note, tokens: Token[]): void {
  // A claim's text ends where its attribute block starts: "[… Russia.]{claim=k} Moreover" starts a sentence.
  const claimTextEnds = new Map(note.claims.map((c) => [c.attributesSpan.end, c.textSpan.end]));
  let lineStart = 0;
  let scanned = 0;
  let previous: Token | undefined;
  for (const token of tokens) {
    const blockStart = note.blocks[token.block].start;
    for (; scanned < token.start; scanned++) if (text[scanned] === '\n') lineStart = scanned + 1;
    let i = token.start - 1;
    // Opening quotes, brackets, emphasis and list markers stand between a sentence's end and its first word.
    for (;;) {
      while (i >= blockStart && /[\s“”"«»„‘’'([*_>•]/.test(text[i])) i--;
      const claimText = text[i] === '}' ? claimTextEnds.get(i + 1) : undefined;
      if (claimText === undefined || claimText - 1 >= i) break;
      i = claimText - 1;
    }
    const firstOnLine = previous === undefined || previous.start < lineStart || previous.block !== token.block;
    const atLineStart = firstOnLine && /^[ \t]*(?:(?:[-*+•]|\d{1,3}[.)])[ \t]*)?[“"«„‘'([*_]*$/.test(text.slice(Math.max(lineStart, blockStart), token.start));
    const afterTerminator = i >= blockStart && /[.!?…:]/.test(text[i]) && !(previous?.abbreviation && previous.end === i + 1);
    token.sentenceStart = i < blockStart || atLineStart || afterTerminator;
    previous = token;
  }
}

interface WordEvidence {
  /** Words the note writes in lower case somewhere, by `wordHash`. */
  lowercase: Set<number>;
  /** Words it capitalises in mid-sentence. */
  midSentence: Set<string>;
  /** Capitalised words it uses on their own somewhere, not joined to another capitalised word. */
  standalone: Set<string>;
}

function wordEvidence(tokens: readonly Token[], lowercase: Set<number>): WordEvidence {
  const evidence: WordEvidence = { lowercase, midSentence: new Set(), standalone: new Set() };
  for (const token of tokens) {
    if (!token.capitalised) continue;
    if (!token.sentenceStart) evidence.midSentence.add(token.word.toLowerCase());
    const before = tokens[token.index - 1];
    const after = tokens[token.index + 1];
    const joinedBefore = follows(before, token) && before.capitalised && !before.possessive;
    const joinedAfter = after !== undefined && follows(token, after) && (after.capitalised || CONNECTORS.has(after.word)) && !token.possessive;
    if (!joinedBefore && !joinedAfter) evidence.standalone.add(token.word);
  }
  return evidence;
}

/**
 * Runs of capitalised words separated by single blanks, with connectors between them ("Ministry of Foreign Affairs
 * of Kazakhstan"). A possessive ends a run, unless words came before it and a capitalised word follows
 * ("Ural People’s Republic"). Titles, months and the like break runs and are left out.
 */
function runsOf(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !run[run.length - 1].capitalised) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = run[run.length - 1];
    const joined = previous !== undefined && follows(previous, token) && !(previous.possessive && !continuesPossessive(run, token));
    if (!joined) flush();
    if (isNameWord(token)) {
      run.push(token);
    } else if (run.length > 0 && joined && /^\d{1,3}$/.test(token.word) && !previous.possessive) {
      // "Channel 24", "Rossiya 24": a small number ends a name; a year ("Kazakhstan 2022") does not belong to it.
      run.push({ ...token, capitalised: true });
      flush();
    } else if (run.length > 0 && CONNECTORS.has(token.word) && joined && connectsNames(tokens, i)) {
      run.push(token);
    } else {
      flush();
    }
    if (run.filter((t) => t.capitalised).length > MAX_NAME_WORDS) {
      // Too long for a name: a headline or a list of names with no punctuation.
      run = [];
      while (i + 1 < tokens.length && isNameWord(tokens[i + 1]) && follows(tokens[i], tokens[i + 1])) i++;
    }
  }
  flush();
  return runs;
}

function isNameWord(token: Token): boolean {
  if (!token.capitalised) return false;
  const lower = token.word.toLowerCase();
  return !TITLES.has(lower) && !MONTHS_AND_DAYS.has(lower) && !COMMON_CAPITALISED.has(lower);
}

function continuesPossessive(run: readonly Token[], next: Token): boolean {
  return run.length >= 2 && next.capitalised;
}

/** A connector joins a run only when one or two connectors lead to another capitalised word. */
function connectsNames(tokens: readonly Token[], i: number): boolean {
  for (let k = i + 1; k <= i + 2 && k < tokens.length; k++) {
    if (!follows(tokens[k - 1], tokens[k])) return false;
    if (isNameWord(tokens[k])) return true;
    if (!CONNECTORS.has(tokens[k].word)) return false;
  }
  return false;
}

function candidatesOfRun(text: string, run: Token[], tokens: readonly Token[], evidence: WordEvidence): ActorCandidate[] {
  let words = [...run];
  // A sentence's first word is a name only with evidence: the note capitalises it mid-sentence too, or it is
  // followed by a reporting verb, and never writes it in lower case.
  const first = words[0];
  if (first.sentenceStart) {
    const lower = first.word.toLowerCase();
    const commonWord = SENTENCE_WORDS.has(lower) || evidence.lowercase.has(wordHash(lower)) || /(?:ly|ing|ed)$/.test(lower);
    const named = evidence.midSentence.has(lower) || (words.length > 1 && words[1].capitalised) || speakerVerbFollows(tokens, first) || first.acronym;
    if (commonWord || !named) words = dropLeadingConnectors(words.slice(1));
  }
  const result: ActorCandidate[] = [];
  // A known name directly before unknown words is a name of its own ("Kazakhstan Arman Shuraev" from a list), and
  // a nationality before a known name qualifies it ("the Kazakhstani VTB").
  const qualifies = (w: Token[]) => DEMONYMS.has(w[0].word.toLowerCase()) && (w[1].known !== undefined || (w.length === 2 && w[1].acronym));
  while (words.length > 1 && !CONNECTORS.has(words[1].word) && (words[0].known || qualifies(words))) {
    words = dropLeadingConnectors(words.slice(1));
  }
  // A word the note uses on its own, directly before the rest of the run, is a name of its own too
  // ("President of Kazakhstan Kassym-Jomart Tokayev", read without an actor registry).
  const splits = words.length >= 3 || (words.length === 2 && evidence.standalone.has(words[1].word));
  if (splits && evidence.standalone.has(words[0].word) && !DEMONYMS.has(words[0].word.toLowerCase()) && !CONNECTORS.has(words[1].word)) {
    result.push(...candidatesOfRun(text, [words[0]], tokens, evidence));
    words = words.slice(1);
  }
  // Initials go: "Р. Kadyrov" is Kadyrov.
  while (words.length > 1 && words[0].abbreviation && /^\p{Lu}$/u.test(words[0].word)) words = words.slice(1);
  const candidate = candidateOf(text, words);
  if (candidate) result.push(candidate);
  return result;
}

function dropLeadingConnectors(words: Token[]): Token[] {
  let k = 0;
  while (k < words.length && !words[k].capitalised) k++;
  return words.slice(k);
}

function speakerVerbFollows(tokens: readonly Token[], token: Token): boolean {
  const next = tokens[token.index + 1];
  return next !== undefined && follows(token, next) && SPEAKER_VERBS.has(next.word.toLowerCase());
}

function candidateOf(text: string, words: readonly Token[]): ActorCandidate | undefined {
  if (words.length === 0) return undefined;
  if (words.every((w) => w.known)) return undefined;
  const last = words[words.length - 1];
  if (words.length === 1) {
    const lower = last.word.toLowerCase();
    if (DEMONYMS.has(lower) || ALONE_NOT_NAMES.has(lower) || /^[IVXLC]+$/.test(last.word) || /^\p{Lu}$/u.test(last.word) || /(?:ian|ean|ese|ish)s?$/.test(lower)) return undefined;
  }
  if (EVENT_WORDS.has(last.word.toLowerCase()) || /^[IVX]+$/.test(last.word) && words.length > 1 && EVENT_WORDS.has(words[words.length - 2].word.toLowerCase())) return undefined;
  // "Central Asian" and "Western" qualify a noun; they name no one.
  if (DEMONYMS.has(last.word.toLowerCase()) || /(?:ian|ean|ese)$/.test(last.word.toLowerCase()) && !last.possessive && words.length > 1) return undefined;
  if (!words.some((w) => /\p{L}{2,}/u.test(w.word))) return undefined;
  const end = last.possessive ? last.end - 2 : last.end;
  const span = { start: words[0].start, end };
  const name = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const candidate: ActorCandidate = { name, span };
  // "Arman Shuraev" where "Shuraev" is known: likely the same actor, spelled in full.
  const trailingKnown = last.known;
  if (trailingKnown && !words[0].known) {
    const before = words[words.findIndex((w) => w.known === trailingKnown) - 1];
    if (before && !CONNECTORS.has(before.word)) candidate.extends = trailingKnown;
  }
  return candidate;
}

// ---- claim candidates ----

/** Words that mark reported speech or attribution, outside quotation marks. */
const CUE = /\b(?:[Aa]ccording to|said|says|say|told|tells|stated|noted|believes|believe|claimed|emphasized|emphasised|stressed|recalled|announced|added|warned|insisted|argued|declared|explained|reiterated|assured|admitted|confirmed|denied|reminded)\b/g;
/** How many words a quotation needs to count as quoted speech on its own (“special military operation” is a scare quote). */
const MIN_QUOTED_WORDS = 8;
/** A sentence shorter than this ("He told Channel 24 about this.") reports who spoke, not what was said. */
const MIN_SENTENCE_WORDS = 7;
/** Between a quotation's end and its speech verb: `,” Tokayev said`, `", — said Tokaev`, `,” stressed Arman Shuraev`. */
const ATTRIBUTION_GAP = /^[\s,.!?…—–-]*(?:\p{L}[\p{L}'’-]*\s+){0,4}$/u;

/** Sentences of the note's paragraphs that report speech or attribution and are not annotated yet. */
export function claimCandidates(note: Note): ClaimCandidate[] {
  const text = note.text;
  const headings = new Set(note.headings.map((h) => h.textSpan.start));
  const claims = new SpanIndex(note.claims.map((c) => c.span));
  const links = new SpanIndex(note.wikiLinks.map((l) => l.span));
  const prose = new SpanIndex(note.prose);
  const result: ClaimCandidate[] = [];
  const limit = note.bodyStart + MAX_SCANNED;
  for (const whole of note.blocks) {
    if (headings.has(whole.start) || whole.start >= limit) continue;
    const block = { start: whole.start, end: Math.min(whole.end, limit) };
    // Most paragraphs hold no cue and no quotation: they are passed over without being split into sentences.
    const cues = cuesIn(text, block);
    if (cues.length === 0 && !QUOTE_MARK.test(text.slice(block.start, block.end))) continue;
    const quotes = new SpanIndex(quotedRegions(text, block));
    let covered = block.start;
    for (const sentence of sentencesOf(text, block, links)) {
      if (sentence.start < covered) continue;
      const candidate = claimCandidateAt(text, block, sentence, cues, quotes, prose);
      if (!candidate || claims.overlaps(candidate.span)) continue;
      const wrap = wrappableSpan(text, candidate.span, links);
      if (!wrap) continue;
      // A quotation's attribution reaches back over the quotation's sentences: it replaces what they proposed.
      while (result.length > 0 && result[result.length - 1].span.end > candidate.span.start) result.pop();
      const clause = candidate.clause && trimClause(text, candidate.clause, wrap);
      result.push({ ...candidate, wrap, clause: clause && !links.crossesEdgeOf(clause) ? clause : undefined });
      covered = candidate.span.end;
      if (result.length >= MAX_HINTS) return result;
    }
  }
  return result;
}

function claimCandidateAt(text: string, block: Span, sentence: Span, cues: readonly Cue[], quotes: SpanIndex, prose: SpanIndex): Omit<ClaimCandidate, 'wrap'> | undefined {
  const cue = cueOf(text, sentence, cues, quotes, prose);
  if (!cue) return undefined;
  // A quotation the speech verb closes ("…,” Tokayev said.) is the reported words, even when it began sentences before.
  const quote = cue.word === 'quote' ? undefined : quotes.lastEndingBy(cue.span.start);
  if (quote && cue.span.start - quote.end < 200 && ATTRIBUTION_GAP.test(withoutLinkMarkup(text.slice(quote.end, cue.span.start)))) {
    const span = { start: Math.max(block.start, Math.min(quote.start, sentence.start)), end: sentence.end };
    return { span, cue: cue.word, cueSpan: cue.span, clause: { start: quote.start + 1, end: quote.end - 1 } };
  }
  if (cue.word === 'quote') return { span: sentence, cue: cue.word, cueSpan: cue.span, clause: { start: cue.span.start + 1, end: cue.span.end - 1 } };
  if (wordCount(text.slice(sentence.start, sentence.end)) < MIN_SENTENCE_WORDS) return undefined;
  const clause = clauseOf(text, sentence, cue);
  return { span: sentence, cue: cue.word, cueSpan: cue.span, ...(clause ? { clause } : {}) };
}

interface Cue {
  word: string;
  span: Span;
}

/** The cue words of a block, in order. */
function cuesIn(text: string, block: Span): Cue[] {
  const cues: Cue[] = [];
  // Matched in the block's own text: a global search from lastIndex would run on to the end of the note for every
  // paragraph that has no cue, quadratic in a note of many short paragraphs.
  const blockText = text.slice(block.start, block.end);
  for (const match of blockText.matchAll(CUE)) {
    // Only "According to" may be capitalised: "Said" opening a sentence is a name more often than not.
    const word = match[0];
    const start = block.start + match.index;
    cues.push({ word: word.toLowerCase(), span: { start, end: start + word.length } });
  }
  return cues;
}

const QUOTE_MARK = /[“”«»„"]/;

function cueOf(text: string, sentence: Span, cues: readonly Cue[], quotes: SpanIndex, prose: SpanIndex): Cue | undefined {
  let found: Cue | undefined;
  for (const cue of cues) {
    if (cue.span.start < sentence.start) continue;
    if (cue.span.end > sentence.end) break;
    if (quotes.strictlyInside(cue.span.start) || !prose.contains(cue.span.start)) continue;
    // The last "… that" cue says best where the reported words start ("recalled how … Tokayev said that …").
    if (!found || /^\s+that\b/.test(text.slice(cue.span.end, cue.span.end + 6))) found = cue;
  }
  if (found) return found;
  // A quotation that opens in the sentence, perhaps to go on in the next ones or paragraphs.
  const quoted = quotes.startingWithin(sentence).find((q) => wordCount(text.slice(q.start, Math.min(q.end, sentence.end))) >= MIN_QUOTED_WORDS);
  return quoted ? { word: 'quote', span: { start: quoted.start, end: Math.min(quoted.end, sentence.end + 1) } } : undefined;
}

/** `[[id|Label]]` read as its label and `[[id]]` as its id, as a reader sees them. */
function withoutLinkMarkup(text: string): string {
  return text.replace(/\[\[[^[\]|]*\|([^[\]]*)\]\]/g, '$1').replace(/\[\[([^[\]]*)\]\]/g, '$1');
}

/** Words of a text: runs of letters (with the apostrophes and hyphens inside them). */
function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code > 127 && wordClass(text, i) === LETTER_OR_DIGIT);
    const joiner: boolean = inWord && (code === 39 || code === 45 || code === 0x2019);
    if (letter && !inWord) count++;
    inWord = letter || joiner;
  }
  return count;
}


const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '"': '"' };

/**
 * Stretches between quotation marks in a block: “…”, «…», „…“, and straight quotes told apart by what is around them
 * (an opening one follows a blank). A closing mark with no opening one ends a quotation begun in an earlier paragraph.
 */
function quotedRegions(text: string, block: Span): Span[] {
  const regions: Span[] = [];
  let open = -1;
  let closer = '';
  const blockText = text.slice(block.start, block.end);
  for (const match of blockText.matchAll(QUOTE_MARKS)) {
    const i = block.start + match.index;
    const ch = match[0];
    const straightOpens = ch === '"' && (i === block.start || /[\s([—–-]/.test(text[i - 1])) && !/\s/.test(text[i + 1] ?? ' ');
    if (open >= 0) {
      if (ch === closer || (closer === '”' && ch === '"' && !straightOpens) || (closer === '"' && ch === '”')) {
        regions.push({ start: open, end: i + 1 });
        open = -1;
      }
    } else if (ch in OPENERS && (ch !== '"' || straightOpens)) {
      open = i;
      closer = OPENERS[ch];
    } else if ((ch === '”' || ch === '»' || ch === '"') && regions.length === 0 && i > block.start) {
      regions.push({ start: block.start - 1, end: i + 1 });
    }
  }
  if (open >= 0) regions.push({ start: open, end: block.end + 1 });
  return regions;
}

const QUOTE_MARKS = /[“”«»„"]/g;

/**
 * The sentences of a block, joined again where a split fell inside a wiki link or after an abbreviation or an
 * initial ("St. Petersburg", "R. Kadyrov"), and cut at list items.
 */
function sentencesOf(text: string, block: Span, links: SpanIndex): Span[] {
  const merged: Span[] = [];
  for (const sentence of splitSentences(text, block)) {
    const previous = merged[merged.length - 1];
    const joins = previous !== undefined && (links.crossesEdgeOf(previous) || endsWithAbbreviation(text, previous) || startsLowerCase(text, sentence.start));
    if (joins) previous.end = sentence.end;
    else merged.push({ ...sentence });
  }
  return merged.flatMap((s) => splitAtListItems(text, s));
}

/** "… St." or "… R.": a full stop that ends an abbreviation or an initial, not the sentence. */
function endsWithAbbreviation(text: string, sentence: Span): boolean {
  if (text.charCodeAt(sentence.end - 1) !== 46 /* . */) return false;
  let start = sentence.end - 1;
  while (start > sentence.start && sentence.end - start <= 6 && wordClass(text, start - 1) === LETTER_OR_DIGIT) start--;
  const word = text.slice(start, sentence.end - 1);
  if (start > sentence.start && wordClass(text, start - 1) !== OTHER) return false;
  return ABBREVIATIONS.has(word.toLowerCase()) || word === 'No' || word === 'vs' || word === 'etc' || (word.length === 1 && UPPER.test(word));
}

function startsLowerCase(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (code >= 97 && code <= 122) || (code > 127 && wordClass(text, at) === LETTER_OR_DIGIT && /^\p{Ll}/u.test(text[at]));
}

/** The reported words: after "<cue> that", or after "According to X," opening the sentence. */
function clauseOf(text: string, sentence: Span, cue: Cue): Span | undefined {
  let start = -1;
  const after = text.slice(cue.span.end, Math.min(sentence.end, cue.span.end + 240));
  if (cue.word === 'according to') {
    const opening = /^(?:\s*(?:but|and|yet|so),?)?\s*$/i.test(text.slice(sentence.start, cue.span.start));
    const comma = after.indexOf(',');
    if (opening && comma > 0 && comma < 80) start = cue.span.end + comma + 1;
  } else {
    // "said that …", "told Channel 24 that …", "reminded [[putin]] that …": at most a few words or a link before "that".
    const that = /^(?:\s+(?:\[\[[^\]\n]{1,120}\]\]|[\p{L}\p{N}'’-]+)){0,4}?\s+that\s+/u.exec(after);
    if (that) start = cue.span.end + that[0].length;
  }
  return start < 0 ? undefined : { start, end: sentence.end };
}

/** A clause without blanks and punctuation at its ends, within the wrapped span; undefined when too short or unbalanced. */
function trimClause(text: string, clause: Span, wrap: Span): Span | undefined {
  let start = Math.max(clause.start, wrap.start);
  let end = Math.min(clause.end, wrap.end);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,;:.]/.test(text[end - 1])) end--;
  const words = text.slice(start, end);
  if (wordCount(words) < 3 || !balanced(words) || /[{}`]/.test(words)) return undefined;
  return { start, end };
}

/**
 * Where `[` and `]{…}` can go around a sentence without breaking markup: not over code, braces, a comment,
 * unbalanced brackets or emphasis, nor cutting a wiki link. A final full stop stays outside, as annotators write it.
 */
function wrappableSpan(text: string, span: Span, links: SpanIndex): Span | undefined {
  const words = text.slice(span.start, span.end);
  if (!/\p{L}/u.test(words) || /[`{}]|<!--|-->/.test(words) || !balanced(words)) return undefined;
  if (links.crossesEdgeOf(span)) return undefined;
  const end = words.endsWith('.') && !words.endsWith('..') && words.length > 1 ? span.end - 1 : span.end;
  return { start: span.start, end };
}

/** Brackets balanced and in order, and emphasis marks paired: a span around the text cannot break markup. */
function balanced(text: string): boolean {
  let depth = 0;
  let stars = 0;
  let underscores = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 91 /* [ */) depth++;
    else if (code === 93 /* ] */ && --depth < 0) return false;
    else if (code === 42 /* * */) stars++;
    else if (code === 95 /* _ */) underscores++;
  }
  return depth === 0 && stars % 2 === 0 && underscores % 2 === 0;
}

// ---- suggestions for the quick fixes ----

/** Function words and reporting verbs: not what a claim is about. */
const KEY_STOP_WORDS = new Set(`a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each even few for from further had has have having he her here hers him his how i if in into is it
  its itself just me more most my no nor not now of off on once only or other our out over own same she should so some such than that the their
  them then there these they this those through to too under until up very was we were what when where which while who whom why will with would
  you your may might must shall us upon via per since yet whether though although however therefore thus still already ever never one many much
  several another every s t said says say saying told tell tells according stated noted added reported asked believes believed claimed emphasized
  emphasised stressed recalled announced warned insisted argued declared explained reiterated assured admitted confirmed denied reminded so-called`.split(/\s+/));

/** Words that negate what follows them (with the halves of "didn't" as the key's letters split it). */
const KEY_NEGATIONS = new Set(['no', 'not', 'never', 'nor', 'none', 'neither', 'cannot', 'without', 'didn', 'doesn', 'don', 'isn', 'aren', 'wasn', 'weren', 'won', 'wouldn', 'hasn', 'haven', 'hadn', 'couldn', 'shouldn']);

export interface ClaimSuggestion {
  /** What the claim span wraps: the reported words where the sentence sets them apart, else the sentence. */
  span: Span;
  key: string;
  /** The claimant, where the words outside the reported ones name exactly one (or exactly one person). */
  by?: string;
}

/**
 * How to annotate a candidate: the span, a key from its content words (the analyst renames it; never a key the
 * workspace already uses, which would silently join another claim), and the claimant where it is unambiguous.
 */
export function claimSuggestion(
  note: Note,
  candidate: ClaimCandidate,
  mentions: readonly KnownMention[],
  lookup: { isPerson: (actorId: string) => boolean; keyTaken: (key: string) => boolean },
): ClaimSuggestion {
  const span = candidate.clause ?? candidate.wrap;
  const by = claimantOf(note.text, candidate, mentions, lookup.isPerson);
  const base = suggestClaimKey(plainWords(note, span));
  let key = base;
  for (let n = 2; lookup.keyTaken(key); n++) key = `${base}-${n}`;
  return { span, key, ...(by ? { by } : {}) };
}

/**
 * The one actor a candidate's words name as the speaker, or undefined. Where the speaker is looked for: after
 * "according to" up to the next comma; after a quotation that a speech verb closes; else before the verb, first
 * from the last comma ("…, Tokayev reminded putin that"), then from the sentence's start, then after the verb
 * ("stressed Arman Shuraev"). Among the actors found there, the only person, or else the only actor.
 */
function claimantOf(text: string, candidate: ClaimCandidate, mentions: readonly KnownMention[], isPerson: (id: string) => boolean): string | undefined {
  const { span, cueSpan, cue, clause } = candidate;
  // Actors named in the reported words are what is said about, not who says it.
  const within = (from: number, to: number) =>
    mentions.filter((m) => m.span.start >= from && m.span.end <= to && (!clause || m.span.end <= clause.start || m.span.start >= clause.end));
  const only = (found: readonly KnownMention[]) => {
    const ids = [...new Set(found.map((m) => m.actorId))];
    const people = ids.filter(isPerson);
    return people.length === 1 ? people[0] : ids.length === 1 ? ids[0] : undefined;
  };
  if (cue === 'quote') return undefined;
  if (cue === 'according to') {
    const comma = text.indexOf(',', cueSpan.end);
    return only(within(cueSpan.end, comma < 0 || comma > span.end ? span.end : comma));
  }
  if (clause && clause.end <= cueSpan.start) return only(within(clause.end, span.end));
  const comma = text.lastIndexOf(',', cueSpan.start);
  const regions: [number, number][] = [[comma >= span.start ? comma + 1 : span.start, cueSpan.start], [span.start, cueSpan.start], [cueSpan.end, clause?.start ?? span.end]];
  for (const [from, to] of regions) {
    const found = within(from, to);
    if (found.length > 0) return only(found);
  }
  return undefined;
}

/** The words of a stretch of a note, wiki links read as their labels. */
function plainWords(note: Note, span: Span): string {
  return withoutLinkMarkup(note.text.slice(span.start, span.end));
}

/** A kebab-case claim key from a claim's words: its first few content words, ASCII, at most about 50 characters. */
export function suggestClaimKey(words: string): string {
  const folded = words.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’]s\b/g, '');
  // A negation stays in the key, as `no-` before the next content word: "no such award had been planned" is not
  // the proposition "award planned".
  const content: string[] = [];
  let negated = false;
  for (const word of folded.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []) {
    if (KEY_NEGATIONS.has(word)) negated = true;
    else if (!KEY_STOP_WORDS.has(word) && !/^\d{1,2}$/.test(word)) {
      if (negated) content.push('no');
      content.push(word);
      negated = false;
    }
  }
  let key = '';
  for (const word of content) {
    const next = key ? `${key}-${word}` : word;
    if (next.length > 50 || next.split('-').length > 6) break;
    key = next;
    if (key.split('-').length >= 5) break;
  }
  return key || 'claim';
}

/**
 * Spans sorted by start, for questions asked once per sentence or cue: a note with thousands of claims or links
 * must not be searched from the start for each.
 */
class SpanIndex {
  private readonly spans: Span[];
  /** The largest end among spans[0..i]: spans may nest (a claim inside a claim). */
  private readonly maxEnd: number[];

  constructor(spans: readonly Span[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    let max = -1;
    this.maxEnd = this.spans.map((s) => (max = Math.max(max, s.end)));
  }

  /** How many spans start before the offset. */
  private startingBefore(offset: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  overlaps(span: Span): boolean {
    const n = this.startingBefore(span.end);
    return n > 0 && this.maxEnd[n - 1] > span.start;
  }

  /** Whether a span holds the offset (spans not nested: the prose, the quotations). */
  contains(offset: number): boolean {
    const n = this.startingBefore(offset + 1);
    return n > 0 && this.spans[n - 1].end > offset;
  }

  /** Whether the offset lies strictly between a span's ends (inside a quotation's marks). */
  strictlyInside(offset: number): boolean {
    const n = this.startingBefore(offset);
    return n > 0 && this.spans[n - 1].end > offset + 1;
  }

  /** The last span that ends at or before the offset (spans not nested). */
  lastEndingBy(offset: number): Span | undefined {
    const n = this.startingBefore(offset);
    if (n === 0) return undefined;
    if (this.spans[n - 1].end <= offset) return this.spans[n - 1];
    return n > 1 ? this.spans[n - 2] : undefined;
  }

  /** The spans that start inside the given one. */
  startingWithin(span: Span): Span[] {
    const result: Span[] = [];
    for (let i = this.startingBefore(span.start); i < this.spans.length && this.spans[i].start < span.end; i++) result.push(this.spans[i]);
    return result;
  }

  /** The spans inside the given one. */
  within(span: Span): Span[] {
    const result: Span[] = [];
    for (let i = this.startingBefore(span.start); i < this.spans.length && this.spans[i].start < span.end; i++) {
      if (this.spans[i].end <= span.end) result.push(this.spans[i]);
    }
    return result;
  }

  /** The parts of the spans that lie within the given one (spans not nested). */
  clippedTo(span: Span): Span[] {
    const result: Span[] = [];
    let i = this.startingBefore(span.start);
    if (i > 0 && this.spans[i - 1].end > span.start) i--;
    for (; i < this.spans.length && this.spans[i].start < span.end; i++) {
      const clipped = { start: Math.max(this.spans[i].start, span.start), end: Math.min(this.spans[i].end, span.end) };
      if (clipped.end > clipped.start) result.push(clipped);
    }
    return result;
  }

  /** Whether a span overlapping the given one reaches out of it (a wiki link the sentence would cut). */
  crossesEdgeOf(span: Span): boolean {
    const n = this.startingBefore(span.end);
    if (n === 0) return false;
    const last = this.spans[n - 1];
    if (last.end > span.end && last.start > span.start - 1) return true;
    const before = this.startingBefore(span.start);
    return before > 0 && this.maxEnd[before - 1] > span.start;
  }
}
