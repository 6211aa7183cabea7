// The codes the parser reports while it reads one note (syntax/frontmatter.ts, syntax/markdown.ts, syntax/note.ts).
// The parser knows them as plain strings (`SyntaxCode`); this module declares them to the registry, and fails to
// compile when the two lists, or the payloads, differ.
import type { SyntaxCode, SyntaxPayload } from '../syntax/diagnostics';
import { FORMAT_SECTIONS } from './formatSections';
import { defineRule, type CodeSpec, type PayloadOf } from './rule';

const none = {} as const;

const codes = {
  'frontmatter.missing': { summary: 'An article or actor note has no frontmatter block.', section: FORMAT_SECTIONS.frontmatter, severity: 'error', payload: none },
  'frontmatter.unclosed': { summary: 'The frontmatter\'s opening --- has no closing line, so no field is read.', section: FORMAT_SECTIONS.frontmatter, severity: 'error', payload: none },
  'frontmatter.yaml': { summary: 'The frontmatter is not valid YAML.', section: FORMAT_SECTIONS.frontmatter, severity: 'error', payload: none },
  'frontmatter.language': { summary: 'The frontmatter fence names a language other than YAML; it is not read, and never run.', section: FORMAT_SECTIONS.frontmatter, severity: 'error', payload: none },
  'frontmatter.not-mapping': { summary: 'The frontmatter is YAML but not a mapping of key: value fields.', section: FORMAT_SECTIONS.frontmatter, severity: 'error', payload: none },
  'frontmatter.duplicate-key': { summary: 'A frontmatter key is given again further down; this occurrence is ignored.', section: FORMAT_SECTIONS.frontmatter, severity: 'warning', payload: { key: 'string' } },
  'article.missing-field': { summary: 'An article has no title, outlet or perspective.', section: FORMAT_SECTIONS.article, severity: 'warning', payload: { field: 'string' } },
  'article.invalid-field': { summary: 'An article field is a list or mapping, or its url is not an http(s) address.', section: FORMAT_SECTIONS.article, severity: 'warning', payload: none },
  'article.invalid-date': { summary: 'An article\'s date is not a real ISO 8601 date.', section: FORMAT_SECTIONS.article, severity: 'warning', payload: none },
  'article.unknown-perspective': { summary: 'An article\'s perspective is not one of the workspace\'s perspectives.', section: FORMAT_SECTIONS.article, severity: 'warning', payload: { perspective: 'string' } },
  'actor.missing-field': { summary: 'An actor note has no name.', section: FORMAT_SECTIONS.actor, severity: 'warning', payload: { field: 'string' } },
  'actor.invalid-field': { summary: 'An actor field has a value of the wrong form (kind, wikidata, aliases).', section: FORMAT_SECTIONS.actor, severity: 'warning', payload: none },
  'claim.malformed': { summary: 'A claim\'s attribute block is broken.', section: FORMAT_SECTIONS.claimSyntax, severity: 'error', payload: none },
  'claim.missing-key': { summary: 'A span uses claim attributes but has no claim= key.', section: FORMAT_SECTIONS.attributes, severity: 'error', payload: none },
  'claim.invalid-key': { summary: 'A claim key is empty or breaks the key syntax.', section: FORMAT_SECTIONS.attributes, severity: 'error', payload: none },
  'claim.invalid-stance': { summary: 'A claim\'s stance= is not one of the stances.', section: FORMAT_SECTIONS.stances, severity: 'error', payload: none },
  'claim.unknown-attribute': { summary: 'A claim has an attribute Counterpoint does not know; it is ignored.', section: FORMAT_SECTIONS.attributes, severity: 'warning', payload: none },
  'claim.empty': { summary: 'A claim\'s brackets hold no text.', section: FORMAT_SECTIONS.claimedText, severity: 'warning', payload: none },
  'claim.outside-article': { summary: 'A claim is in a note outside the article folders, so it is not counted.', section: FORMAT_SECTIONS.whereClaimsCount, severity: 'information', payload: none },
} as const satisfies { [C in SyntaxCode]: CodeSpec };

// Each payload declared here is the one the parser writes.
type SamePayloads = { [C in SyntaxCode]: [PayloadOf<(typeof codes)[C]['payload']>] extends [SyntaxPayload<C>] ? [SyntaxPayload<C>] extends [PayloadOf<(typeof codes)[C]['payload']>] ? true : C : C }[SyntaxCode];
const payloadsAgree: SamePayloads extends true ? true : never = true;
void payloadsAgree;

export const syntaxRule = defineRule({
  name: 'syntax',
  codes,
  scope: 'note',
  dependencies: [],
  producedBy: 'parser',
});
