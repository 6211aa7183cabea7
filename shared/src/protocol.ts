// Every custom message between the Counterpoint client and server, typed in one place.
import { NotificationType, RequestType, RequestType0, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { ClaimMatrixData, MatrixCell, MatrixRow } from './claimMatrixData';

/** Client asks the server to drop its index and read every note of the workspace again. */
export const ReindexRequest = new RequestType0<ReindexResult, void>('counterpoint/reindex');
export interface ReindexResult {
  notes: number;
  milliseconds: number;
}

/**
 * The cross-source claim matrix of one workspace, as markdown (for clients without a view of their own) and as data:
 * the workspace holding `uri` (the note being edited), else that of an open note, else the first with claims.
 */
export const ClaimMatrixRequest = new RequestType<ClaimMatrixParams | undefined | null, ClaimMatrix, void>('counterpoint/claimMatrix');
export interface ClaimMatrixParams {
  uri?: string;
}
export interface ClaimMatrix extends ClaimMatrixData {
  markdown: string;
  rows: ClaimMatrixRow[];
}
export interface ClaimMatrixRow extends MatrixRow {
  /** outlet -> stance, with the note and line of the first occurrence in that outlet, and every occurrence. */
  cells: ClaimMatrixCell[];
}
export interface ClaimMatrixCell extends MatrixCell {
  /** The outlet's stances joined by `/` (`asserts/reports`). */
  stance: string;
}

/** Server tells the client how indexing is going (for the status bar). */
export const IndexStatusNotification = new NotificationType<IndexStatus>('counterpoint/indexStatus');
export interface IndexStatus {
  state: 'indexing' | 'ready';
  notes: number;
  actors: number;
  claims: number;
}

/**
 * A diagnostics aid, not used by the editor: the server process's memory, measured after a full garbage collection
 * when the server runs with `node --expose-gc` (`collected` says whether it could). `bench/memory.ts` reads it.
 */
export const MemoryUsageRequest = new RequestType0<MemoryUsage, void>('counterpoint/memoryUsage');
export interface MemoryUsage {
  collected: boolean;
  /** Bytes, as process.memoryUsage() gives them. */
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

/**
 * Client asks the server to import a raw article text (the active editor's) as a new article note. The server
 * answers with the edit that creates the note (never over an existing file), or with why it will not.
 */
export const ImportArticleRequest = new RequestType<ImportArticleParams, ImportArticleResult, void>('counterpoint/importArticle');
export interface ImportArticleParams {
  /** The text's document: its file name is named in the note, and its workspace folder receives the note. */
  uri: string;
  text: string;
}
export type ImportArticleResult =
  | {
    /** The new note. */
    uri: string;
    /** Its path in the workspace, e.g. `articles/kazakhstans-new-course.md`. */
    path: string;
    /** Creates the note (`overwrite: false`) and writes its text. */
    edit: WorkspaceEdit;
    /** How many diagnostics the note will have: fields to fill in and hints to accept or dismiss. */
    hints: number;
    /** One line for the user: where the note is and what is left to review. */
    summary: string;
  }
  | { error: string };

/**
 * Client asks for the files of a new workspace (Create Workspace): paths relative to the folder it chose, with `/`.
 * The client creates each one that does not exist yet, and keeps those that do.
 */
export const NewWorkspaceFilesRequest = new RequestType0<NewWorkspaceFiles, void>('counterpoint/newWorkspaceFiles');
export interface NewWorkspaceFiles {
  files: { path: string; text: string }[];
}
