// The output formats of `counterpoint check` other than JSON: one line per diagnostic for people, SARIF 2.1.0 for
// code scanning, and GitHub workflow commands for annotations. Messages carry text from notes, which come from the
// web: no format lets that text start a line of its own, so nothing in a note can pose as a workflow command.
import { pathToFileURL } from 'node:url';
import { REPOSITORY_URL } from '../../../shared/src/projectLinks';
import { documentedCodes } from '../rules/codeDocs';
import type { Severity } from '../syntax/diagnostics';
import { COUNTERPOINT_VERSION } from '../../../shared/src/version';

/** One diagnostic as `check` reports it: a path relative to the current folder, 1-based lines and columns. */
export interface CheckRow {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const TOOL_VERSION = COUNTERPOINT_VERSION;

/** Line and paragraph separators, and the other control characters but the tab. */
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;

/** The message on one line: line breaks and control characters become spaces. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, ' ');
}

export function textLine(row: CheckRow): string {
  return `${row.path}:${row.line}:${row.column} ${row.severity} ${row.code} ${oneLine(row.message)}`;
}

// ---- GitHub workflow commands --------------------------------------------------------------------------------

const GITHUB_COMMAND: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** The value of a workflow command (after `::`): `%`, CR and LF percent-encoded, as the runner decodes them. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(LINE_BREAKING, ' ');
}

/** A property of a workflow command: as a value, and `:` and `,` encoded too, so it cannot end the properties. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubCommand(row: CheckRow): string {
  const properties = [
    `file=${escapeGithubProperty(row.path.split('\\').join('/'))}`,
    `line=${row.line}`,
    `endLine=${row.endLine}`,
    `col=${row.column}`,
    `endColumn=${row.endColumn}`,
    `title=${escapeGithubProperty(`Counterpoint ${row.code}`)}`,
  ];
  return `::${GITHUB_COMMAND[row.severity] ?? 'notice'} ${properties.join(',')}::${escapeGithubData(row.message)}`;
}

// ---- SARIF 2.1.0 ------------------------------------------------------------------------------------------------

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The rules, one per diagnostic code with its default severity and documentation; results refer to them. */
function sarifRules() {
  return documentedCodes().map(({ code, severity, docs, href }) => ({
    id: code,
    name: code.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toUpperCase()),
    shortDescription: { text: docs.summary },
    fullDescription: { text: docs.summary },
    helpUri: href,
    help: { text: `${docs.summary} How to fix it: ${href}`, markdown: `${docs.summary} [How to fix it](${href}).` },
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
    properties: { tags: ['counterpoint', code.split('.')[0]] },
  }));
}

/** A path as a relative URI reference: `/` separators, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split(/[\\/]/).map((segment) => encodeURIComponent(segment)).join('/');
}

/** The SARIF log of a check: paths relative to `%SRCROOT%`, the folder `check` ran in. */
export function sarifLog(rows: CheckRow[], currentFolder: string): object {
  const rules = sarifRules();
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Counterpoint', version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: REPOSITORY_URL, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(currentFolder).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true }],
      results: rows.map((row) => ({
        ruleId: row.code,
        ...(ruleIndex.has(row.code) ? { ruleIndex: ruleIndex.get(row.code) } : {}),
        level: SARIF_LEVEL[row.severity as Severity] ?? 'note',
        message: { text: row.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: relativeUri(row.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn },
          },
        }],
      })),
    }],
  };
}
