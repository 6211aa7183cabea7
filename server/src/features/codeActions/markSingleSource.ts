import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { SINGLE_SOURCE_CLASS } from '../../syntax/markdown';
import { type Note } from '../../syntax/note';
import type { FeatureContext } from '../context';
import { claimLackingCounterSource } from './claimDiagnostic';
import { documentEdit, insertAt, type Found } from './shared';

/** Quick fix for `claim.no-counter-source`: add `.single-source` to the claim's attribute block. */
export function markSingleSourceActions(ctx: FeatureContext, note: Note, found: readonly Found<'claim.no-counter-source'>[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const one of found) {
    const { diagnostic } = one;
    const claim = claimLackingCounterSource(ctx.workspace, note, one);
    if (!claim) continue;
    const closingBrace = claim.attributesSpan.end - 1;
    const separator = /\s/.test(note.text[closingBrace - 1] ?? '') ? '' : ' ';
    actions.push({
      title: `Mark claim ${claim.key} as knowingly single-source`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { documentChanges: [documentEdit(ctx, note.uri, [insertAt(note, closingBrace, `${separator}.${SINGLE_SOURCE_CLASS}`)])] },
    });
  }
  return actions;
}
