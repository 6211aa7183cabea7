// Proves the test infrastructure itself (code-server + Chromium + mocha in the
// extension host), independently of the extension.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers';
import { screenshot } from './screenshot';

describe('infrastructure smoke', () => {
  it('has the sample workspace open', () => {
    assert.ok(fs.existsSync(workspaceRoot()), 'workspace folder exists on disk');
  });

  it('opens a markdown document in an editor', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Smoke\n\nHello from the test.\n' });
    await vscode.window.showTextDocument(doc);
    assert.ok(vscode.window.activeTextEditor, 'an active editor');
    assert.strictEqual(vscode.window.activeTextEditor!.document, doc);
    assert.strictEqual(doc.languageId, 'markdown');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('deliberately fails when COUNTERPOINT_FAIL_ON_PURPOSE is set', function () {
    if (!process.env.COUNTERPOINT_FAIL_ON_PURPOSE) this.skip();
    assert.fail('deliberate failure (COUNTERPOINT_FAIL_ON_PURPOSE is set)');
  });

  it('saves a workbench screenshot through the driver when COUNTERPOINT_SCREENSHOTS is set', async function () {
    if (!process.env.COUNTERPOINT_SCREENSHOTS) this.skip();
    const saved = await screenshot('vscode-smoke');
    assert.ok(fs.existsSync(saved), `screenshot file ${saved} exists`);
    assert.ok(fs.statSync(saved).size > 1000, 'screenshot is not empty');
    fs.rmSync(saved); // it proves the mechanism; the pictures the README shows are taken by 50-screenshots
  });
});
