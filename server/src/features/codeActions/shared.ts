// Small pieces every code action needs: ranges to offsets, reading a diagnostic's payload, building document edits.
import type { Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { Workspace } from '../../model/workspace';
import type { DiagnosticCode, PayloadOfCode } from '../../rules/registry';
import type { Note } from '../../syntax/note';
import { oneLine, shortLabel } from '../../syntax/sanitize';
import type { Span } from '../../syntax/text';
import type { FeatureContext } from '../context';

/** A diagnostic of one code as the editor sent it back, with its payload checked and typed (see fixes.ts). */
export interface Found<C extends DiagnosticCode> {
  diagnostic: Diagnostic;
  data: PayloadOfCode<C>;
}

export function spanOfRange(note: Note, range: Range): Span {
  const start = note.lines.offsetAt(range.start);
  const end = note.lines.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** Whether two spans share a character, or an empty span (a cursor) touches the other. */
export function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function documentEdit(ctx: FeatureContext, uri: string, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: ctx.documentVersion(uri) }, edits };
}

export function insertAt(note: Note, offset: number, text: string): TextEdit {
  const position = note.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText: text };
}

export function replaceSpan(note: Note, span: Span, text: string): TextEdit {
  return { range: note.lines.rangeOf(span), newText: text };
}

/**
 * Note text made fit for a one-line action title: control and bidi-override characters
 * dropped (they could disguise what the action does), blanks folded, shortened.
 */
export function titleText(text: string, max = 60): string {
  return shortLabel(text, max);
}

/** A name as a YAML scalar, in a block or a flow list: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(value: string): string {
  const clean = oneLine(value);
  const plain = /^\p{L}[\p{L}\p{M}\p{N} .'’()-]*$/u.test(clean) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(clean);
  return plain ? clean : JSON.stringify(clean);
}

/** The root folder a note belongs to: its URI without the segments of its workspace-relative path. */
export function workspaceRootOf(workspace: Workspace, uri: string): string {
  const depth = workspace.relativePath(uri).split('/').length;
  const parts = uri.split('/');
  return parts.slice(0, Math.max(1, parts.length - depth)).join('/');
}
