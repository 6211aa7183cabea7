// Every custom message between the Counterpoint client and server, typed in one place.
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/** Client asks the server to drop its index and read every note of the workspace again. */
export const ReindexRequest = new RequestType0<ReindexResult, void>('counterpoint/reindex');
export interface ReindexResult {
  notes: number;
  milliseconds: number;
}

/** The cross-source claim matrix of the whole workspace, as markdown and as data. */
export const ClaimMatrixRequest = new RequestType0<ClaimMatrix, void>('counterpoint/claimMatrix');
export interface ClaimMatrix {
  markdown: string;
  perspectives: { perspective: string; outlets: string[] }[];
  rows: ClaimMatrixRow[];
}
export interface ClaimMatrixRow {
  key: string;
  claimants: string[];
  hasCounterSource: boolean;
  /** outlet -> stance, with the note and line of the first occurrence in that outlet. */
  cells: { outlet: string; perspective: string; stance: string; uri: string; line: number }[];
}

/** Server tells the client how indexing is going (for the status bar). */
export const IndexStatusNotification = new NotificationType<IndexStatus>('counterpoint/indexStatus');
export interface IndexStatus {
  state: 'indexing' | 'ready';
  notes: number;
  actors: number;
  claims: number;
}
