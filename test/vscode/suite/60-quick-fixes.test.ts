// The quick fixes for claim.no-counter-source, applied as the lightbulb menu applies them
// (vscode.executeCodeActionProvider, then vscode.workspace.applyEdit), and the diagnostic
// going away. These tests change the workspace: they run after the read-only ones.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';
import {
  allDiagnostics,
  codeActionsFor,
  counterpointReady,
  diagnosticsOf,
  NO_COUNTER_SOURCE,
  relativePath,
  waitForDiagnosticsState,
} from './notes';

interface Flagged {
  uri: vscode.Uri;
  diagnostic: vscode.Diagnostic;
  key: string;
}

/** The claim.no-counter-source diagnostics of the workspace, each with its claim key (the text it underlines). */
/** The flagged claims of the samples' workspace (the window's first folder: the second holds a copy of its own). */
async function flaggedClaims(): Promise<Flagged[]> {
  const result: Flagged[] = [];
  for (const [uri, diagnostic] of allDiagnostics(NO_COUNTER_SOURCE)) {
    if (!uri.fsPath.startsWith(workspaceRoot() + path.sep)) continue;
    const doc = await vscode.workspace.openTextDocument(uri);
    result.push({ uri, diagnostic, key: doc.getText(diagnostic.range) });
  }
  return result;
}

function flaggedWithKey(uri: vscode.Uri, key: string): vscode.Diagnostic[] {
  return diagnosticsOf(uri, NO_COUNTER_SOURCE).filter((d) => d.message.includes(`\`${key}\``));
}

function describeFlagged(uri: vscode.Uri): () => string {
  return () => `${relativePath(uri)} has: ${diagnosticsOf(uri, NO_COUNTER_SOURCE).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join(' | ') || 'none'}`;
}

function editedUris(edit: vscode.WorkspaceEdit): string[] {
  return edit.entries().filter(([, edits]) => edits.length > 0).map(([uri]) => uri.toString());
}

describe('Quick fixes for a claim without a counter-source', () => {
  before(counterpointReady);

  it('"Annotate counter-source" edits ANOTHER note and clears the diagnostic in the first one', async () => {
    // Search the flagged claims for one whose quick fixes offer a counter-source candidate.
    let chosen: { flagged: Flagged; action: vscode.CodeAction } | undefined;
    const flagged = await flaggedClaims();
    assert.ok(flagged.length > 0, 'the samples have claims without a counter-source');
    for (const f of flagged) {
      const action = (await codeActionsFor(f.uri, f.diagnostic.range)).find((a) => a.title.startsWith('Annotate as ') && !a.title.includes('same perspective'));
      if (action) { chosen = { flagged: f, action }; break; }
    }
    assert.ok(chosen, `some flagged claim offers an "Annotate counter-source" quick fix (searched ${flagged.length})`);
    const { flagged: { uri, key }, action } = chosen;
    assert.strictEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(action.edit, 'the action carries its edit');
    const targets = editedUris(action.edit);
    assert.strictEqual(targets.length, 1, 'the edit touches one note');
    assert.notStrictEqual(targets[0], uri.toString(), 'the edit is in another note than the flagged one');
    const target = await vscode.workspace.openTextDocument(vscode.Uri.parse(targets[0]));
    const firstBefore = (await vscode.workspace.openTextDocument(uri)).getText();
    const targetBefore = target.getText();
    assert.ok(flaggedWithKey(uri, key).length > 0, `${relativePath(uri)} is flagged for ${key}`);

    assert.strictEqual(await vscode.workspace.applyEdit(action.edit), true, 'the edit applies');

    assert.notStrictEqual(target.getText(), targetBefore, 'the other note changed');
    assert.ok(new RegExp(`\\]\\{claim=${key}(?: by=[^\\s}]+)? stance=\\w+\\}`).test(target.getText()), `the other note annotates a sentence with claim=${key}`);
    assert.strictEqual((await vscode.workspace.openTextDocument(uri)).getText(), firstBefore, 'the flagged note itself is untouched');
    await waitForDiagnosticsState(`the ${key} diagnostic to clear in ${relativePath(uri)}`,
      () => flaggedWithKey(uri, key).length === 0, describeFlagged(uri));
    // The new occurrence is itself covered: the flagged note is its counter-source in turn.
    assert.strictEqual(flaggedWithKey(target.uri, key).length, 0, `the new annotation in ${relativePath(target.uri)} is not flagged`);
  });

  it('"Mark claim … as knowingly single-source" adds .single-source and clears the diagnostic', async () => {
    // A key carried once in the workspace, so that only this diagnostic is about it.
    const flagged = await flaggedClaims();
    const once = flagged.filter((f) => flagged.filter((g) => g.key === f.key).length === 1 && f.diagnostic.message.includes('no other outlet'));
    assert.ok(once.length > 0, 'a claim carried by one outlet only is flagged');
    const { uri, diagnostic, key } = once[once.length - 1];
    const action = (await codeActionsFor(uri, diagnostic.range)).find((a) => a.title === `Mark claim ${key} as knowingly single-source`);
    assert.ok(action?.edit, `the single-source quick fix for ${key}`);
    assert.deepStrictEqual(editedUris(action.edit), [uri.toString()], 'the edit is in the flagged note');

    assert.strictEqual(await vscode.workspace.applyEdit(action.edit), true, 'the edit applies');

    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.lineAt(diagnostic.range.start.line).text;
    assert.match(line, new RegExp(`\\{claim=${key.replace(/\./g, '\\.')}[^}]* \\.single-source\\}`), 'the attribute block ends with .single-source');
    await waitForDiagnosticsState(`the ${key} diagnostic to clear`, () => flaggedWithKey(uri, key).length === 0, describeFlagged(uri));
    assert.strictEqual((await flaggedClaims()).length, flagged.length - 1, 'the other claims stay flagged: only this one was marked');
  });

  after(async () => {
    // Saved, so that closing the editors asks nothing (a save prompt would block the run).
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
