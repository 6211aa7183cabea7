// Word lists and sentence templates for the generated articles: news prose that reads like the samples (wire-style
// sentences, typographic quotes and dashes), with slots for actor mentions. Nothing here is an actor's name, so bare
// alias matching finds only the mentions the generator placed.

export const PERSPECTIVES = ['ukrainian', 'russian-state', 'kazakh-official', 'kazakh-independent', 'western', 'other'] as const;

/** Eight fictional outlets per perspective. */
export const OUTLET_NAMES: Record<(typeof PERSPECTIVES)[number], string[]> = {
  ukrainian: ['Kyiv Courier', 'Dnipro Daily', 'Channel Nine Ukraine', 'Lviv Ledger', 'Odesa Observer', 'Kharkiv Herald', 'Poltava Post', 'Ukrainian Wire Service'],
  'russian-state': ['Moscow Herald', 'Rossiya Wire', 'Federal News Channel', 'Volga Telegraph', 'Kremlin Pool Agency', 'Eastern Broadcast Group', 'Neva Gazette', 'State Radio One'],
  'kazakh-official': ['Astana Bulletin', 'Steppe Television', 'Kazakh National Agency', 'Capital Gazette', 'Ordabasy Review', 'Yessil News', 'Official Almaty Times', 'Baikonur Report'],
  'kazakh-independent': ['Free Steppe', 'Almaty Insider', 'Vlast Review', 'Orda Notebook', 'Independent Caspian', 'Talap Media', 'Zhaik Weekly', 'Open Asia Desk'],
  western: ['Atlantic Dispatch', 'London Evening Wire', 'Continental Review', 'Berlin Monitor', 'Paris Correspondent', 'Northern Europe Press', 'Washington Ledger', 'Global Affairs Daily'],
  other: ['Caspian Crescent', 'Ankara Evening', 'Beijing Morning Post', 'Tehran Observer', 'Gulf Report', 'Delhi Review', 'Central Media Office', 'Silk Road Digest'],
};

export const FIRST_NAMES = [
  'Olena', 'Dmytro', 'Aigerim', 'Nursultan', 'Anna', 'Sergei', 'Maria', 'Yerlan', 'Oksana', 'Timur', 'Irina', 'Bakhyt',
  'Viktor', 'Saule', 'Andriy', 'Galina', 'Marat', 'Natalia', 'Askar', 'Yulia', 'Pavel', 'Dana', 'Rustam', 'Elena',
  'James', 'Claire', 'Thomas', 'Sophie', 'Ahmet', 'Leyla', 'Kenji', 'Mei', 'Arman', 'Zhanna', 'Roman', 'Tamara',
];
const SURNAME_HEADS = ['Kor', 'Bal', 'Tur', 'Ser', 'Dul', 'Mar', 'Zhak', 'Vor', 'Kas', 'Nur', 'Lys', 'Tok', 'Ber', 'Sat', 'Kul', 'Ozh', 'Bek', 'Pav', 'Hrin', 'Yes'];
const SURNAME_MIDDLES = ['a', 'i', 'o', 'e', 'u', 'ay', 'ym', 'an', 'ol', 'er', 'ib', 'av', 'ush', 'ek', 'ir'];
const SURNAME_TAILS = ['enko', 'ov', 'ova', 'yev', 'bekov', 'ski', 'chuk', 'ani', 'escu', 'imov', 'aliyev', 'enova', 'uly', 'kyzy', 'vich', 'off'];
/** Transliteration variants as sources spell them: Tokayev / Tokaev, Kasymov / Kassymov. */
export const SPELLING_VARIANTS: [RegExp, string][] = [[/yev$/, 'ev'], [/ov$/, 'off'], [/^Ka/, 'Qa'], [/ch/, 'tch'], [/y/, 'i'], [/k/, 'q']];

