// What the claim matrix webview may ask of the extension, checked before anything is done.
// No `vscode` import, so that unit tests run it in plain Node.
import type { ClaimMatrixData } from '../../shared/src/claimMatrixData';

/** What came of one message from the webview. */
export type MatrixMessageOutcome =
  | { kind: 'opened'; uri: string; line: number }
  | { kind: 'walkthrough' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'ignored'; reason: string };

/** Opens a note at a zero-based line. */
export type NoteOpener = (uri: string, line: number) => Promise<void> | void;

/** The notes the matrix links to: the only ones the webview may ask to open. */
export function matrixNoteUris(matrix: ClaimMatrixData): Set<string> {
  const uris = new Set<string>();
  for (const row of matrix.rows) {
    for (const cell of row.cells) {
      uris.add(cell.uri);
      for (const occurrence of cell.occurrences) uris.add(occurrence.uri);
    }
  }
  return uris;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Handles one message from the webview. The page shows note text, so it is treated as untrusted: only
 * `{ type: 'open', uri, line }` does anything with what it carries, and only for a note of the matrix at a whole,
 * non-negative line; `{ type: 'walkthrough' }` (from an empty matrix) opens the getting-started walkthrough.
 * Anything else of another type is ignored; a malformed open request is rejected.
 */
export async function dispatchMatrixMessage(
  message: unknown,
  knownUris: ReadonlySet<string>,
  open: NoteOpener,
  openWalkthrough: () => Promise<void> | void = () => undefined,
): Promise<MatrixMessageOutcome> {
  if (!isRecord(message)) return { kind: 'ignored', reason: 'not an object' };
  if (message.type === 'walkthrough') {
    await openWalkthrough();
    return { kind: 'walkthrough' };
  }
  if (message.type !== 'open') return { kind: 'ignored', reason: `unknown message type ${JSON.stringify(String(message.type)).slice(0, 80)}` };
  const { uri, line } = message;
  if (typeof uri !== 'string' || !knownUris.has(uri)) return { kind: 'rejected', reason: 'the uri is not a note of the claim matrix' };
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 0) return { kind: 'rejected', reason: 'the line is not a whole number of zero or more' };
  await open(uri, line);
  return { kind: 'opened', uri, line };
}
