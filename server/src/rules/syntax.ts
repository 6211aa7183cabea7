// The codes the parser reports while it reads one note (syntax/frontmatter.ts, syntax/markdown.ts, syntax/note.ts).
// The parser knows them as plain strings (`SyntaxCode`); this module declares them to the registry, and fails to
// compile when the two lists, or the payloads, differ.
import type { SyntaxCode, SyntaxPayload } from '../syntax/diagnostics';
import { defineRule, type CodeSpec, type PayloadOf } from './rule';

const none = {} as const;

const codes = {
  'frontmatter.missing': { severity: 'error', payload: none },
  'frontmatter.unclosed': { severity: 'error', payload: none },
  'frontmatter.yaml': { severity: 'error', payload: none },
  'frontmatter.language': { severity: 'error', payload: none },
  'frontmatter.not-mapping': { severity: 'error', payload: none },
  'frontmatter.duplicate-key': { severity: 'warning', payload: { key: 'string' } },
  'article.missing-field': { severity: 'warning', payload: { field: 'string' } },
  'article.invalid-field': { severity: 'warning', payload: none },
  'article.invalid-date': { severity: 'warning', payload: none },
  'article.unknown-perspective': { severity: 'warning', payload: { perspective: 'string' } },
  'actor.missing-field': { severity: 'warning', payload: { field: 'string' } },
  'actor.invalid-field': { severity: 'warning', payload: none },
  'claim.malformed': { severity: 'error', payload: none },
  'claim.missing-key': { severity: 'error', payload: none },
  'claim.invalid-key': { severity: 'error', payload: none },
  'claim.invalid-stance': { severity: 'error', payload: none },
  'claim.unknown-attribute': { severity: 'warning', payload: none },
  'claim.empty': { severity: 'warning', payload: none },
  'claim.outside-article': { severity: 'information', payload: none },
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