export function surnameParts(index: number): string {
  const head = SURNAME_HEADS[index % SURNAME_HEADS.length];
  const middle = SURNAME_MIDDLES[Math.floor(index / SURNAME_HEADS.length) % SURNAME_MIDDLES.length];
  const tail = SURNAME_TAILS[Math.floor(index / (SURNAME_HEADS.length * SURNAME_MIDDLES.length)) % SURNAME_TAILS.length];
  return head + middle + tail;
}

export const ORG_ADJECTIVES = ['Northern', 'Eurasian', 'Caspian', 'National', 'Federal', 'United', 'Central', 'Western', 'Southern', 'Regional', 'Joint', 'Independent', 'Strategic', 'Continental'];
export const ORG_SUBJECTS = ['Grain', 'Energy', 'Security', 'Trade', 'Pipeline', 'Border', 'Election', 'Media', 'Transit', 'Uranium', 'Banking', 'Rail', 'Water', 'Customs', 'Defence', 'Labour'];
export const ORG_TYPES = ['Council', 'Agency', 'Union', 'Commission', 'Committee', 'Authority', 'Forum', 'Institute', 'Bureau', 'Alliance', 'Foundation', 'Directorate'];
export const STATE_ROOTS = ['Vel', 'Kar', 'Ost', 'Mir', 'Dal', 'Tar', 'Zem', 'Bor', 'Ank', 'Sol', 'Ural', 'Kesh', 'Nov', 'Yar', 'Gor'];
export const STATE_TAILS = ['oria', 'astan', 'ania', 'avia', 'enia', 'ustan', 'ivia', 'onia'];
export const ROLES_PERSON = ['Foreign minister', 'Political scientist', 'Member of parliament', 'Deputy prime minister', 'Press secretary', 'Central bank governor', 'Opposition leader', 'Energy minister', 'Ambassador', 'Regional governor', 'Military analyst', 'Economist'];

export const TOPICS = [
  'grain corridor', 'gas pipeline', 'sanctions regime', 'border crossing', 'oil terminal', 'election law', 'ceasefire talks',
  'customs union', 'uranium exports', 'railway link', 'media law', 'refugee quota', 'drone strikes', 'port blockade',
  'currency swap', 'water treaty', 'transit fees', 'power grid', 'fertiliser exports', 'defence pact', 'language law',
  'investment fund', 'wheat harvest', 'bank transfers', 'airspace closure', 'troop rotation', 'nuclear plant', 'fuel prices',
];
export const NOUNS = [
  'talks', 'agreement', 'statement', 'deadline', 'proposal', 'report', 'decision', 'negotiations', 'summit', 'forum',
  'delegation', 'investigation', 'budget', 'shipment', 'tariff', 'vote', 'referendum', 'memorandum', 'inquiry', 'dispute',
  'plan', 'deal', 'warning', 'ultimatum', 'audit', 'protest', 'visit', 'declaration', 'briefing', 'interview',
];
export const ADJECTIVES = [
  'unexpected', 'fragile', 'bilateral', 'long-awaited', 'controversial', 'preliminary', 'binding', 'symbolic', 'urgent',
  'quiet', 'public', 'secret', 'partial', 'temporary', 'strategic', 'economic', 'regional', 'informal', 'fresh', 'sharp',
];
export const VERBS_PAST = [
  'stalled', 'resumed', 'collapsed', 'was extended', 'was postponed', 'was signed', 'was rejected', 'was approved',
  'was leaked', 'drew criticism', 'was welcomed', 'was questioned', 'was revised', 'was suspended', 'was confirmed',
];
export const SPEECH_VERBS = ['said', 'told reporters', 'insisted', 'warned', 'claimed', 'argued', 'stressed', 'noted', 'denied', 'suggested'];
export const TIMES = [
  'on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'late on Sunday', 'this week', 'last month',
  'in the spring', 'at the weekend', 'earlier this year', 'after midnight', 'in June', 'in November',
];
export const PLACES = ['the capital', 'the border region', 'the port city', 'the northern provinces', 'the steppe', 'the Caspian coast', 'the river valley', 'the industrial east', 'the mountain passes', 'the southern districts'];
export const SECTION_HEADINGS = [
  'What was agreed', 'Reactions', 'Background', 'What comes next', 'The numbers', 'A contested account', 'Who gains',
  'Why it matters', 'Voices from the region', 'The wider picture', 'Doubts remain', 'Timeline', 'What officials say',
];

