import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { Cancellation, FeatureContext } from '../context';
// Replaced by the feature's implementation.
export function provideCodeActions(ctx: FeatureContext, uri: string, range: Range, diagnostics: Diagnostic[], token?: Cancellation): CodeAction[] {
  throw new Error('not implemented');
}
