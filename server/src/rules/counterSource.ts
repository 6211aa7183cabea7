// The counter-source rule (`claim.no-counter-source`): an occurrence whose verdict is `lacking` (claimVerdicts.ts) gets
// it. And how a list of sources is described.
import type { NoteDependency } from '../model/dependencies';
import type { ClaimOccurrence, Workspace } from '../model/workspace';
import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { judgeKey, perspectiveOf, positionOf, sourceKey, type Cancellable, type KeyJudgement } from './claimVerdicts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export type { ClaimOccurrence };

/**
 * The outlet as the rule compares it: a copy counts as its original outlet, an article without an outlet is its own
 * (see `sourceKey`).
 */
export const outletKey = sourceKey;

/** How sources without a perspective are grouped and named. */
export const NO_PERSPECTIVE = 'no perspective';

/** The perspective a source is listed under. */
export function perspectiveLabel(note: Note): string {
  return perspectiveOf(note) ?? NO_PERSPECTIVE;
}

/** The outlet a source is named by: its `outlet`, or the note's path where it has none. */
export function outletLabel(note: Note): string {
  return note.article?.outlet ?? note.path;
}

/** "Channel 24, Kyiv Post (ukrainian); TASS (russian-state)" for the occurrences given: the one way sources are described. */
export function describeSources(occurrences: readonly ClaimOccurrence[]): string {
  const byPerspective = new Map<string, Set<string>>();
  for (const { note } of occurrences) {
    const perspective = perspectiveLabel(note);
    const outlets = byPerspective.get(perspective) ?? new Set<string>();
    outlets.add(outletLabel(note));
    byPerspective.set(perspective, outlets);
  }
  return [...byPerspective].map(([perspective, outlets]) => `${[...outlets].join(', ')} (${perspective})`).join('; ');
}

/**
 * The diagnostic's message: who carries the claim and what is missing. `crossSources` is how many occurrences of other
 * outlets there are.
 */
export function noCounterSourceMessage(occurrence: ClaimOccurrence, all: readonly ClaimOccurrence[], crossSources: number): string {
  const perspective = perspectiveOf(occurrence.note);
  const opposite = positionOf(occurrence.claim.stance) === 'contests' ? 'upholds' : 'contests';
  const lead = crossSources === 0
    ? `Only ${describeSources([occurrence])} carries claim \`${occurrence.key}\`; no other outlet reports it`
    : `Claim \`${occurrence.key}\` is carried only by ${describeSources(all)}: ${perspective ? 'no outlet of another perspective' : 'this article has no perspective, and no outlet'} ${perspective ? 'carries it, and none' : ''} ${opposite} it`.replace(/\s+/g, ' ');
  return `${lead}. Annotate it in an article from another perspective, cite one with counter=<url>, or mark it .single-source.`;
}

/** The verdict of one claim span of a note, with the judgement of its key; undefined when it is not in the index. */
export function verdictOf(workspace: Workspace, uri: string, claim: ClaimSpan, token?: Cancellable): { judgement: KeyJudgement; index: number } | undefined {
  if (!claim.key || !claim.valid) return undefined;
  const judgement = judgeKey(workspace.occurrences(claim.key, token), token);
  const index = judgement?.indexOf(claim) ?? -1;
  return judgement && index >= 0 && judgement.occurrences[index].note.uri === uri ? { judgement, index } : undefined;
}

/** Distinct outlets and perspectives among a key's occurrences. */
export function sourceCounts(occurrences: readonly ClaimOccurrence[]): { outlets: number; perspectives: number } {
  const outlets = new Set(occurrences.map((o) => outletKey(o.note)));
  const perspectives = new Set(occurrences.map((o) => perspectiveOf(o.note)).filter((p): p is string => p !== undefined));
  return { outlets: outlets.size, perspectives: perspectives.size };
}

// ---- the rule ----

/**
 * What the rule reads of the other articles that carry a key: their outlet (as compared, and as named in the message),
 * their perspective, and whether they uphold or contest it. Typing in prose, or changing `by=`, `counter=` or `.single-source`,
 * changes none of these, and touches no other note.
 */
export const CLAIM_SOURCES: NoteDependency = {
  join: 'claim key',
  *facts(note) {
    if (note.kind !== 'article') return;
    const source = `${sourceKey(note)}\u0001${note.article?.outlet ?? note.path}\u0001${perspectiveOf(note) ?? ''}`;
    for (const claim of note.claims) {
      if (claim.valid && claim.key) yield [claim.key, `${source}\u0001${positionOf(claim.stance)}`];
    }
  },
  *reads(note) {
    if (note.kind !== 'article') return;
    for (const claim of note.claims) if (claim.valid && claim.key) yield claim.key;
  },
};

export const counterSourceRule = defineRule({
  name: 'counter-source',
  codes: {
    'claim.no-counter-source': {
      summary: 'A claim occurrence has no counter-source, no counter= link and no .single-source mark.',
      section: FORMAT_SECTIONS.counterSource,
      severity: 'warning',
      payload: { key: 'string', outlet: 'string?', perspective: 'string?' },
      fixes: ['annotate-counter-source', 'mark-single-source'],
    },
  },
  // Before every article is read, a counter-source may be among those not read yet.
  scope: 'workspace',
  dependencies: [CLAIM_SOURCES],
  producedBy: 'check',
  check(note, { workspace }, report) {
    if (note.kind !== 'article') return;
    // Each key the note carries is judged once, for all of its claims; claims of one note that share a key and a
    // position share their message (same outlet, same perspective).
    const judged = new Map<string, KeyJudgement | undefined>();
    const messages = new Map<string, string>();
    for (const claim of note.claims) {
      if (!claim.valid || !claim.key || claim.singleSource || claim.counter !== undefined) continue;
      if (!judged.has(claim.key)) judged.set(claim.key, judgeKey(workspace.occurrences(claim.key)));
      const judgement = judged.get(claim.key);
      const index = judgement?.indexOf(claim) ?? -1;
      if (!judgement || index < 0 || judgement.verdicts[index] !== 'lacking') continue;
      const group = `${claim.key}\u0000${positionOf(claim.stance)}`;
      let message = messages.get(group);
      if (message === undefined) {
        message = noCounterSourceMessage(judgement.occurrences[index], judgement.occurrences, judgement.crossSources(index));
        messages.set(group, message);
      }
      report('claim.no-counter-source', claim.keySpan ?? claim.span, message, {
        key: claim.key,
        outlet: note.article?.outlet,
        perspective: note.article?.perspective,
      });
    }
  },
});
