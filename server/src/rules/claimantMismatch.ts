// `claim.claimant-mismatch`: one claim key attributed to different claimants (`by=`) in different articles. A key names
// one proposition made by one claimant; where outlets attribute it to different people, either the key lumps two
// statements together or one of the attributions is wrong. Only `asserts` and `reports` occurrences are compared:
// a `disputes` names who denies the claim, not who made it.
import type { NoteDependency } from '../model/dependencies';
import type { Workspace } from '../model/workspace';
import type { ClaimSpan } from '../syntax/markdown';
import type { Note } from '../syntax/note';
import { oneLine } from '../syntax/sanitize';
import { normalizeName } from '../syntax/text';
import { ACTOR_REGISTRY } from './actorFacts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

/** How many other attributions a message names at most. */
const MAX_NAMED = 5;

/** A claim that names who makes it, with a stance that takes it as theirs or relays it. */
function attributed(note: Note, claim: ClaimSpan): claim is ClaimSpan & { key: string; by: string } {
  return note.kind === 'article' && claim.valid && !!claim.key && !!claim.by && (claim.stance === 'asserts' || claim.stance === 'reports');
}

/** Who a `by=` names: the actor it resolves to, or, for an unknown name, the name as written (folded). */
function claimantOf(workspace: Workspace, by: string): string {
  const actor = workspace.resolveActor(by);
  return actor ? `@${actor.id.toLowerCase()}` : normalizeName(by);
}

/**
 * The claimants each article writes under a key. Who they resolve to also depends on the actor registry, which the
 * rule reads as a whole.
 */
export const CLAIMANTS: NoteDependency = {
  join: 'claim key',
  *facts(note) {
    for (const claim of note.claims) if (attributed(note, claim)) yield [claim.key, normalizeName(claim.by)];
  },
  *reads(note) {
    for (const claim of note.claims) if (attributed(note, claim)) yield claim.key;
  },
};

export const claimantMismatchRule = defineRule({
  name: 'claimant mismatch',
  codes: {
    'claim.claimant-mismatch': { summary: 'One claim key is attributed to different claimants in different articles.', section: FORMAT_SECTIONS.claimants, severity: 'information', payload: { key: 'string', claimant: 'string', others: 'string[]' } },
  },
  scope: 'workspace',
  dependencies: [CLAIMANTS, ACTOR_REGISTRY],
  producedBy: 'check',
  check(note, { workspace }, report) {
    // Per key, the other articles' claimants: worked out once per key, however many claims of the note carry it.
    const othersByKey = new Map<string, Map<string, { by: string; paths: string[] }>>();
    for (const claim of note.claims) {
      if (!attributed(note, claim) || !claim.bySpan) continue;
      let others = othersByKey.get(claim.key);
      if (!others) {
        others = new Map();
        for (const occurrence of workspace.occurrences(claim.key)) {
          if (occurrence.note === note || !attributed(occurrence.note, occurrence.claim)) continue;
          const claimant = claimantOf(workspace, occurrence.claim.by);
          const entry = others.get(claimant) ?? { by: occurrence.claim.by, paths: [] };
          if (!entry.paths.includes(occurrence.note.path)) entry.paths.push(occurrence.note.path);
          others.set(claimant, entry);
        }
        othersByKey.set(claim.key, others);
      }
      const own = claimantOf(workspace, claim.by);
      const different = [...others].filter(([claimant]) => claimant !== own).map(([, entry]) => entry);
      if (different.length === 0) continue;
      const named = different.slice(0, MAX_NAMED).map((entry) => `${oneLine(entry.by)} (${entry.paths.join(', ')})`);
      const more = different.length > MAX_NAMED ? ` and ${different.length - MAX_NAMED} more` : '';
      report('claim.claimant-mismatch', claim.bySpan,
        `Claim \`${claim.key}\` is attributed to ${oneLine(claim.by)} here, but to ${named.join('; ')}${more} elsewhere. ` +
        'If they make different statements, give each its own key; if an attribution is wrong, correct its `by=`.',
        { key: claim.key, claimant: claim.by, others: different.map((entry) => entry.by) });
    }
  },
});
