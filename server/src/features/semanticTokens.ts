import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { FeatureContext } from './context';
// Replaced by the feature's implementation.
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [], tokenModifiers: [] };
export function provideSemanticTokens(ctx: FeatureContext, uri: string): SemanticTokens {
  throw new Error('not implemented');
}
