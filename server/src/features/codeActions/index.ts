import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Cancellation, FeatureContext } from '../context';
import { quickFixes } from './fixes';
import { spanOfRange } from './shared';
import { wrapAliasActions } from './wrapAlias';

/**
 * Code actions for a range of a note: quick fixes for the Counterpoint diagnostics given
 * (each re-checked against the workspace, as a diagnostic may be stale), and refactors
 * for what the range touches.
 */
export function provideCodeActions(ctx: FeatureContext, uri: string, range: Range, diagnostics: Diagnostic[], token?: Cancellation): CodeAction[] {
  const note = ctx.workspace.getNote(uri);
  if (!note) return [];
  const actions = [...quickFixes(ctx, note, diagnostics, token), ...wrapAliasActions(ctx, note, spanOfRange(note, range))];
  return token?.isCancellationRequested ? [] : actions;
}
