// The Show Claim Matrix command opens one webview panel (not a markdown preview) and reuses it when run again.
// The webview's messages to the extension are unit-tested (test/unit/claimMatrixMessages.test.ts) and its page in
// Chromium (test/browser/report.test.ts). With COUNTERPOINT_SCREENSHOTS=1 it saves docs/claim-matrix-vscode.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { counterpointReady } from './notes';
import { screenshot } from './screenshot';

const VIEW_TYPE = 'counterpoint.claimMatrix';

/** Open tabs holding our webview; VS Code may prefix the view type it reports (`mainThreadWebview-…`). */
function matrixTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(VIEW_TYPE));
}

const THEMES: [string, string][] = [
  ['Default Light Modern', 'claim-matrix-vscode'],
  ['Default Dark Modern', 'claim-matrix-vscode-dark'],
  ['Default High Contrast', 'claim-matrix-vscode-high-contrast'],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Claim matrix webview', () => {
  before(async () => {
    await counterpointReady();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.window.tabGroups.close(matrixTabs());
  });

  it('counterpoint.showClaimMatrix opens the matrix in a webview panel titled Claim Matrix, and no markdown preview', async () => {
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    const [tab] = await waitFor('a Claim Matrix webview tab', () => (matrixTabs().length > 0 ? matrixTabs() : undefined), 15_000);
    assert.strictEqual(tab.label, 'Claim Matrix');
    assert.ok(tab.isActive, 'the panel is the active tab');
    const previews = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    assert.deepStrictEqual(previews.map((t) => t.label), [], 'the old markdown preview is gone');
  });

  it('running the command again reuses the one panel', async () => {
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    await waitFor('the matrix tab to be active again', () => matrixTabs().find((tab) => tab.isActive), 10_000);
    assert.strictEqual(matrixTabs().length, 1);
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
  });

  it('docs/claim-matrix-vscode.png: the matrix in VS Code', async function () {
    if (!process.env.COUNTERPOINT_SCREENSHOTS) this.skip();
    for (const command of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll']) {
      await vscode.commands.executeCommand(command).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      for (const [theme, name] of THEMES) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await sleep(1500); // the webview's page loads and lays out after the panel shows, and again on a theme change
        const saved = await screenshot(name, 20_000, { waitForSelector: 'iframe.webview.ready' });
        assert.ok(fs.statSync(saved).size > 10_000, `${saved} holds a picture`);
      }
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
