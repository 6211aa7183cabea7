// The files an edit from the server would create, rename, delete or change, checked before the client applies it.
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { isInsideRoot } from '../../shared/src/insideRoot';

/** Every URI the edit writes to (both ends of a rename). */
export function editTargets(edit: WorkspaceEdit): string[] {
  const targets = Object.keys(edit.changes ?? {});
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) targets.push(change.textDocument.uri);
    else if (change.kind === 'rename') targets.push(change.oldUri, change.newUri);
    else targets.push(change.uri);
  }
  return targets;
}

/** The URIs of the edit that lie in none of the workspace folders (given as URIs). */
export function targetsOutside(edit: WorkspaceEdit, folders: readonly string[]): string[] {
  return editTargets(edit).filter((target) => !folders.some((folder) => isInsideRoot(target, folder)));
}
