// Applies LSP text edits and workspace edits to plain strings, as an editor would, so tests can assert on the resulting text.
// Written independently of the core's LineMap on purpose: it is the oracle the features' ranges are checked against.
import type { CreateFile, DeleteFile, Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

/** Offset (UTF-16) of an LSP position; line ends are \n, \r\n or \r as in LSP. Positions past a line's end clamp to it, as LSP says. */
export function offsetOf(text: string, position: Position): number {
  let lineStart = 0;
  for (let line = 0; line < position.line; line++) {
    const next = nextLineStart(text, lineStart);
    if (next < 0) return text.length;
    lineStart = next;
  }
  const lineEnd = lineContentEnd(text, lineStart);
  return Math.min(lineStart + position.character, lineEnd);
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\n') return i + 1;
    if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return -1;
}

function lineContentEnd(text: string, lineStart: number): number {
  let i = lineStart;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The text an LSP range covers. */
export function textAt(text: string, range: Range): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/**
 * Applies edits that all refer to the original text (LSP semantics). Inserts at the same position keep their given order.
 * Throws on overlapping edits, which an editor rejects.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const resolved = edits
    .map((edit, index) => ({ start: offsetOf(text, edit.range.start), end: offsetOf(text, edit.range.end), newText: edit.newText, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const edit of resolved) {
    if (edit.end < edit.start) throw new Error(`edit ${edit.index} has its end before its start`);
    if (edit.start < cursor) throw new Error(`edit ${edit.index} overlaps an earlier edit (starts at ${edit.start}, previous ends at ${cursor})`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

export interface ApplyWorkspaceEditOptions {
  /** Editor versions of open documents; a TextDocumentEdit with a non-null version must match (null: the file on disk). */
  versions?: Record<string, number | null>;
}

type DocumentChange = TextDocumentEdit | CreateFile | RenameFile | DeleteFile;

/**
 * The files after applying a WorkspaceEdit: `documentChanges` in order (TextDocumentEdit, CreateFile, RenameFile, DeleteFile,
 * with their options), else `changes`. Files are keyed by URI; the input map is not modified. Throws where an editor would fail:
 * editing a missing file, creating or renaming onto an existing file without overwrite, deleting a missing file, a version mismatch.
 * Folder URIs are not modelled: deleting a URI deletes that file and, with `recursive`, files under `uri/`.
 */
export function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit, options: ApplyWorkspaceEditOptions = {}): Record<string, string> {
  const result: Record<string, string> = { ...files };
  if (edit.documentChanges) {
    for (const change of edit.documentChanges as DocumentChange[]) applyDocumentChange(result, change, options);
  } else if (edit.changes) {
    for (const [uri, edits] of Object.entries(edit.changes)) editFile(result, uri, edits);
  }
  return result;
}

function applyDocumentChange(files: Record<string, string>, change: DocumentChange, options: ApplyWorkspaceEditOptions): void {
  if ('textDocument' in change) {
    checkVersion(change, options);
    editFile(files, change.textDocument.uri, change.edits as TextEdit[]);
    return;
  }
  switch (change.kind) {
    case 'create': return createFile(files, change);
    case 'rename': return renameFile(files, change);
    case 'delete': return deleteFile(files, change);
  }
}

function checkVersion(change: TextDocumentEdit, options: ApplyWorkspaceEditOptions): void {
  const { uri, version } = change.textDocument;
  if (version === null || options.versions === undefined) return;
  const current = options.versions[uri] ?? null;
  if (current !== version) throw new Error(`version mismatch for ${uri}: edit is for ${version}, document is at ${current}`);
}

function editFile(files: Record<string, string>, uri: string, edits: readonly TextEdit[]): void {
  if (!has(files, uri)) throw new Error(`cannot edit ${uri}: no such file`);
  files[uri] = applyTextEdits(files[uri], edits);
}

function createFile(files: Record<string, string>, change: CreateFile): void {
  if (has(files, change.uri)) {
    if (change.options?.overwrite) files[change.uri] = '';
    else if (!change.options?.ignoreIfExists) throw new Error(`cannot create ${change.uri}: it exists`);
    return;
  }
  files[change.uri] = '';
}

function renameFile(files: Record<string, string>, change: RenameFile): void {
  if (!has(files, change.oldUri)) throw new Error(`cannot rename ${change.oldUri}: no such file`);
  if (change.oldUri === change.newUri) return;
  if (has(files, change.newUri)) {
    if (change.options?.ignoreIfExists && !change.options?.overwrite) return;
    if (!change.options?.overwrite) throw new Error(`cannot rename ${change.oldUri} to ${change.newUri}: target exists`);
  }
  files[change.newUri] = files[change.oldUri];
  delete files[change.oldUri];
}

function deleteFile(files: Record<string, string>, change: DeleteFile): void {
  const nested = Object.keys(files).filter((uri) => uri.startsWith(`${change.uri.replace(/\/$/, '')}/`));
  if (nested.length > 0) {
    if (!change.options?.recursive) throw new Error(`cannot delete ${change.uri}: not empty (recursive not set)`);
    for (const uri of nested) delete files[uri];
  }
  if (has(files, change.uri)) delete files[change.uri];
  else if (nested.length === 0 && !change.options?.ignoreIfNotExists) throw new Error(`cannot delete ${change.uri}: no such file`);
}

function has(files: Record<string, string>, uri: string): boolean {
  return Object.prototype.hasOwnProperty.call(files, uri);
}
