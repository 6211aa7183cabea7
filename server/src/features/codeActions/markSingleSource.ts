import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { SINGLE_SOURCE_CLASS } from '../../syntax/markdown';
import { type Note } from '../../syntax/note';
import type { FeatureContext } from '../context';
import { claimLackingCounterSource } from './claimDiagnostic';
import { diagnosticsWithCode, documentEdit, insertAt } from './shared';

/** Quick fix for `claim.no-counter-source`: add `.single-source` to the claim's attribute block. */
export function markSingleSourceActions(ctx: FeatureContext, note: Note, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnosticsWithCode(diagnostics, 'claim.no-counter-source')) {
    const claim = claimLackingCounterSource(ctx.workspace, note, diagnostic);
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
