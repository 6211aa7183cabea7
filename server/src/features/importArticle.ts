import type { CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { describeImport, hasFrontmatter, importArticle } from '../import/importArticle';
import type { ImportArticleParams, ImportArticleResult } from '../../../shared/src/protocol';
import type { FeatureContext } from './context';

/**
 * The edit that imports a raw article text as a new note in the workspace folder of the text (or the first folder):
 * a file created with `overwrite: false`, holding the note. Refuses, with the reason, a text that is already a note,
 * a workspace without a folder, and a note that exists already (import never overwrites).
 */
export function importArticleEdit(ctx: FeatureContext, params: ImportArticleParams, roots: readonly string[]): ImportArticleResult {
  if (typeof params?.text !== 'string' || typeof params.uri !== 'string') return { error: 'Nothing to import: the request has no text.' };
  if (hasFrontmatter(params.text)) return { error: 'This text already has frontmatter: it is a note, not a raw article. Nothing was imported.' };
  if (params.text.trim() === '') return { error: 'The text is empty. Nothing was imported.' };
  const root = roots.find((r) => params.uri.startsWith(r.endsWith('/') ? r : `${r}/`)) ?? roots[0];
  if (!root) return { error: 'Open a workspace folder first: the note is written into its article folder.' };
  const source = decodeURIComponent(params.uri.slice(params.uri.lastIndexOf('/') + 1)) || undefined;
  const imported = importArticle(params.text, ctx.workspace, { source });
  const uri = `${root.replace(/\/+$/, '')}/${imported.path.split('/').map(encodeURIComponent).join('/')}`;
  const lower = uri.toLowerCase();
  if ([...ctx.workspace.notes()].some((note) => note.uri.toLowerCase() === lower)) {
    return { error: `${imported.path} already exists, and import never overwrites a note. Rename or move that note, then import again.` };
  }
  const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } };
  const start = { line: 0, character: 0 };
  const write: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: imported.markdown }] };
  const edit: WorkspaceEdit = { documentChanges: [create, write] };
  return { uri, path: imported.path, edit, hints: imported.hints.length, summary: `Imported as ${imported.path}: ${describeImport(imported)}.` };
}
