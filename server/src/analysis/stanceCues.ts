// Whether a sentence denies, negates or hedges what it says, and who it says it is speaking: the stance a
// counter-source candidate is offered with. Cue words in English and Russian, matched as whole words.
import type { Span } from '../syntax/text';

export type CueStance = 'disputes' | 'qualifies';

export interface StanceCues {
  /** A word that denies what it is about (denied, rejected, опроверг, ложь). */
  denial?: string;
  /** A negation (not, no, never, не, нет). */
  negation?: string;
  /** A hedge (apparently, may, partly, якобы, возможно, частично). */
  hedge?: string;
  /** Where a verb of saying or denying is: where the speaker is looked for. */
  speechVerb?: Span;
}

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Cue words as whole words (English, and Russian words that do not inflect), and Russian stems as prefixes. */
const DENIAL = words(`deny denies denied denying denial denials reject rejects rejected rejecting refute refutes refuted refuting
  dismiss dismisses dismissed dismissing rebut rebuts rebutted false falsely falsehood fake untrue baseless groundless unfounded
  lie lies nonsense fabricated fabrication fabrications disinformation отрицание ложь лжи ложью вымысел`);
const DENIAL_STEMS = ['опроверг', 'отверг', 'отрица', 'отклони', 'ложн', 'фейк', 'неправд', 'дезинформаци', 'выдумк', 'беспочвенн', 'голословн'];
const NEGATION = words(`not no never none nothing neither nor cannot without isn aren wasn weren don doesn didn won wouldn hasn haven hadn
  не нет ни никогда ничего никаких никакого никакой без`);
const HEDGE = words(`apparently may might possibly perhaps partly partially likely unlikely reportedly allegedly seemingly somewhat
  restricted limited якобы возможно вероятно частично отчасти по-видимому видимо предположительно`);
const HEDGE_STEMS = ['ограничен'];
/** "not fully", "не полностью": a negation that narrows rather than denies. */
const NARROWING = words('fully entirely completely quite always полностью совсем вполне всегда');
const SPEECH = words(`said says told stated added stressed noted insisted claimed wrote replied responded explained declared
  denied denies rejected rejects dismissed refuted called`);
const SPEECH_STEMS = ['заявил', 'сказал', 'отметил', 'подчеркнул', 'сообщил', 'добавил', 'написал', 'ответил', 'опроверг', 'отверг', 'назвал', 'пояснил', 'уточнил'];

function hasStem(word: string, stems: readonly string[]): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x400 || code > 0x4ff) return false;
  for (const stem of stems) if (word.startsWith(stem)) return true;
  return false;
}

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu;

/** The cues of a stretch of text; offsets in `speechVerb` are into `text`. Linear: one pass over the words. */
export function stanceCues(text: string): StanceCues {
  const cues: StanceCues = {};
  let previousNegation = false;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (!cues.denial && (DENIAL.has(word) || hasStem(word, DENIAL_STEMS))) cues.denial = match[0];
    if (NEGATION.has(word) || word.endsWith("n't")) {
      cues.negation ??= match[0];
      previousNegation = true;
      continue;
    }
    if (previousNegation && NARROWING.has(word)) cues.hedge ??= match[0];
    // "May" with a capital is the month.
    else if (!cues.hedge && (HEDGE.has(word) || hasStem(word, HEDGE_STEMS)) && match[0] !== 'May') cues.hedge = match[0];
    if (!cues.speechVerb && (SPEECH.has(word) || hasStem(word, SPEECH_STEMS))) cues.speechVerb = { start: match.index, end: match.index + match[0].length };
    previousNegation = false;
  }
  return cues;
}

/**
 * The stance a candidate sentence takes towards a claim: it disputes it when it denies (and the claim does not), or
 * when one of the two is negated and the other not ("will not recognise" against "will recognise"); it qualifies it
 * when it hedges;
 * otherwise undefined (the caller keeps the claim's own stance, or `reports` where a speaker is named).
 */
export function candidateStance(claim: StanceCues, candidate: StanceCues): CueStance | undefined {
  // A denial word disputes whatever the claim's own negations ("rejected the claim that Kazakhstan would not…"),
  // unless the claim denies too; a bare negation disputes where the claim has none, and the other way round.
  if (candidate.denial && !claim.denial) return 'disputes';
  if (candidate.hedge && candidate.negation && !candidate.denial && !claim.hedge) return 'qualifies';
  if (!candidate.denial && !claim.denial && (candidate.negation !== undefined) !== (claim.negation !== undefined)) return 'disputes';
  if (candidate.hedge && !claim.hedge) return 'qualifies';
  return undefined;
}

/** The words of the cue that decided a stance, for a title or a test. */
export function cueWord(cues: StanceCues, stance: CueStance): string | undefined {
  return stance === 'disputes' ? cues.denial ?? cues.negation : cues.hedge;
}
