// What each diagnostic code is about, in one line, and where docs/format.md explains it: the editor links a
// problem's code there (so its message can stay short), the SARIF output describes its rules with it, and the
// `counterpoint.rules` setting lists the codes with it.
import { FORMAT_DOCS_URL } from '../../../shared/src/projectLinks';
import type { Severity } from '../syntax/diagnostics';
import { DEFAULT_SEVERITIES, specOf, type DiagnosticCode } from './registry';

export interface CodeDocs {
  /** One sentence: what the diagnostic reports. */
  summary: string;
  /** The heading of docs/format.md that explains it, as GitHub's anchor for it. */
  section: string;
}

/** Each code's summary and section, as its rule module declares them. */
export const CODE_DOCS: Readonly<Record<DiagnosticCode, CodeDocs>> = Object.freeze(Object.fromEntries(
  (Object.keys(DEFAULT_SEVERITIES) as DiagnosticCode[]).map((code) => {
    const { summary, section } = specOf(code);
    return [code, { summary, section }];
  }),
) as Record<DiagnosticCode, CodeDocs>);

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
