// `actor.unknown`: a wiki link that names no actor and no note, or a claimant that names no actor.
import { ACTOR_REGISTRY, NOTE_NAMES } from './actorFacts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export const actorUnknownRule = defineRule({
  name: 'unknown actor',
  codes: {
    'actor.unknown': { summary: 'A wiki link or by= names no known actor.', section: FORMAT_SECTIONS.wikiLinks, severity: 'warning', payload: { name: 'string' }, fixes: ['create-actor-note'] },
  },
  // A linked note may not have been read yet while the workspace is being indexed.
  scope: 'workspace',
  dependencies: [NOTE_NAMES, ACTOR_REGISTRY],
  producedBy: 'check',
  check(note, { workspace }, report) {
    for (const link of note.wikiLinks) {
      if (workspace.resolveActor(link.target) || workspace.notesNamed(link.target).length > 0) continue;
      report('actor.unknown', link.targetSpan,
        `No actor or note is called \`${link.target}\`. Create its actor note, or link an existing id or alias.`, { name: link.target });
    }
    for (const claim of note.claims) {
      if (claim.by && claim.bySpan && !workspace.resolveActor(claim.by)) {
        report('actor.unknown', claim.bySpan,
          `No actor has the id or alias \`${claim.by}\`. Create its actor note, or use an existing id.`, { name: claim.by });
      }
    }
  },
});
