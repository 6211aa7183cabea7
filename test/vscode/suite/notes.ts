// Helpers for driving the extension through VS Code's own API, as a user's editor does:
// open notes of the workspace (a copy of samples/), find positions by text, and run the
// providers of every extension at once (vscode.execute*Provider), ours and the built-in ones.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticCode, EXTENSION_ID, markdownFiles, waitFor, waitForDiagnostic, workspaceRoot } from './helpers';

export const NO_COUNTER_SOURCE = 'claim.no-counter-source';

export function noteUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...relativePath.split('/')));
}

/** The note's path relative to the workspace, with forward slashes (for messages and keys). */
export function relativePath(uri: vscode.Uri): string {
  return path.relative(workspaceRoot(), uri.fsPath).split(path.sep).join('/');
}

export async function openNote(relativePathOrUri: string | vscode.Uri): Promise<vscode.TextDocument> {
  const uri = typeof relativePathOrUri === 'string' ? noteUri(relativePathOrUri) : relativePathOrUri;
  return vscode.workspace.openTextDocument(uri);
}

/**
 * The position `at` characters into the `occurrence`-th (0-based) occurrence of `needle`
 * in the document; fails the test when the text is not there (the samples changed).
 */
export function positionOf(doc: vscode.TextDocument, needle: string, at = 0, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${relativePath(doc.uri)} contains ${JSON.stringify(needle)} (occurrence ${occurrence + 1})`);
  }
  return doc.positionAt(index + at);
}

/**
 * Activates the extension and waits until its server has indexed the whole workspace: it
 * publishes diagnostics only then, so the first claim.no-counter-source marks that point.
 */
export async function counterpointReady(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is present`);
  const articles = markdownFiles('articles');
  assert.ok(articles.length > 0, 'the workspace has articles/*.md');
  for (const file of articles) await vscode.workspace.openTextDocument(file);
  await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 20_000);
  await waitForDiagnostic((d) => diagnosticCode(d) === NO_COUNTER_SOURCE, 'the first claim.no-counter-source diagnostic (index ready)', 30_000);
}

/** The language client the extension's activate() returns, to ask our server alone. */
export function counterpointClient(): { sendRequest(method: string, params: unknown): Promise<unknown> } {
  const ext = vscode.extensions.getExtension<{ client?: { sendRequest(method: string, params: unknown): Promise<unknown> } }>(EXTENSION_ID);
  const client = ext?.exports?.client;
  assert.ok(client, 'the extension API exposes its language client');
  return client;
}

/** What our server alone answers for a text-document request at a position (bypassing every other provider). */
export async function askServer(method: string, doc: vscode.TextDocument, position: vscode.Position, extra: object = {}): Promise<unknown> {
  return counterpointClient().sendRequest(method, {
    textDocument: { uri: doc.uri.toString() },
    position: { line: position.line, character: position.character },
    ...extra,
  });
}

interface LspLocation { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
interface LspLocationLink { targetUri: string; targetSelectionRange: LspLocation['range'] }

/** Our server's own answer to a definition or references request, as VS Code locations (duplicates kept). */
export async function serverLocations(method: 'textDocument/definition' | 'textDocument/references', doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
  const extra = method === 'textDocument/references' ? { context: { includeDeclaration: true } } : {};
  const answer = await askServer(method, doc, position, extra);
  const list = (Array.isArray(answer) ? answer : answer ? [answer] : []) as (LspLocation | LspLocationLink)[];
  return list.map((l) => {
    const [uri, range] = 'targetUri' in l ? [l.targetUri, l.targetSelectionRange] : [l.uri, l.range];
    return new vscode.Location(vscode.Uri.parse(uri), new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  });
}

// ---- providers of all extensions, as the editor runs them ----

export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))).join('\n\n');
}

/** The markdown of every hover every extension gives at the position. */
export async function hoversAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  return (hovers ?? []).map(hoverText);
}

/** Whether a hover is one of Counterpoint's: an actor's, a claim's, or an unknown actor's. */
export function isCounterpointHover(markdown: string): boolean {
  return /\*\*Cross-source context\*\*|^\*\*Claim [^*]+\*\*|\*\*Unknown actor\*\*/m.test(markdown);
}

export async function counterpointHoverAt(doc: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const ours = (await hoversAt(doc, position)).filter(isCounterpointHover);
  assert.strictEqual(ours.length, 1, `exactly one Counterpoint hover at ${relativePath(doc.uri)}:${position.line + 1}:${position.character + 1}; got ${ours.length}`);
  return ours[0];
}

function asLocation(l: vscode.Location | vscode.LocationLink): vscode.Location {
  return 'targetUri' in l ? new vscode.Location(l.targetUri, l.targetSelectionRange ?? l.targetRange) : l;
}

export async function definitionsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, position);
  return (found ?? []).map(asLocation);
}

export async function referencesAt(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[]> {
  const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position);
  return found ?? [];
}

/** "articles/x.md:12:5-12:12" (1-based lines and columns): a location as one comparable string. */
export function locationKey(location: vscode.Location): string {
  const { start, end } = location.range;
  return `${relativePath(location.uri)}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** Keys that occur more than once in the list. */
export function duplicates(locations: readonly vscode.Location[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const key of locations.map(locationKey)) (seen.has(key) ? twice : seen).add(key);
  return [...twice];
}

// ---- diagnostics ----

export function diagnosticsOf(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => code === undefined || diagnosticCode(d) === code);
}

/** Every [uri, diagnostic] of the workspace with the code, in path then position order. */
export function allDiagnostics(code: string): [vscode.Uri, vscode.Diagnostic][] {
  const result: [vscode.Uri, vscode.Diagnostic][] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const d of diagnostics) if (diagnosticCode(d) === code) result.push([uri, d]);
  }
  return result.sort(([a, x], [b, y]) => a.fsPath.localeCompare(b.fsPath) || x.range.start.compareTo(y.range.start));
}

/**
 * Resolves once cond() holds, checking now and on every onDidChangeDiagnostics event;
 * rejects after timeoutMs with `describe()` in the message.
 */
export function waitForDiagnosticsState(what: string, cond: () => boolean, describe: () => string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      sub.dispose();
      if (error) reject(error); else resolve();
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => { if (cond()) finish(); });
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${describe()}`)), timeoutMs);
    if (cond()) finish();
  });
}

export async function codeActionsFor(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}
