// The facade over every feature: what the LSP server (and any other host) calls.
import type { Position, Range, Diagnostic } from 'vscode-languageserver-types';
import type { ConfigProblem } from './model/config';
import type { Cancellation } from './model/workspace';
import type { DiagnosticsOptions } from './rules/registry';
import { buildClaimMatrix, renderMatrixMarkdown } from './render/claimMatrix';
import type { ClaimMatrix, ImportArticleParams, NewWorkspaceFiles } from '../../shared/src/protocol';
import { provideCodeActions } from './features/codeActions/index';
import { provideCodeLenses } from './features/codeLens';
import { provideCompletions } from './features/completion';
import type { FeatureContext } from './features/context';
import { provideDefinition } from './features/definition';
import { configDiagnostics, provideDiagnostics } from './features/diagnostics';
import { provideHover, warmActorHovers } from './features/hover';
import { importArticleEdit } from './features/importArticle';
import { newWorkspaceFiles } from './scaffold/newWorkspace';
import { escapeMarkdown } from './render/markdownText';
import { provideReferences } from './features/references';
import { prepareRename, provideRename } from './features/rename';
import { provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols, provideWorkspaceSymbols } from './features/symbols';

export function createLanguageService(ctx: FeatureContext) {
  return {
    context: ctx,
    diagnostics: (uri: string, options?: DiagnosticsOptions) => provideDiagnostics(ctx, uri, options),
    configDiagnostics: (problems: readonly ConfigProblem[]) => configDiagnostics(problems),
    hover: (uri: string, position: Position, token?: Cancellation) => provideHover(ctx, uri, position, token),
    warmHovers: (uri: string, budgetMs?: number) => warmActorHovers(ctx, uri, budgetMs),
    definition: (uri: string, position: Position) => provideDefinition(ctx, uri, position),
    references: (uri: string, position: Position, includeDeclaration: boolean, token?: Cancellation) =>
      provideReferences(ctx, uri, position, includeDeclaration, token),
    prepareRename: (uri: string, position: Position) => prepareRename(ctx, uri, position),
    rename: (uri: string, position: Position, newName: string) => provideRename(ctx, uri, position, newName),
    completions: (uri: string, position: Position) => provideCompletions(ctx, uri, position),
    codeActions: (uri: string, range: Range, diagnostics: Diagnostic[], token?: Cancellation) =>
      provideCodeActions(ctx, uri, range, diagnostics, token),
    codeLenses: (uri: string) => provideCodeLenses(ctx, uri),
    documentSymbols: (uri: string) => provideDocumentSymbols(ctx, uri),
    workspaceSymbols: (query: string, token?: Cancellation) => provideWorkspaceSymbols(ctx, query, token),
    semanticTokens: (uri: string) => provideSemanticTokens(ctx, uri),
    importArticle: (params: ImportArticleParams, roots: readonly string[]) => importArticleEdit(ctx, params, roots),
    newWorkspaceFiles: (): NewWorkspaceFiles => ({ files: newWorkspaceFiles() }),
    claimMatrix: (): ClaimMatrix => {
      const matrix = buildClaimMatrix(ctx.workspace);
      return {
        markdown: renderMatrixMarkdown(matrix, escapeMarkdown),
        perspectives: matrix.perspectives,
        rows: matrix.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, stance: cell.stances.join('/') })) })),
      };
    },
  };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
