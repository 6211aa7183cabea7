// The counter-source rule (`claim.no-counter-source`), and its vocabulary: the status of one occurrence of a claim,
// the verdict that hovers, lenses and the claim matrix show, and how a list of sources is described.
import type { NoteDependency } from '../model/dependencies';
import type { ClaimOccurrence, Workspace } from '../model/workspace';
import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { normalizeName } from '../syntax/text';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export type { ClaimOccurrence };

export interface ClaimStatus {
  occurrence: ClaimOccurrence;
  /** Every occurrence of the key, this one included, in note order. */
  occurrences: readonly ClaimOccurrence[];
  /** Occurrences of the key in articles of other outlets. */
  crossSources: ClaimOccurrence[];
  /** Cross-sources that dispute it or come from another perspective. */
  counterSources: ClaimOccurrence[];
  /** A `counter=` URL on the occurrence itself. */
  counterUrl?: string;
  /** Marked `.single-source`: knowingly without a counter-source. */
  singleSource: boolean;
  hasCounterSource: boolean;
}

/** The outlet as the rule compares it; a note without one is its own outlet. */
export function outletKey(note: Note): string {
  const outlet = note.article?.outlet;
  return outlet ? normalizeName(outlet) : `\u0000${note.uri}`;
}

function perspectiveOf(note: Note): string | undefined {
  return note.article?.perspective || undefined;
}

/**
 * The counter-source rule. For an occurrence C of key K in an article of outlet O and
 * perspective P, the cross-sources are K's occurrences in articles of other outlets. A
 * cross-source X is a counter-source when X comes from a perspective other than P, or
 * when exactly one of C and X disputes K (a source that disputes what C asserts, or
 * asserts what C disputes). A missing perspective is never "another" perspective.
 */
export function isCounterSource(of: ClaimOccurrence, candidate: ClaimOccurrence): boolean {
  if (outletKey(of.note) === outletKey(candidate.note)) return false;
  const p = perspectiveOf(of.note);
  const q = perspectiveOf(candidate.note);
  if (p !== undefined && q !== undefined && p !== q) return true;
  return (of.claim.stance === 'disputes') !== (candidate.claim.stance === 'disputes');
}

export function claimStatus(occurrence: ClaimOccurrence, all: readonly ClaimOccurrence[]): ClaimStatus {
  const outlet = outletKey(occurrence.note);
  const crossSources = all.filter((other) => other !== occurrence && other.note !== occurrence.note && outletKey(other.note) !== outlet);
  const counterSources = crossSources.filter((other) => isCounterSource(occurrence, other));
  const counterUrl = occurrence.claim.counter;
  const singleSource = occurrence.claim.singleSource;
  return {
    occurrence,
    occurrences: all,
    crossSources,
    counterSources,
    counterUrl,
    singleSource,
    hasCounterSource: counterSources.length > 0 || counterUrl !== undefined,
  };
}

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

export function noCounterSourceMessage(status: ClaimStatus, all: readonly ClaimOccurrence[]): string {
  const { occurrence } = status;
  const perspective = perspectiveOf(occurrence.note);
  const opposite = occurrence.claim.stance === 'disputes' ? 'upholds' : 'disputes';
  const lead = status.crossSources.length === 0
    ? `Only ${describeSources([occurrence])} carries claim \`${occurrence.key}\`; no other outlet reports it`
    : `Claim \`${occurrence.key}\` is carried only by ${describeSources(all)}: ${perspective ? `no outlet of another perspective than ${perspective}` : 'this article has no perspective, and no outlet'} ${perspective ? 'carries it, and none' : ''} ${opposite} it`.replace(/\s+/g, ' ');
  return `${lead}. Annotate it in an article from another perspective, cite one with counter=<url>, or mark it .single-source.`;
}

/** The counter-source status of one claim span of a note, or undefined when it is not in the index. */
export function statusOf(workspace: Workspace, uri: string, claim: ClaimSpan): ClaimStatus | undefined {
  if (!claim.key || !claim.valid) return undefined;
  const all = workspace.occurrences(claim.key);
  const occurrence = all.find((o) => o.note.uri === uri && o.claim === claim);
  return occurrence ? claimStatus(occurrence, all) : undefined;
}

// ---- verdicts ----

/** What stands behind one occurrence of a claim, from best to worst. */
export type CounterSourceVerdict = 'counter-source' | 'counter-url' | 'single-source' | 'none';

export function counterSourceVerdict(status: ClaimStatus): CounterSourceVerdict {
  if (status.counterSources.length > 0) return 'counter-source';
  if (status.counterUrl !== undefined) return 'counter-url';
  if (status.singleSource) return 'single-source';
  return 'none';
}

const VERDICT_ORDER: readonly CounterSourceVerdict[] = ['counter-source', 'counter-url', 'single-source', 'none'];

/** The verdict that needs the analyst's attention most. */
export function worstVerdict(verdicts: Iterable<CounterSourceVerdict>): CounterSourceVerdict | undefined {
  let worst: CounterSourceVerdict | undefined;
  for (const verdict of verdicts) {
    if (worst === undefined || VERDICT_ORDER.indexOf(verdict) > VERDICT_ORDER.indexOf(worst)) worst = verdict;
  }
  return worst;
}

const VERDICT_LABEL: Record<CounterSourceVerdict, string> = {
  'counter-source': 'counter-source ✓',
  'counter-url': 'counter-source cited',
  'single-source': 'single-source',
  none: 'no counter-source',
};

/** The verdict in a few words, as a lens or a hover shows it. */
export function verdictLabel(verdict: CounterSourceVerdict): string {
  return VERDICT_LABEL[verdict];
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
 * their perspective, and whether they dispute it. Typing in prose, or changing `by=`, `counter=` or `.single-source`,
 * changes none of these, and touches no other note.
 */
export const CLAIM_SOURCES: NoteDependency = {
  join: 'claim key',
  *facts(note) {
    if (note.kind !== 'article') return;
    const source = `${outletKey(note)}\u0001${note.article?.outlet ?? note.path}\u0001${perspectiveOf(note) ?? ''}`;
    for (const claim of note.claims) {
      if (claim.valid && claim.key) yield [claim.key, `${source}\u0001${claim.stance === 'disputes'}`];
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
    // Claims of one note that share a key and whether they dispute it share their status and message
    // (same outlet, same perspective): work them out once, not once per claim.
    const unsourced = new Map<string, string | undefined>();
    for (const claim of note.claims) {
      if (!claim.valid || !claim.key || claim.singleSource || claim.counter !== undefined) continue;
      const group = `${claim.key}\u0000${claim.stance === 'disputes'}`;
      if (!unsourced.has(group)) {
        const all = workspace.occurrences(claim.key);
        const occurrence = all.find((o) => o.note === note && o.claim === claim);
        const status = occurrence && claimStatus(occurrence, all);
        unsourced.set(group, status && !status.hasCounterSource ? noCounterSourceMessage(status, all) : undefined);
      }
      const message = unsourced.get(group);
      if (message === undefined) continue;
      report('claim.no-counter-source', claim.keySpan ?? claim.span, message, {
        key: claim.key,
        outlet: note.article?.outlet,
        perspective: note.article?.perspective,
      });
    }
  },
});
