// Smoke test of the real extension: it is present, activates on a markdown
// article of the workspace (a copy of samples/), and its language server
// publishes the claim.no-counter-source diagnostic.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticCode, EXTENSION_ID, markdownFiles, waitFor, waitForDiagnostic } from './helpers';

describe('Counterpoint extension smoke', () => {
  before(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is present`);
    for (const f of ['dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, f)), `${f} is built (npm run build)`);
    }
    assert.ok(markdownFiles('articles').length > 0, 'the workspace (a copy of samples/) has articles/*.md');
  });

  it('is installed as counterpoint.counterpoint', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is present`);
  });

  it('activates when an article is opened', async () => {
    const articles = markdownFiles('articles');
    assert.ok(articles.length > 0, 'the workspace (samples/) has articles/*.md');
    const doc = await vscode.workspace.openTextDocument(articles[0]);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(`${EXTENSION_ID} to activate (check activationEvents in package.json)`, () => ext.isActive, 20_000);
  });

  it('publishes a claim.no-counter-source diagnostic', async () => {
    // Open every article so the server has seen them all, whatever it publishes for.
    const articles = markdownFiles('articles');
    for (const f of articles) await vscode.workspace.openTextDocument(f);
    const [uri, diag] = await waitForDiagnostic((d) => diagnosticCode(d) === 'claim.no-counter-source',
      'a claim.no-counter-source diagnostic', 30_000);
    assert.ok(uri.fsPath.includes(`${path.sep}articles${path.sep}`) || uri.fsPath.endsWith('.md'), `diagnostic on a note: ${uri.fsPath}`);
    assert.ok(diag.message.length > 0, 'diagnostic has a message');
  });
});
