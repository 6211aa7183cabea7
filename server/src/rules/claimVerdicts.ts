// What stands behind each occurrence of a claim key, and who: the verdicts the claim hover, the code lens, the report,
// the claim matrix and the ClaimReview export show, and whose `lacking` is the diagnostic claim.no-counter-source.
//
// A key's occurrences are judged together in one pass: they are counted by outlet, perspective and position, and
// each occurrence's verdict is read from the counts. A key carried 20,000 times is judged in linear time.
import type { ClaimSpan, Stance } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { normalizeName } from '../syntax/text';
import type { Workspace } from '../model/workspace';
import type { ClaimOccurrence } from '../model/workspace';

/**
 * - `contested`: an occurrence of another outlet takes the opposite position (it disputes or qualifies what this one
 *   upholds, or upholds what this one disputes or qualifies);
 * - `corroborated`: an independent outlet of another perspective carries it in the same sense;
 * - `cited`: a counter-source outside the workspace, `counter=<url>`;
 * - `single-source`: knowingly without one, `.single-source`;
 * - `lacking`: none of these: the diagnostic claim.no-counter-source.
 * An occurrence that is both contested and corroborated is `contested`: the dispute is what a reader must see first.
 */
export type Verdict = 'contested' | 'corroborated' | 'cited' | 'single-source' | 'lacking';
export const VERDICTS: readonly Verdict[] = ['contested', 'corroborated', 'cited', 'single-source', 'lacking'];

/** A claimant's position on the proposition: relaying it upholds it, narrowing it contests it. */
export type Position = 'upholds' | 'contests';

export function positionOf(stance: Stance): Position {
  return stance === 'disputes' || stance === 'qualifies' ? 'contests' : 'upholds';
}

/**
 * The outlet as the rule compares it: a copy counts as its original outlet (`original-outlet`), so two copies of one
 * wire story are one source; names are folded (case, dashes, apostrophes, blanks); an article without an outlet is its
 * own.
 */
export function sourceKey(note: Note): string {
  const outlet = note.article?.['original-outlet'] || note.article?.outlet;
  return outlet ? normalizeName(outlet) : `\u0000${note.uri}`;
}

/** An article's perspective; a missing one is never "another" perspective. */
export function perspectiveOf(note: Note): string | undefined {
  return note.article?.perspective || undefined;
}

/** The verdicts of every occurrence of one key, and the counts behind them. */
export interface KeyJudgement {
  occurrences: readonly ClaimOccurrence[];
  /** `verdicts[i]` is the verdict of `occurrences[i]`. */
  verdicts: Verdict[];
  /** The index of a claim span among the occurrences. */
  indexOf(claim: ClaimSpan): number;
  /** How many occurrences of other outlets there are than the one at `index`'s. */
  crossSources(index: number): number;
}

export interface Cancellable {
  readonly isCancellationRequested: boolean;
}

/** How many occurrences are judged between two looks at the cancellation token. */
const CANCELLATION_STRIDE = 1024;

/**
 * Judges every occurrence of a key in two linear passes: the counts, then each verdict from them. Returns undefined
 * when cancelled.
 */
export function judgeKey(occurrences: readonly ClaimOccurrence[], token?: Cancellable): KeyJudgement | undefined {
  const all = new PositionCounts();
  const byOutlet = new Map<string, PositionCounts>();
  const outlets = new Array<PositionCounts>(occurrences.length);
  for (let i = 0; i < occurrences.length; i++) {
    if (i % CANCELLATION_STRIDE === 0 && token?.isCancellationRequested) return undefined;
    const { note, claim } = occurrences[i];
    const key = sourceKey(note);
    let outlet = byOutlet.get(key);
    if (!outlet) byOutlet.set(key, (outlet = new PositionCounts()));
    outlets[i] = outlet;
    const position = positionOf(claim.stance);
    const perspective = perspectiveOf(note);
    all.add(position, perspective);
    outlet.add(position, perspective);
  }
  const verdicts = new Array<Verdict>(occurrences.length);
  for (let i = 0; i < occurrences.length; i++) {
    if (i % CANCELLATION_STRIDE === 0 && token?.isCancellationRequested) return undefined;
    const { note, claim } = occurrences[i];
    const position = positionOf(claim.stance);
    const opposite: Position = position === 'upholds' ? 'contests' : 'upholds';
    const perspective = perspectiveOf(note);
    const outlet = outlets[i];
    const contesting = all.total(opposite) - outlet.total(opposite);
    const corroborating = perspective === undefined ? 0 : all.otherPerspectives(position, perspective) - outlet.otherPerspectives(position, perspective);
    verdicts[i] = contesting > 0 ? 'contested'
      : corroborating > 0 ? 'corroborated'
        : claim.counter !== undefined ? 'cited'
          : claim.singleSource ? 'single-source'
            : 'lacking';
  }
  let index: Map<ClaimSpan, number> | undefined;
  return {
    occurrences,
    verdicts,
    indexOf(claim) {
      if (!index) index = new Map(occurrences.map((occurrence, i) => [occurrence.claim, i]));
      return index.get(claim) ?? -1;
    },
    crossSources: (i) => occurrences.length - outlets[i].count(),
  };
}

