import * as path from 'node:path';
import type { Workspace } from '../model/workspace';
import type { CliCommand } from './command';
import { loadFolder } from './workspace';

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
    for (const d of workspace.diagnostics(note.uri)) {
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
    const { workspace, root, configProblems } = await loadFolder(positional[0] ?? '.');
    const all = diagnosticRows(workspace, root, configProblems);
    // Hints are suggestions to accept or dismiss in the editor (actor and claim candidates), not problems to list.
    const rows = flags.has('hints') ? all : all.filter((r) => r.severity !== 'hint');
    const hidden = all.length - rows.length;
    const count = (severity: string) => all.filter((r) => r.severity === severity).length;
    const summary = {
      notes: workspace.size, actors: workspace.actors().length, claimKeys: workspace.claimKeys().length,
      errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint'),
    };
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify({ summary, diagnostics: rows }, null, 2)}\n`);
    } else {
      for (const r of rows) process.stdout.write(`${r.path}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
      const notices = summary.information + summary.hints - hidden;
      const hiddenNote = hidden > 0 ? `; ${hidden} hint${hidden === 1 ? '' : 's'} not shown (--hints shows them)` : '';
      process.stdout.write(`${summary.notes} notes (${summary.actors} actors, ${summary.claimKeys} claim keys): ${summary.errors} errors, ${summary.warnings} warnings, ${notices} notices${hiddenNote}.\n`);
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
