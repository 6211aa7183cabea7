// The actor registry's own problems, reported on actor notes: two notes defining one id, an alias naming two actors.
import { ACTOR_ID_SPANS, ACTOR_REGISTRY } from './actorFacts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export const actorRegistryRule = defineRule({
  name: 'actor registry',
  codes: {
    'actor.duplicate-id': { summary: 'Two actor notes have the same id.', section: FORMAT_SECTIONS.actor, severity: 'error', payload: {} },
    'actor.duplicate-alias': { summary: 'An alias of this actor also names another actor.', section: FORMAT_SECTIONS.actor, severity: 'warning', payload: { alias: 'string', actors: 'string[]' } },
  },
  scope: 'actors',
  dependencies: [ACTOR_REGISTRY, ACTOR_ID_SPANS],
  producedBy: 'check',
  check(note, { workspace }, report) {
    const meta = note.kind === 'actor' ? note.actor : undefined;
    if (!meta) return;
    const sameId = workspace.actorsWithId(meta.id);
    if (sameId.length > 1) {
      const others = sameId.filter((a) => a.note !== note);
      report('actor.duplicate-id', meta.idSpan ?? note.frontmatter?.openFenceSpan ?? { start: 0, end: 0 },
        `The actor id \`${meta.id}\` is also defined by ${others.map((a) => a.note.path).join(', ')}; mentions resolve to ${sameId[0].note.path}.`,
        {},
        others.map((a) => ({ uri: a.note.uri, span: a.meta.idSpan ?? { start: 0, end: 0 }, message: `\`${meta.id}\` defined here too` })));
    }
    for (const alias of meta.aliases) {
      const owners = workspace.actorsNamed(alias.value).filter((a) => a.id.toLowerCase() !== meta.id.toLowerCase());
      if (owners.length === 0) continue;
      report('actor.duplicate-alias', alias.span ?? note.frontmatter?.openFenceSpan ?? { start: 0, end: 0 },
        `The alias \`${alias.value}\` also names ${owners.map((a) => a.id).join(', ')}; a mention of it resolves to ${workspace.resolveActor(alias.value)?.id}.`,
        { alias: alias.value, actors: [meta.id, ...owners.map((a) => a.id)] });
    }
  },
});
