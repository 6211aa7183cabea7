// `actor.candidate` and `claim.candidate`: what an article's prose suggests annotating next (analysis/importHints.ts).
import { aliasNearMatches } from '../analysis/aliasDiscovery';
import { candidatesOf, type ActorCandidate, type Candidates } from '../analysis/importHints';
import { derivation } from '../model/derived';
import { shortLabel } from '../syntax/sanitize';
import { ACTOR_REGISTRY } from './actorFacts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

const CANDIDATES = derivation<Candidates>('import candidates');

export const candidatesRule = defineRule({
  name: 'candidates',
  codes: {
    'actor.candidate': { summary: 'A capitalised name in an article is no actor\'s name or alias (a suggestion).', section: FORMAT_SECTIONS.diagnostics, severity: 'hint', payload: { name: 'string', extends: 'string?' }, fixes: ['create-dismiss-or-alias'] },
    'claim.candidate': { summary: 'A sentence reports speech or attribution and is not annotated as a claim (a suggestion).', section: FORMAT_SECTIONS.diagnostics, severity: 'hint', payload: { cue: 'string' }, fixes: ['annotate-or-dismiss'] },
  },
  scope: 'actors',
  dependencies: [ACTOR_REGISTRY],
  producedBy: 'check',
  check(note, { workspace, wants }, report) {
    if (note.kind !== 'article') return;
    // With bare aliases off, prose is not read for names: no actor candidates either (as no `alias.near-match`).
    const actors = wants('actor.candidate') && workspace.configuration.bareAliases;
    const claims = wants('claim.candidate');
    if (!actors && !claims) return;
    // Kept per parsed note while its mentions (new when the registry changes) and the near matches are the same.
    const mentions = workspace.mentionsIn(note.uri);
    const nearMatches = aliasNearMatches(workspace, note);
    const found = workspace.derived.ofNote(CANDIDATES, note, [mentions, nearMatches, actors, claims], () => candidatesOf(note, {
      mentions,
      nearMatches,
      isKnown: (name) => workspace.resolveActor(name) !== undefined,
      actors,
      claims,
    }));
    for (const candidate of found.actors) {
      report('actor.candidate', candidate.span, actorCandidateMessage(candidate),
        { name: candidate.name, ...(candidate.extends ? { extends: candidate.extends } : {}) });
    }
    for (const candidate of found.claims) {
      report('claim.candidate', candidate.span,
        `This sentence reports speech or attribution (${candidate.cue === 'quote' ? 'a quotation' : `“${candidate.cue}”`}): annotate it as a claim?`,
        { cue: candidate.cue });
    }
  },
});

function actorCandidateMessage(candidate: ActorCandidate): string {
  const name = `«${shortLabel(candidate.name, 80)}»`;
  return candidate.extends
    ? `${name} looks like a name but is no actor's alias; it ends with an alias of ${candidate.extends}. Add it to that actor's aliases, or create its own actor note?`
    : `${name} looks like a name but is no actor's alias: create its actor note, or add it to an actor's aliases?`;
}
