// The facade over every feature: what the LSP server (and any other host) calls. Each method answers one kind of
// request from the workspace model as it is now, and takes a cancellation token: a long answer stops when the editor
// no longer wants it (and returns what it has, or nothing).
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, Position, Range, SemanticTokens, WorkspaceEdit, WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { ClaimMatrix, ImportArticleParams, ImportArticleResult, NewWorkspaceFiles } from '../../shared/src/protocol';
import { provideCodeActions } from './features/codeActions/index';
import { provideCodeLenses } from './features/codeLens';
import { provideCompletions } from './features/completion';
import { NEVER_CANCELLED, type Cancellation, type FeatureContext } from './features/context';
import { provideDefinition } from './features/definition';
import { configDiagnostics, provideDiagnostics } from './features/diagnostics';
import { provideHover, warmActorHovers } from './features/hover';
import { importArticleEdit } from './features/importArticle';
import { newWorkspaceFiles } from './scaffold/newWorkspace';
import { provideReferences } from './features/references';
import { prepareRename, provideRename, type RenameRefusal } from './features/rename';
import { provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols, provideWorkspaceSymbols } from './features/symbols';
import type { ConfigProblem } from './model/config';
import { buildClaimMatrix, renderMatrixMarkdown } from './render/claimMatrix';
import { escapeMarkdown } from './render/markdownText';
import type { DiagnosticsOptions } from './rules/registry';

/** Every request a host can ask of Counterpoint, for notes of the workspace model it was made with. */
export interface LanguageService {
  /** What every feature works on: the workspace model, the feature settings, the versions of open documents. */
  readonly context: FeatureContext;
  /** A note's diagnostics as LSP diagnostics, hints only if asked, those that need every note left out while indexing. */
  diagnostics(uri: string, options?: DiagnosticsOptions, token?: Cancellation): Diagnostic[];
  /** `counterpoint.yaml`'s problems, each an error on its line. */
  configDiagnostics(problems: readonly ConfigProblem[], token?: Cancellation): Diagnostic[];
  /** What is under the cursor, explained: an actor (its sources by perspective), a claim (its verdict), a field. */
  hover(uri: string, position: Position, token?: Cancellation): Hover | undefined;
  /** Works out ahead, for at most `budgetMs`, the hovers of the actors a note mentions; true when all are done. */
  warmHovers(uri: string, budgetMs?: number, token?: Cancellation): boolean;
  /** Where the actor, note or claim under the cursor is defined. */
  definition(uri: string, position: Position, token?: Cancellation): Location[];
  /** Every mention of the actor, or every occurrence of the claim key, under the cursor. */
  references(uri: string, position: Position, includeDeclaration: boolean, token?: Cancellation): Location[];
  /** The range and placeholder of what a rename at the cursor would rename, or why nothing can be. */
  prepareRename(uri: string, position: Position, token?: Cancellation): { range: Range; placeholder: string } | RenameRefusal;
  /** The edits that rename an actor id or a claim key everywhere, or why they cannot; stops when cancelled. */
  rename(uri: string, position: Position, newName: string, token?: Cancellation): WorkspaceEdit | RenameRefusal;
  /** Actor ids and aliases in wiki links and `by=`, claim keys, stances and frontmatter values. */
  completions(uri: string, position: Position, token?: Cancellation): CompletionItem[];
  /** Quick fixes for the diagnostics given, and refactors for the range. */
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], token?: Cancellation): CodeAction[];
  /** A lens per claim: how many outlets and perspectives carry its key, and its verdict. */
  codeLenses(uri: string, token?: Cancellation): CodeLens[];
  /** The note's outline: headings, actors mentioned, claims. */
  documentSymbols(uri: string, token?: Cancellation): DocumentSymbol[];
  /** Actors and claim keys whose names match the query. */
  workspaceSymbols(query: string, token?: Cancellation): WorkspaceSymbol[];
  /** Semantic tokens of mentions and claim parts, for editors without the TextMate grammar. */
  semanticTokens(uri: string, token?: Cancellation): SemanticTokens;
  /** A raw article as a note: the edit that creates it, in the first article folder of the root it belongs to. */
  importArticle(params: ImportArticleParams, roots: readonly string[], token?: Cancellation): ImportArticleResult;
  /** The files of a new workspace (config, folders, a first article and actor), for the client to create where missing. */
  newWorkspaceFiles(token?: Cancellation): NewWorkspaceFiles;
  /** Claims against outlets, grouped by perspective, as data and markdown; stops (with what it has) when cancelled. */
  claimMatrix(token?: Cancellation): ClaimMatrix;
}

export function createLanguageService(ctx: FeatureContext): LanguageService {
  return {
    context: ctx,
    diagnostics: (uri, options) => provideDiagnostics(ctx, uri, options),
    configDiagnostics: (problems) => configDiagnostics(problems),
    hover: (uri, position, token = NEVER_CANCELLED) => provideHover(ctx, uri, position, token),
    warmHovers: (uri, budgetMs) => warmActorHovers(ctx, uri, budgetMs),
    definition: (uri, position) => provideDefinition(ctx, uri, position),
    references: (uri, position, includeDeclaration, token = NEVER_CANCELLED) => provideReferences(ctx, uri, position, includeDeclaration, token),
    prepareRename: (uri, position) => prepareRename(ctx, uri, position),
    rename: (uri, position, newName, token = NEVER_CANCELLED) => provideRename(ctx, uri, position, newName, token),
    completions: (uri, position) => provideCompletions(ctx, uri, position),
    codeActions: (uri, range, diagnostics, token = NEVER_CANCELLED) => provideCodeActions(ctx, uri, range, diagnostics, token),
    codeLenses: (uri) => provideCodeLenses(ctx, uri),
    documentSymbols: (uri) => provideDocumentSymbols(ctx, uri),
    workspaceSymbols: (query, token = NEVER_CANCELLED) => provideWorkspaceSymbols(ctx, query, token),
    semanticTokens: (uri) => provideSemanticTokens(ctx, uri),
    importArticle: (params, roots) => importArticleEdit(ctx, params, roots),
    newWorkspaceFiles: () => ({ files: newWorkspaceFiles() }),
    claimMatrix: (token = NEVER_CANCELLED) => {
      const matrix = buildClaimMatrix(ctx.workspace, token);
      return {
        markdown: renderMatrixMarkdown(matrix, escapeMarkdown),
        perspectives: matrix.perspectives,
        rows: matrix.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, stance: cell.stances.join('/') })) })),
      };
    },
  };
}
