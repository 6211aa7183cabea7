// Counterpoint: Create Workspace. The files come from the server's one scaffolder (the same as `counterpoint init`);
// this creates each one that is not there yet, and never replaces a file.
import * as vscode from 'vscode';
import type { NewWorkspaceFiles } from '../../shared/src/protocol';

export interface CreatedWorkspace {
  folder: vscode.Uri;
  created: string[];
  kept: string[];
  skipped: string[];
}

const CHOOSE_OTHER = 'Choose a folder…';

/** The folder to create the workspace in: the one given, or one the user picks (a workspace folder or any other). */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length > 0) {
    const picked = await vscode.window.showQuickPick(
      [...folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, uri: folder.uri })), { label: CHOOSE_OTHER, description: '', uri: undefined }],
      { title: 'Counterpoint: Create Workspace', placeHolder: 'Where to create counterpoint.yaml, actors/ and articles/ (no existing file is replaced)' },
    );
    if (!picked) return undefined;
    if (picked.uri) return picked.uri;
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Workspace Here' });
  return chosen?.[0];
}

async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

/** Whether a folder between `folder` (excluded) and `file` is a symbolic link, through which a write could leave it. */
async function throughLink(folder: vscode.Uri, file: vscode.Uri): Promise<boolean> {
  for (let dir = vscode.Uri.joinPath(file, '..'); dir.path.length > folder.path.length; dir = vscode.Uri.joinPath(dir, '..')) {
    const stat = await statOf(dir);
    if (stat && (stat.type & vscode.FileType.SymbolicLink) !== 0) return true;
  }
  return false;
}

/** Creates the workspace's files in `folder` (asked for when not given); undefined when the user cancels. */
export async function createWorkspace(template: () => Promise<NewWorkspaceFiles>, folder?: vscode.Uri): Promise<CreatedWorkspace | undefined> {
  const target = folder ?? (await chooseFolder());
  if (!target) return undefined;
  const { files } = await template();
  const result: CreatedWorkspace = { folder: target, created: [], kept: [], skipped: [] };
  const edit = new vscode.WorkspaceEdit();
  for (const file of files) {
    const uri = vscode.Uri.joinPath(target, ...file.path.split('/'));
    if (await statOf(uri)) result.kept.push(file.path);
    else if (await throughLink(target, uri)) result.skipped.push(file.path);
    else {
      // ignoreIfExists: a file that appears meanwhile is kept too.
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(file.text) });
      result.created.push(file.path);
    }
  }
  if (result.created.length > 0 && !(await vscode.workspace.applyEdit(edit))) throw new Error(`could not create the files in ${target.fsPath}`);
  return result;
}

/**
 * The command: creates the files, then opens the example article, or offers to open the folder if it is not open.
 * Given a folder (as the tests do), it asks nothing and opens nothing.
 */
export async function runCreateWorkspace(
  template: () => Promise<NewWorkspaceFiles>,
  inform: (message: string) => void,
  folder?: vscode.Uri,
): Promise<CreatedWorkspace | undefined> {
  const result = await createWorkspace(template, folder);
  if (!result) return undefined;
  const parts = [
    result.created.length > 0 ? `created ${result.created.join(', ')}` : 'nothing to create',
    ...(result.kept.length > 0 ? [`kept ${result.kept.join(', ')} (already there)`] : []),
    ...(result.skipped.length > 0 ? [`skipped ${result.skipped.join(', ')} (a linked folder)`] : []),
  ];
  const message = `Counterpoint: ${parts.join('; ')} in ${result.folder.fsPath}.`;
  const inWorkspace = vscode.workspace.getWorkspaceFolder(result.folder) !== undefined;
  const article = result.created.find((file) => file.startsWith('articles/'));
  if (folder || inWorkspace) {
    if (article && !folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(result.folder, ...article.split('/')));
    inform(message);
  } else {
    const open = 'Open Folder';
    if ((await vscode.window.showInformationMessage(message, open)) === open) await vscode.commands.executeCommand('vscode.openFolder', result.folder);
  }
  return result;
}
