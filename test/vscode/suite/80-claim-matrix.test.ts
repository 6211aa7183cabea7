// The Show Claim Matrix command opens one webview panel (not a markdown preview) and reuses it when run again; a
// panel VS Code restores after a reload is taken over.
// The webview's messages to the extension are unit-tested (test/unit/claimMatrixMessages.test.ts) and its page in
// Chromium (test/browser/report.test.ts). With COUNTERPOINT_SCREENSHOTS=1 it saves docs/claim-matrix-vscode.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';
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

  it('a panel VS Code restores after a window reload is taken over: strict options, the matrix in it, and the command reuses it', async () => {
    await vscode.window.tabGroups.close(matrixTabs());
    const api = vscode.extensions.getExtension<{ reviveClaimMatrix(panel: vscode.WebviewPanel): Promise<void> }>(EXTENSION_ID)?.exports;
    assert.ok(api?.reviveClaimMatrix, 'the extension API exposes what its webview serializer calls');
    const packageJson = JSON.parse(fs.readFileSync(path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'package.json'), 'utf8'));
    assert.ok(packageJson.activationEvents.includes(`onWebviewPanel:${VIEW_TYPE}`), 'a restored panel activates the extension');
    // As VS Code hands it to the serializer: a panel of our view type with nothing in it.
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Claim Matrix', vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: true });
    await api.reviveClaimMatrix(panel);
    await waitFor('the matrix in the restored panel', () => panel.webview.html.includes('kazakhstan-refused-troops-for-ukraine'), 15_000);
    assert.strictEqual(panel.webview.options.enableScripts, true);
    assert.strictEqual(panel.webview.options.enableCommandUris, false, 'no command links, whatever the panel was restored with');
    assert.match(panel.webview.html, /Content-Security-Policy/);
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    await waitFor('the restored panel to be active', () => matrixTabs().find((tab) => tab.isActive), 10_000);
    assert.strictEqual(matrixTabs().length, 1, 'the command reuses the restored panel');
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
