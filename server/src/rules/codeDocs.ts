// What each diagnostic code is about, in one line, and where docs/format.md explains it: the editor links a
// problem's code there (so its message can stay short), the SARIF output describes its rules with it, and the
// `counterpoint.rules` setting lists the codes with it.
import { FORMAT_DOCS_URL } from '../../../shared/src/projectLinks';
import type { Severity } from '../syntax/diagnostics';
import { DEFAULT_SEVERITIES, type DiagnosticCode } from './registry';

export interface CodeDocs {
  /** One sentence: what the diagnostic reports. */
  summary: string;
  /** The heading of docs/format.md that explains it, as GitHub's anchor for it. */
  section: string;
}

const SECTIONS = {
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
  config: '9-counterpointyaml',
  diagnostics: '10-diagnostics',
} as const;

export const CODE_DOCS: Record<DiagnosticCode, CodeDocs> = {
  'frontmatter.missing': { summary: 'An article or actor note has no frontmatter block.', section: SECTIONS.frontmatter },
  'frontmatter.unclosed': { summary: 'The frontmatter\'s opening --- has no closing line, so no field is read.', section: SECTIONS.frontmatter },
  'frontmatter.yaml': { summary: 'The frontmatter is not valid YAML.', section: SECTIONS.frontmatter },
  'frontmatter.language': { summary: 'The frontmatter fence names a language other than YAML; it is not read, and never run.', section: SECTIONS.frontmatter },
  'frontmatter.not-mapping': { summary: 'The frontmatter is YAML but not a mapping of key: value fields.', section: SECTIONS.frontmatter },
  'frontmatter.duplicate-key': { summary: 'A frontmatter key is given again further down; this occurrence is ignored.', section: SECTIONS.frontmatter },
  'article.missing-field': { summary: 'An article has no title, outlet or perspective.', section: SECTIONS.article },
  'article.invalid-field': { summary: 'An article field is a list or mapping, or its url is not an http(s) address.', section: SECTIONS.article },
  'article.invalid-date': { summary: 'An article\'s date is not a real ISO 8601 date.', section: SECTIONS.article },
  'article.unknown-perspective': { summary: 'An article\'s perspective is not one of the workspace\'s perspectives.', section: SECTIONS.article },
  'actor.missing-field': { summary: 'An actor note has no name.', section: SECTIONS.actor },
  'actor.invalid-field': { summary: 'An actor field has a value of the wrong form (kind, wikidata, aliases).', section: SECTIONS.actor },
  'actor.unknown': { summary: 'A wiki link or by= names no known actor.', section: SECTIONS.wikiLinks },
  'actor.duplicate-id': { summary: 'Two actor notes have the same id.', section: SECTIONS.actor },
  'actor.duplicate-alias': { summary: 'An alias of this actor also names another actor.', section: SECTIONS.actor },
  'alias.near-match': { summary: 'A word in prose looks like a spelling of one actor\'s alias but is not one of its aliases.', section: SECTIONS.bareAliases },
  'claim.malformed': { summary: 'A claim\'s attribute block is broken.', section: SECTIONS.claimSyntax },
  'claim.missing-key': { summary: 'A span uses claim attributes but has no claim= key.', section: SECTIONS.attributes },
  'claim.invalid-key': { summary: 'A claim key is empty or breaks the key syntax.', section: SECTIONS.attributes },
  'claim.invalid-stance': { summary: 'A claim\'s stance= is not one of the stances.', section: SECTIONS.stances },
  'claim.unknown-attribute': { summary: 'A claim has an attribute Counterpoint does not know; it is ignored.', section: SECTIONS.attributes },
  'claim.empty': { summary: 'A claim\'s brackets hold no text.', section: SECTIONS.claimedText },
  'claim.outside-article': { summary: 'A claim is in a note outside the article folders, so it is not counted.', section: SECTIONS.whereClaimsCount },
  'claim.no-counter-source': { summary: 'A claim occurrence has no counter-source, no counter= link and no .single-source mark.', section: SECTIONS.counterSource },
  'config.invalid': { summary: 'A problem in counterpoint.yaml; the setting concerned keeps its default.', section: SECTIONS.config },
  'actor.candidate': { summary: 'A capitalised name in an article is no actor\'s name or alias (a suggestion).', section: SECTIONS.diagnostics },
  'claim.candidate': { summary: 'A sentence reports speech or attribution and is not annotated as a claim (a suggestion).', section: SECTIONS.diagnostics },
};

/** The address of the documentation of a code. */
export function codeDocsHref(code: DiagnosticCode): string {
  return `${FORMAT_DOCS_URL}#${CODE_DOCS[code].section}`;
}

/** Every code with its default severity and documentation, in the registry's order. */
export function documentedCodes(): { code: DiagnosticCode; severity: Severity; docs: CodeDocs; href: string }[] {
  return (Object.keys(DEFAULT_SEVERITIES) as DiagnosticCode[]).map((code) => ({ code, severity: DEFAULT_SEVERITIES[code], docs: CODE_DOCS[code], href: codeDocsHref(code) }));
}

/**
 * The first sentence of a message: up to the first `. ` (or `? `, `! `) before a capital letter that is outside
 * backticks, quotation marks and brackets and does not end an initial such as the `S.` of `U.S.`.
 */
export function firstSentence(message: string): string {
  let depth = 0;
  let inCode = false;
  for (let i = 0; i < message.length - 2; i++) {
    const ch = message[i];
    if (ch === '`') inCode = !inCode;
    if (inCode) continue;
    if ('«“([{'.includes(ch)) depth++;
    else if ('»”)]}'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '.?!'.includes(ch) && message[i + 1] === ' ' && /\p{Lu}/u.test(message[i + 2])) {
      const initial = ch === '.' && /(^|[\s.])\p{L}$/u.test(message.slice(Math.max(0, i - 2), i));
      if (!initial) return message.slice(0, i + 1);
    }
  }
  return message;
}

const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SEVERITY_SETTING_MEANINGS = [
  'Report as an error.',
  'Report as a warning.',
  'Report as information.',
  'Show only as a faint hint in the editor.',
  'Do not report at all.',
];

/**
 * The `properties` of the `counterpoint.rules` setting in package.json: one per code, so that the settings editor
 * lists and completes the codes it accepts. `node scripts/sync-manifest-rules.mjs` writes them; a unit test checks
 * the manifest holds exactly these.
 */
export function rulesSettingProperties(): Record<string, { type: 'string'; enum: string[]; enumDescriptions: string[]; markdownDescription: string }> {
  return Object.fromEntries(documentedCodes().map(({ code, severity, docs, href }) => [code, {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    enumDescriptions: SEVERITY_SETTING_MEANINGS,
    markdownDescription: `${docs.summary} Default: \`${severity}\`. [Documentation](${href})`,
  }]));
}
