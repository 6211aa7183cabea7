// The sections of docs/format.md that explain the diagnostic codes, as GitHub's anchors for their headings: what each
// code's declaration (in its rule module) names as its documentation.
export const FORMAT_SECTIONS = {
  frontmatter: '2-frontmatter-all-notes',
  article: '3-article-notes',
  actor: '4-actor-notes',
  wikiLinks: '51-wiki-links',
  bareAliases: '53-bare-aliases',
  claimSyntax: '61-syntax',
  attributes: '63-attributes',
  stances: '64-stances',
  claimedText: '65-the-claimed-text',
  whereClaimsCount: '66-where-claims-count',
  counterSource: '7-the-counter-source-rule',
  claimants: '75-one-key-different-claimants',
  config: '9-counterpointyaml',
  diagnostics: '10-diagnostics',
} as const;
