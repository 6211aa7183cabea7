import type { DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Cancellation, FeatureContext } from './context';
// Replaced by the feature's implementation.
export function provideDocumentSymbols(ctx: FeatureContext, uri: string): DocumentSymbol[] {
  throw new Error('not implemented');
}
export function provideWorkspaceSymbols(ctx: FeatureContext, query: string, token?: Cancellation): WorkspaceSymbol[] {
  throw new Error('not implemented');
}
