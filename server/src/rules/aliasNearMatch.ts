// `alias.near-match`: a word in prose that looks like a spelling of one actor's name (analysis/aliasDiscovery.ts).
import { aliasNearMatches } from '../analysis/aliasDiscovery';
import { oneLine } from '../syntax/sanitize';
import { ACTOR_REGISTRY } from './actorFacts';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule } from './rule';

export const aliasNearMatchRule = defineRule({
  name: 'alias near-match',
  codes: {
    'alias.near-match': { summary: 'A word in prose looks like a spelling of one actor\'s alias but is not one of its aliases.', section: FORMAT_SECTIONS.bareAliases, severity: 'hint', payload: { actorId: 'string', text: 'string', alias: 'string' }, fixes: ['add-alias-or-link'] },
  },
  scope: 'actors',
  dependencies: [ACTOR_REGISTRY],
  producedBy: 'check',
  check(note, { workspace }, report) {
    for (const match of aliasNearMatches(workspace, note)) {
      const actor = workspace.actor(match.actorId);
      const name = actor?.meta.name ? `${oneLine(actor.meta.name)} (${match.actorId})` : match.actorId;
      // The alias it is near says why, where it is not the name shown (Nursultan is near Nur-Sultan, an alias of Kazakhstan).
      const via = match.alias === actor?.meta.name ? '' : `, written «${oneLine(match.alias)}» in its aliases`;
      report('alias.near-match', match.span, `«${oneLine(match.text)}» looks like a spelling of ${name}${via}`,
        { actorId: match.actorId, text: match.text, alias: match.alias });
    }
  },
});