/** Occurrences counted by position, and by position and perspective. */
class PositionCounts {
  private readonly totals = { upholds: 0, contests: 0 };
  private readonly withPerspective = { upholds: 0, contests: 0 };
  private readonly byPerspective = { upholds: new Map<string, number>(), contests: new Map<string, number>() };

  add(position: Position, perspective: string | undefined): void {
    this.totals[position]++;
    if (perspective === undefined) return;
    this.withPerspective[position]++;
    const counts = this.byPerspective[position];
    counts.set(perspective, (counts.get(perspective) ?? 0) + 1);
  }

  total(position: Position): number {
    return this.totals[position];
  }

  count(): number {
    return this.totals.upholds + this.totals.contests;
  }

  /** Occurrences of the position whose perspective is known and not this one. */
  otherPerspectives(position: Position, perspective: string): number {
    return this.withPerspective[position] - (this.byPerspective[position].get(perspective) ?? 0);
  }
}

/** The verdict that needs the analyst's attention most: lacking, then contested, then the others. */
export function mostUrgent(verdicts: Iterable<Verdict>): Verdict | undefined {
  const rank: Record<Verdict, number> = { lacking: 4, contested: 3, 'single-source': 2, cited: 1, corroborated: 0 };
  let worst: Verdict | undefined;
  for (const verdict of verdicts) if (worst === undefined || rank[verdict] > rank[worst]) worst = verdict;
  return worst;
}

/** How many occurrences have each verdict. */
export function verdictCounts(verdicts: Iterable<Verdict>): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { contested: 0, corroborated: 0, cited: 0, 'single-source': 0, lacking: 0 };
  for (const verdict of verdicts) counts[verdict]++;
  return counts;
}

/** The verdicts of every claim occurrence of a workspace, counted; undefined when cancelled. */
export function workspaceVerdicts(workspace: Workspace, token?: Cancellable): Record<Verdict, number> | undefined {
  const total = verdictCounts([]);
  for (const key of workspace.claimKeys()) {
    const judgement = judgeKey(workspace.occurrences(key), token);
    if (!judgement) return undefined;
    for (const verdict of judgement.verdicts) total[verdict]++;
  }
  return total;
}

// ---- who ----

/** One occurrence as a party to the claim: who says what, where. */
export interface Party {
  occurrence: ClaimOccurrence;
  /** The claimant's `by=` as written; undefined when the outlet speaks in its own voice. */
  claimant?: string;
  stance: Stance;
  perspective?: string;
}

/** Who stands behind an occurrence's verdict. */
export interface VerdictDetail {
  verdict: Verdict;
  /** Occurrences of other outlets that take the opposite position: their dispute or qualification, or what they uphold. */
  contesting: Party[];
  /** Occurrences of independent outlets of other perspectives that carry it in the same sense. */
  corroborating: Party[];
  /** Opposite positions quoted by the same outlet, such as a right of reply: shown, but no counter-source. */
  replies: Party[];
  /** How many there are of each, beyond the first `max` listed. */
  counts: { contesting: number; corroborating: number; replies: number };
  /** Occurrences of other outlets in all, whatever they say. */
  crossSources: number;
  counterUrl?: string;
}

/**
 * Who contests, corroborates or replies to one occurrence, the first `max` of each in note order. Linear in the key's
 * occurrences: for one occurrence (a hover, a lens), not for all of them.
 */
export function verdictDetail(judgement: KeyJudgement, index: number, max = Infinity): VerdictDetail {
  const { note, claim } = judgement.occurrences[index];
  const position = positionOf(claim.stance);
  const outlet = sourceKey(note);
  const perspective = perspectiveOf(note);
  const detail: VerdictDetail = {
    verdict: judgement.verdicts[index], contesting: [], corroborating: [], replies: [], counts: { contesting: 0, corroborating: 0, replies: 0 }, crossSources: 0,
  };
  if (claim.counter !== undefined) detail.counterUrl = claim.counter;
  for (const other of judgement.occurrences) {
    if (other.claim === claim) continue;
    const sameOutlet = sourceKey(other.note) === outlet;
    const samePosition = positionOf(other.claim.stance) === position;
    if (!sameOutlet) detail.crossSources++;
    const kind = sameOutlet ? (samePosition ? undefined : 'replies')
      : !samePosition ? 'contesting'
        : perspective !== undefined && perspectiveOf(other.note) !== undefined && perspectiveOf(other.note) !== perspective ? 'corroborating'
          : undefined;
    if (kind === undefined) continue;
    detail.counts[kind]++;
    if (detail[kind].length < max) detail[kind].push(partyOf(other));
  }
  return detail;
}

export function partyOf(occurrence: ClaimOccurrence): Party {
  const party: Party = { occurrence, stance: occurrence.claim.stance };
  if (occurrence.claim.by) party.claimant = occurrence.claim.by;
  const perspective = perspectiveOf(occurrence.note);
  if (perspective) party.perspective = perspective;
  return party;
}
