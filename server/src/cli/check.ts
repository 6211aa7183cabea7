import * as path from 'node:path';
import type { Workspace } from '../model/workspace';
import { VERDICTS, workspaceVerdicts, type Verdict } from '../rules/claimVerdicts';
import { DEFAULT_SEVERITIES, noteDiagnostics } from '../rules/registry';
import { githubCommand, sarifLog, textLine, type CheckRow } from './checkFormats';
import type { CliCommand } from './command';
import { UsageError, loadWorkspaces } from './workspace';
import { plural } from '../syntax/plural';
import { jsonText, print, printError } from './output';
import { oneLine } from '../syntax/sanitize';

function diagnosticRows(workspace: Workspace, root: string, configProblems: { message: string; line: number }[]): CheckRow[] {
  const configPath = path.relative(process.cwd(), path.join(root, 'counterpoint.yaml'));
  const rows: CheckRow[] = configProblems.map((p) => ({
    path: configPath, line: p.line + 1, column: 1, endLine: p.line + 1, endColumn: 1, severity: DEFAULT_SEVERITIES['config.invalid'], code: 'config.invalid', message: oneLine(p.message),
  }));
  const notes = [...workspace.notes()].sort((a, b) => a.path.localeCompare(b.path));
  for (const note of notes) {
    for (const d of noteDiagnostics(workspace, note.uri)) {
      const range = note.lines.rangeOf(d.span);
      rows.push({
        path: path.relative(process.cwd(), path.join(root, note.path)) || note.path,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      });
    }
  }
  return rows;
}

const SEVERITY_ORDER = ['hint', 'information', 'warning', 'error'];
const FAIL_ON = ['error', 'warning', 'information'];

/** Why the check fails, or undefined when it passes. */
function failure(counts: Record<string, number>, failOn: string, maxWarnings: number | undefined): string | undefined {
  const failing = SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(failOn)).filter((severity) => counts[severity] > 0);
  if (failing.length > 0) return `${failing.reverse().map((severity) => plural(counts[severity], severity, severity === 'information' ? severity : undefined)).join(', ')} (--fail-on ${failOn})`;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) return `${counts.warning} warnings, more than --max-warnings ${maxWarnings}`;
  return undefined;
}

function parseOptions(options: Record<string, string>): { failOn: string; maxWarnings: number | undefined } {
  const failOn = options['fail-on'] ?? 'error';
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}.`);
  const max = options['max-warnings'];
  if (max !== undefined && !/^\d{1,9}$/.test(max)) throw new UsageError('--max-warnings needs a whole number of 0 or more.');
  return { failOn, maxWarnings: max === undefined ? undefined : Number(max) };
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage: ['check [folder] [--format text|json|sarif|github] [--fail-on error|warning|information] [--max-warnings N] [--hints]   print every diagnostic; exit 1 when the check fails'],
  help: [
    'Checks every note of the folder (the current one by default) and prints what it finds. A folder holding',
    'several Counterpoint workspaces (folders with a counterpoint.yaml, or actors/) checks each with its own config.',
    '',
    'Options:',
    '  --format text      path:line:col severity code message, one diagnostic a line, then a summary (the default)',
    '  --format json      { summary, diagnostics } as JSON',
    '  --format sarif     a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers',
    '  --format github    GitHub Actions workflow commands: each diagnostic becomes an annotation on its line',
    '  --fail-on LEVEL    fail when any diagnostic is LEVEL or more severe: error (the default), warning or information',
    '  --max-warnings N   fail when there are more than N warnings',
    '  --hints            also print the hints (suggestions such as actor.candidate), which never fail the check',
    '',
    'Exit codes:',
    '  0  the check passes',
    '  1  the check fails: a diagnostic at the --fail-on level or above, or more warnings than --max-warnings',
    '  2  the command could not run: a wrong option, or a folder that does not exist',
    '',
    "Severities are the built-in defaults, changed by the `rules` of the folder's counterpoint.yaml.",
  ],
  formats: ['text', 'json', 'sarif', 'github'],
  options: ['fail-on', 'max-warnings'],
  flags: ['hints'],
  maxPositional: 1,
  async run({ positional, format, options, flags }) {
    const { failOn, maxWarnings } = parseOptions(options);
    // A folder may hold several workspaces (notes in subfolders, each with its own config): each is checked on its own.
    const workspaces = await loadWorkspaces(positional[0] ?? '.');
    const all = workspaces.flatMap(({ workspace, root, configProblems }) => diagnosticRows(workspace, root, configProblems));
    // Hints are suggestions to accept or dismiss in the editor (actor and claim candidates), not problems to list.
    const rows = flags.has('hints') ? all : all.filter((r) => r.severity !== 'hint');
    const hidden = all.length - rows.length;
    const count = (severity: string) => all.filter((r) => r.severity === severity).length;
    const total = (measure: (workspace: Workspace) => number) => workspaces.reduce((sum, loaded) => sum + measure(loaded.workspace), 0);
    const summary = {
      notes: total((w) => w.size), actors: total((w) => w.actors().length), claimKeys: total((w) => w.claimKeys().length),
      errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint'),
      verdicts: sumVerdicts(workspaces.map((loaded) => workspaceVerdicts(loaded.workspace)!)),
    };
    const failed = failure({ error: summary.errors, warning: summary.warnings, information: summary.information }, failOn, maxWarnings);
    if (format === 'json') {
      print(`${jsonText({ summary, diagnostics: rows })}\n`);
    } else if (format === 'sarif') {
      print(`${jsonText(sarifLog(rows, process.cwd()))}\n`);
    } else if (format === 'github') {
      for (const r of rows) print(`${githubCommand(r)}\n`);
    } else {
      for (const r of rows) print(`${textLine(r)}\n`);
      const hints = hidden > 0 ? `${plural(hidden, 'hint')} not shown (--hints shows them)` : plural(summary.hints, 'hint');
      const where = workspaces.length > 1 ? `${workspaces.length} workspaces, ` : '';
      print(`${where}${summary.notes} notes (${summary.actors} actors, ${summary.claimKeys} claim keys): ${summary.errors} errors, ${summary.warnings} warnings, ${summary.information} information, ${hints}.\n`);
      const occurrences = VERDICTS.reduce((sum, verdict) => sum + summary.verdicts[verdict], 0);
      print(`Claim occurrences: ${occurrences}; ${VERDICTS.map((verdict) => `${summary.verdicts[verdict]} ${verdict}`).join(', ')}.\n`);
    }
    if (failed) printError(`counterpoint check failed: ${failed}.\n`);
    return failed ? 1 : 0;
  },
};

function sumVerdicts(counts: readonly Record<Verdict, number>[]): Record<Verdict, number> {
  const total = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const count of counts) for (const verdict of VERDICTS) total[verdict] += count[verdict];
  return total;
}