/**
 * Sentence templates. `{A}` is an actor mention; `{topic}`, `{noun}`, `{adj}`, `{past}`, `{said}`, `{time}` and
 * `{place}` are filled from the lists above.
 */
export const TEMPLATES: string[][] = [
  // no actor
  [
    'The {topic} {past} {time}, leaving the {adj} {noun} in doubt.',
    'Officials in {place} described the {noun} as “{adj} but necessary”.',
    'The {adj} {noun} on the {topic} {past} after weeks of pressure from {place}.',
    'Few details of the {noun} were made public, and the text of the {adj} {noun} has not been published.',
    'Analysts expect the {topic} to dominate the {adj} {noun} planned for {time}.',
    'Residents of {place} say the {topic} has changed little in their daily lives — prices are still rising.',
    'The {noun} follows an {adj} {noun} on the {topic} that {past} {time}.',
    'It is not the first time the {topic} has caused an {adj} {noun} between the neighbours.',
    'According to figures released {time}, the {topic} accounts for a growing share of trade through {place}.',
    'Critics call the {noun} “{adj}”, while supporters see it as the only way to keep the {topic} open.',
    'The {adj} {noun} was discussed behind closed doors, and no questions were taken afterwards.',
    'Local media reported that the {topic} {past}, although the ministry’s statement did not say so.',
  ],
  // one actor
  [
    '{A} {said} {time} that the {topic} would not be affected by the {adj} {noun}.',
    'According to {A}, the {noun} on the {topic} {past} because of an {adj} {noun}.',
    '{A} did not comment on the {adj} {noun}, but aides said the {topic} remained a priority.',
    'In an interview {time}, {A} called the {noun} “{adj}” and said more talks on the {topic} were needed.',
    'The {noun} was first reported by {A}, which cited sources in {place}.',
    'A spokesman for {A} {said} that the {topic} was “an {adj} matter” for {place}.',
    '{A}’s {adj} {noun} on the {topic} {past} {time}.',
    'The {topic} has been a point of friction between {A} and officials in {place} for years.',
  ],
  // two actors
  [
    '{A} met {A} {time} to discuss the {topic} and the {adj} {noun}.',
    'While {A} {said} the {noun} {past}, {A} described it as {adj}.',
    'The {adj} {noun} between {A} and {A} over the {topic} {past} {time}.',
    '{A} accused {A} of using the {topic} as leverage in the {adj} {noun}.',
  ],
  // three actors
  [
    '{A}, {A} and {A} all attended the {adj} {noun} on the {topic} in {place}.',
    'Talks involving {A}, {A} and {A} on the {topic} {past} {time}.',
  ],
];

export const TITLE_TEMPLATES = [
  '{Topic} {past} as {noun} nears',
  '{Adj} {noun} on the {topic}',
  'Why the {topic} {past}',
  '{Topic}: an {adj} {noun}',
  'What the {adj} {noun} means for the {topic}',
  'Behind the {adj} {noun} over the {topic}',
];

/** Every word of the prose vocabulary, lower-cased: generated actor names must not be one of them. */
export function proseWords(): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) words.add(word);
  };
  for (const list of [TOPICS, NOUNS, ADJECTIVES, VERBS_PAST, SPEECH_VERBS, TIMES, PLACES, SECTION_HEADINGS, ...TEMPLATES, TITLE_TEMPLATES]) {
    for (const item of list) add(item.replace(/\{[a-z]+\}/gi, ' '));
  }
  for (const names of Object.values(OUTLET_NAMES)) for (const name of names) add(name);
  return words;
}
