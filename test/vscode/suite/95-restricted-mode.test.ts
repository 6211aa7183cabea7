// Restricted Mode: the manifest declares full support (nothing from a workspace runs), so in a workspace that was
// never trusted the extension still activates, indexes and answers. Runs only in the run that opens the samples
// untrusted (scripts/vscode-test/run.mjs sets COUNTERPOINT_VSCODE_RESTRICTED=1).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { counterpointHoverAt, counterpointReady, openNote, positionOf } from './notes';

describe('Restricted Mode', function () {
  before(function () {
    if (process.env.COUNTERPOINT_VSCODE_RESTRICTED !== '1') this.skip();
  });

  it('the workspace is untrusted, and the extension activates and publishes diagnostics anyway', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the window is in Restricted Mode');
    await counterpointReady();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('hovers answer in Restricted Mode', async () => {
    const doc = await openNote('articles/ccd-kazakhstan-new-course.md');
    const hover = await counterpointHoverAt(doc, positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2));
    assert.match(hover, /^\*\*Kassym-Jomart Tokayev\*\*/);
  });
});
