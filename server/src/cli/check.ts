import * as path from 'node:path';
import type { Workspace } from '../model/workspace';
import { noteDiagnostics } from '../rules/registry';
import type { CliCommand } from './command';
import { loadWorkspaces } from './workspace';
import { plural } from '../render/plural';

interface Row {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

function diagnosticRows(workspace: Workspace, root: string, configProblems: { message: string; line: number }[]): Row[] {
  const configPath = path.relative(process.cwd(), path.join(root, 'counterpoint.yaml'));
  const rows: Row[] = configProblems.map((p) => ({
    path: configPath, line: p.line + 1, column: 1, endLine: p.line + 1, endColumn: 1, severity: 'error', code: 'config.invalid', message: p.message,
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

export const checkCommand: CliCommand = {
  name: 'check',
  usage: ['check [folder] [--format text|json] [--hints]   print every diagnostic (hints, the editor\'s suggestions, only with --hints); exit 1 when there are errors'],
  formats: ['text', 'json'],
  flags: ['hints'],
  maxPositional: 1,
  async run({ positional, format, flags }) {
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
    };
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify({ summary, diagnostics: rows }, null, 2)}\n`);
    } else {
      for (const r of rows) process.stdout.write(`${r.path}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
      const notices = summary.information + summary.hints - hidden;
      const hiddenNote = hidden > 0 ? `; ${plural(hidden, 'hint')} not shown (--hints shows them)` : '';
      const where = workspaces.length > 1 ? `${workspaces.length} workspaces, ` : '';
      process.stdout.write(`${where}${summary.notes} notes (${summary.actors} actors, ${summary.claimKeys} claim keys): ${summary.errors} errors, ${summary.warnings} warnings, ${notices} notices${hiddenNote}.\n`);
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
