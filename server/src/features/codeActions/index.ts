import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Cancellation, FeatureContext } from '../context';
import { aliasNearMatchActions } from './aliasDiscovery';
import { counterSourceActions } from './counterSourceCandidates';
import { createActorActions } from './createActor';
import { importHintActions } from './importHints';
import { markSingleSourceActions } from './markSingleSource';
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
  const actions = [
    ...createActorActions(ctx, note, diagnostics),
    ...counterSourceActions(ctx, note, diagnostics, token),
    ...markSingleSourceActions(ctx, note, diagnostics),
    ...aliasNearMatchActions(ctx, note, diagnostics),
    ...importHintActions(ctx, note, diagnostics),
    ...wrapAliasActions(ctx, note, spanOfRange(note, range)),
  ];
  return token?.isCancellationRequested ? [] : actions;
}
