// Notes in a subfolder of a second workspace folder (a repository's research/kazakhstan/, with its own
// counterpoint.yaml): found and indexed on their own in the multi-root window, with diagnostics and hovers right,
// no false actor.unknown, and nothing for the repository's README.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticCode, waitFor } from './helpers';
import { counterpointHoverAt, counterpointReady, NO_COUNTER_SOURCE, positionOf } from './notes';

function repositoryFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.fsPath === process.env.COUNTERPOINT_TEST_REPOSITORY);
  assert.ok(folder, `the repository folder is the window's second folder: ${vscode.workspace.workspaceFolders?.map((f) => f.uri.fsPath).join(', ')}`);
  return folder;
}

function inRepository(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(repositoryFolder().uri.fsPath, ...relative.split('/')));
}

describe('Workspaces in subfolders (a multi-root window)', () => {
  before(counterpointReady);

  it('a note in research/kazakhstan/ of the second folder gets its diagnostics, and no false actor.unknown', async () => {
    const doc = await vscode.workspace.openTextDocument(inRepository('research/kazakhstan/articles/ccd-kazakhstan-new-course.md'));
    const diagnostics = await waitFor('the subfolder note\'s claim.no-counter-source', () => {
      const list = vscode.languages.getDiagnostics(doc.uri);
      return list.some((d) => diagnosticCode(d) === NO_COUNTER_SOURCE) ? list : undefined;
    }, 30_000);
    const unknown = diagnostics.filter((d) => diagnosticCode(d) === 'actor.unknown');
    assert.deepEqual(unknown.map((d) => d.message), [], 'no mention is an unknown actor');
  });

  it('a hover in the subfolder note names the actor from its own actors/ folder', async () => {
    const doc = await vscode.workspace.openTextDocument(inRepository('research/kazakhstan/articles/ccd-kazakhstan-new-course.md'));
    const hover = await counterpointHoverAt(doc, positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2));
    assert.match(hover, /^\*\*Kassym-Jomart Tokayev\*\*/);
    assert.match(hover, /research\/kazakhstan\/actors\/tokayev\.md|actors\/tokayev\.md\]\(file:[^)]*\/research\/kazakhstan\/actors\/tokayev\.md/);
  });

  it('the repository\'s README, outside every Counterpoint workspace, gets no diagnostics', async () => {
    const readme = await vscode.workspace.openTextDocument(inRepository('README.md'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(readme.uri).filter((d) => d.source === 'counterpoint').map((d) => d.message), []);
  });
});
