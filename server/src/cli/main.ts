// counterpoint: check a folder of notes, or print its cross-source claim matrix.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { Workspace, buildClaimMatrix, renderMatrixMarkdown, renderMatrixText, type CoreDiagnostic } from '../core';
import { findNotes, loadConfig, readNote, uriOfPath } from '../node/files';

const USAGE = `Usage:
  counterpoint check [folder] [--format text|json]   print every diagnostic; exit 1 when there are errors
  counterpoint report [folder] [--format text|markdown|json]   print the claim matrix
  counterpoint --help | --version

The folder defaults to the current one. Its counterpoint.yaml, if any, sets the folders,
the perspectives and the rules' severities.`;

interface Options {
  command: string;
  folder: string;
  format: string;
}

function parseArgs(argv: string[]): Options | string {
  const positional: string[] = [];
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') format = argv[++i] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg.startsWith('-')) return `Unknown option ${arg}.`;
    else positional.push(arg);
  }
  const [command, folder = '.', ...rest] = positional;
  if (!command) return 'Missing command: check or report.';
  if (command !== 'check' && command !== 'report') return `Unknown command ${command}.`;
  if (rest.length > 0) return `Unexpected argument ${rest[0]}.`;
  const formats = command === 'check' ? ['text', 'json'] : ['text', 'markdown', 'json'];
  if (!formats.includes(format)) return `--format must be one of ${formats.join(', ')} for ${command}.`;
  return { command, folder, format };
}

async function loadWorkspace(folder: string): Promise<{ workspace: Workspace; root: string; configProblems: CoreDiagnostic[] }> {
  const root = path.resolve(folder);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${folder} is not a folder.`);
  const loaded = await loadConfig(root);
  const workspace = new Workspace([uriOfPath(root)], loaded.config);
  const files = await findNotes(root, (file, reason) => process.stderr.write(`skipped ${file}: ${reason}\n`));
  const showProgress = process.stderr.isTTY && files.length > 200;
  const texts: [string, string][] = [];
  for (const file of files) {
    const read = await readNote(file);
    if ('text' in read) texts.push([uriOfPath(file), read.text]);
    else process.stderr.write(`skipped ${file}: ${read.skipped}\n`);
    if (showProgress && texts.length % 100 === 0) process.stderr.write(`\rreading ${texts.length}/${files.length} notes`);
  }
  workspace.batch(() => {
    for (const [uri, text] of texts) workspace.upsert(uri, text);
  });
  if (showProgress) process.stderr.write(`\r${' '.repeat(40)}\r`);
  const configProblems = loaded.problems.map((p) => ({ code: 'config.invalid' as const, severity: 'error' as const, message: p.message, span: { start: p.line, end: p.line } }));
  return { workspace, root, configProblems };
}

class UsageError extends Error {}

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

function diagnosticRows(workspace: Workspace, root: string, configProblems: CoreDiagnostic[]): Row[] {
  const rows: Row[] = configProblems.map((d) => ({
    path: 'counterpoint.yaml', line: d.span.start + 1, column: 1, endLine: d.span.start + 1, endColumn: 1, severity: d.severity, code: d.code, message: d.message,
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

async function check(options: Options): Promise<number> {
  const { workspace, root, configProblems } = await loadWorkspace(options.folder);
  const rows = diagnosticRows(workspace, root, configProblems);
  const count = (severity: string) => rows.filter((r) => r.severity === severity).length;
  const summary = { notes: workspace.size, actors: workspace.actors().length, claimKeys: workspace.claimKeys().length, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') };
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ summary, diagnostics: rows }, null, 2)}\n`);
  } else {
    for (const r of rows) process.stdout.write(`${r.path}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
    process.stdout.write(`${summary.notes} notes (${summary.actors} actors, ${summary.claimKeys} claim keys): ${summary.errors} errors, ${summary.warnings} warnings, ${summary.information + summary.hints} notices.\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}

async function report(options: Options): Promise<number> {
  const { workspace } = await loadWorkspace(options.folder);
  const matrix = buildClaimMatrix(workspace);
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(matrix, null, 2)}\n`);
  else if (options.format === 'markdown') process.stdout.write(renderMatrixMarkdown(matrix, (t) => t.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`)));
  else process.stdout.write(renderMatrixText(matrix));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write('counterpoint 0.1.0\n');
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`counterpoint: ${options}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return options.command === 'check' ? await check(options) : await report(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`counterpoint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`counterpoint: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
