// Screenshots of what a user sees, for the docs (only with COUNTERPOINT_SCREENSHOTS=1, as
// `npm run screenshots` sets): a cross-source hover over an actor, a claim hover, and a
// flagged claim with its squiggle and code lens. Saved as docs/<name>.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { counterpointHoverAt, counterpointReady, diagnosticsOf, NO_COUNTER_SOURCE, openNote, positionOf } from './notes';
import { waitFor } from './helpers';
import { screenshot } from './screenshot';

const CHANNEL_24 = 'articles/channel24-tokayev-distances-himself.md';
const CCD = 'articles/ccd-kazakhstan-new-course.md';

const SETTINGS: [string, string, unknown][] = [
  ['editor', 'wordWrap', 'on'],
  ['editor', 'minimap.enabled', false],
  ['editor', 'fontSize', 14],
  ['editor', 'hover.delay', 100],
  ['editor', 'stickyScroll.enabled', false],
  ['workbench', 'editor.showTabs', 'single'],
  ['breadcrumbs', 'enabled', false],
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Only the editor: no side bar, panel, secondary side bar or notification toasts. */
async function clearWorkbench(): Promise<void> {
  for (const command of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar',
    'notifications.clearAll', 'notifications.hideToasts', 'workbench.action.closeAllEditors']) {
    await vscode.commands.executeCommand(command).then(undefined, () => undefined);
  }
}

/** Opens the note with the cursor at the position, the line a few lines from the top of the editor. */
async function showAt(relativePath: string, position: vscode.Position, linesAbove = 6): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await openNote(relativePath), { preview: false });
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(Math.max(0, position.line - linesAbove), 0, Math.max(0, position.line - linesAbove), 0), vscode.TextEditorRevealType.AtTop);
  await sleep(800); // code lenses and semantic colours arrive after the text
  return editor;
}

async function shootHover(name: string, marker: string): Promise<string> {
  await vscode.commands.executeCommand('editor.action.showHover');
  const saved = await screenshot(name, 20_000, { waitForSelector: `.monaco-editor .monaco-hover:not(.hidden):has-text("${marker}")` });
  assert.ok(fs.statSync(saved).size > 10_000, `${saved} holds a picture`);
  return saved;
}

describe('Screenshots for the docs', function () {
  before(async function () {
    if (!process.env.COUNTERPOINT_SCREENSHOTS) this.skip();
    await counterpointReady();
    for (const [section, key, value] of SETTINGS) {
      await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
    }
  });

  beforeEach(clearWorkbench);

  after(async () => {
    if (!process.env.COUNTERPOINT_SCREENSHOTS) return;
    for (const [section, key] of SETTINGS) await vscode.workspace.getConfiguration(section).update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('docs/hover-actor.png: the cross-source hover over "Tokayev" in an article', async () => {
    const doc = await openNote(CCD);
    const position = positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 3);
    await counterpointHoverAt(doc, position); // the server answers before the UI asks
    await showAt(CCD, position, 9);
    await shootHover('hover-actor', 'Cross-source context');
  });

  it('docs/claim-hover.png: the hover of a claim carried by several outlets', async () => {
    const doc = await openNote(CHANNEL_24);
    const position = positionOf(doc, 'claim=no-recognition-dpr-lpr by=tokayev', 'claim='.length + 4);
    await counterpointHoverAt(doc, position);
    await showAt(CHANNEL_24, position, 14);
    await shootHover('claim-hover', 'Sources');
  });

  it('docs/diagnostics.png: claims without a counter-source, their squiggles and code lenses', async () => {
    const doc = await openNote(CHANNEL_24);
    // The list at the end of the note: claims with and without a counter-source side by side.
    const flagged = positionOf(doc, 'claim=tokayev-avoids-open-break-with-russia', 'claim='.length);
    await waitFor('the flagged claim tokayev-avoids-open-break-with-russia', () =>
      diagnosticsOf(doc.uri, NO_COUNTER_SOURCE).find((d) => d.range.contains(flagged)), 10_000);
    const editor = await showAt(CHANNEL_24, flagged, 19);
    // The cursor on an empty line, so that no word is highlighted.
    const blank = new vscode.Position(flagged.line - 1, 0);
    editor.selection = new vscode.Selection(blank, blank);
    await sleep(300);
    const saved = await screenshot('diagnostics', 20_000, { waitForSelector: '.monaco-editor .squiggly-warning' });
    assert.ok(fs.statSync(saved).size > 10_000);
  });
});
