// Shared helpers for the real-VS-Code suite.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'counterpoint.counterpoint';

export function workspaceRoot(): string {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'a workspace folder is open');
  return folders[0].uri.fsPath;
}

/** Markdown files under <workspace>/<sub>, sorted. */
export function markdownFiles(sub: string): string[] {
  const dir = path.join(workspaceRoot(), sub);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
}

export function diagnosticCode(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** Polls cond() every 100 ms until it returns a truthy value, or fails after timeoutMs. */
export async function waitFor<T>(what: string, cond: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Resolves with the first [uri, diagnostic] whose diagnostic matches `pred`,
 * checking the current diagnostics first and then on every
 * onDidChangeDiagnostics event; rejects after timeoutMs.
 */
export function waitForDiagnostic(
  pred: (d: vscode.Diagnostic, uri: vscode.Uri) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<[vscode.Uri, vscode.Diagnostic]> {
  return new Promise((resolve, reject) => {
    const find = (): [vscode.Uri, vscode.Diagnostic] | undefined => {
      for (const [uri, diags] of vscode.languages.getDiagnostics()) {
        for (const d of diags) if (pred(d, uri)) return [uri, d];
      }
      return undefined;
    };
    const done = (r?: [vscode.Uri, vscode.Diagnostic], err?: Error) => {
      clearTimeout(timer);
      sub.dispose();
      if (r) resolve(r); else reject(err);
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      const r = find();
      if (r) done(r);
    });
    const timer = setTimeout(() => {
      const seen = vscode.languages.getDiagnostics()
        .flatMap(([uri, ds]) => ds.map((d) => `${path.basename(uri.fsPath)}: ${diagnosticCode(d)} ${d.message}`));
      done(undefined, new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics seen: ${seen.length ? '\n  ' + seen.join('\n  ') : 'none'}`));
    }, timeoutMs);
    const r = find();
    if (r) done(r);
  });
}
