// A new user's first steps, in a real VS Code: the walkthrough, Create Workspace, the snippets, completion inside a
// claim's {…}, and the friction fixed on the way (short problems linked to the docs, one editor group beside the
// claim matrix).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticCode, EXTENSION_ID, waitFor, waitForDiagnostic } from './helpers';
import { counterpointClient, counterpointReady, NO_COUNTER_SOURCE, noteUri } from './notes';

interface Manifest {
  contributes: {
    walkthroughs: { id: string; steps: { id: string; media: { markdown?: string } }[] }[];
    snippets: { language: string; path: string }[];
    commands: { command: string }[];
  };
}

function extension(): vscode.Extension<{ claimMatrixMessage(message: unknown): Promise<{ kind: string }> }> {
  const ext = vscode.extensions.getExtension<{ claimMatrixMessage(message: unknown): Promise<{ kind: string }> }>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is present`);
  return ext;
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as Manifest;
}

async function untitledMarkdown(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  return vscode.window.showTextDocument(document);
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('Onboarding', () => {
  before(async () => {
    await counterpointReady();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the walkthrough is contributed with its five steps, its pages are in the extension, and it opens', async () => {
    const [walkthrough] = manifest().contributes.walkthroughs;
    assert.strictEqual(walkthrough.id, 'counterpoint.gettingStarted');
    assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), ['workspace', 'import', 'actor', 'claim', 'fix']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(extension().extensionPath, step.media.markdown)), `${step.id}: ${step.media.markdown}`);
    }
    const tabsBefore = vscode.window.tabGroups.all.flatMap((group) => group.tabs).length;
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
    await waitFor('the walkthrough to open in a tab', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).length > tabsBefore, 10_000);
  });

  it('Counterpoint: Create Workspace creates counterpoint.yaml, an actor and an article, and never replaces a file', async () => {
    assert.ok(manifest().contributes.commands.some((c) => c.command === 'counterpoint.createWorkspace'));
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'counterpoint-new-'));
    try {
      fs.writeFileSync(path.join(folder, 'counterpoint.yaml'), 'perspectives: [mine]\n');
      const first = await vscode.commands.executeCommand<{ created: string[]; kept: string[] }>('counterpoint.createWorkspace', vscode.Uri.file(folder));
      assert.deepStrictEqual(first.created, ['actors/example-ministry.md', 'articles/example-article.md']);
      assert.deepStrictEqual(first.kept, ['counterpoint.yaml']);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'counterpoint.yaml'), 'utf8'), 'perspectives: [mine]\n');
      const article = fs.readFileSync(path.join(folder, 'articles', 'example-article.md'), 'utf8');
      assert.match(article, /\]\{claim=example-annual-report by=example-ministry stance=reports\}/);
      assert.match(fs.readFileSync(path.join(folder, 'actors', 'example-ministry.md'), 'utf8'), /^---\nname: Ministry of Examples\n/);
      fs.writeFileSync(path.join(folder, 'articles', 'example-article.md'), 'mine');
      const second = await vscode.commands.executeCommand<{ created: string[]; kept: string[] }>('counterpoint.createWorkspace', vscode.Uri.file(folder));
      assert.deepStrictEqual(second.created, []);
      assert.strictEqual(fs.readFileSync(path.join(folder, 'articles', 'example-article.md'), 'utf8'), 'mine');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('the snippets are contributed for markdown and expand: a claim span around the selection, an article\'s frontmatter, an actor note', async () => {
    assert.deepStrictEqual(manifest().contributes.snippets.map((s) => s.language), ['markdown']);
    const editor = await untitledMarkdown();
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Astana will not recognise the DPR'));
    editor.selection = new vscode.Selection(0, 0, 0, 33);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Counterpoint claim span' });
    await waitFor('the claim span', () => editor.document.getText().includes(']{'), 10_000);
    assert.strictEqual(editor.document.getText(), '[Astana will not recognise the DPR]{claim=claim-key by=actor-id stance=asserts}');

    const article = await untitledMarkdown();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Counterpoint article frontmatter' });
    await waitFor('the frontmatter', () => article.document.getText().length > 0, 10_000);
    assert.match(article.document.getText(), /^---\ntitle: "Headline as published"\noutlet: Outlet name\nperspective: ukrainian\n[\s\S]*\n---\n/);

    const actor = await untitledMarkdown();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Counterpoint actor note' });
    await waitFor('the actor note', () => actor.document.getText().length > 0, 10_000);
    assert.match(actor.document.getText(), /^---\nname: Full Name\naliases:\n {2}- Spelling\nkind: person\n/);
  });

  it('inside a claim\'s {…}, completion offers the attribute names, the stances and the actors', async () => {
    const uri = noteUri('articles/ccd-kazakhstan-new-course.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    try {
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n\n[Astana stays neutral]{claim=astana-neutral '));
      const afterBlank = document.lineAt(document.lineCount - 1).range.end;
      const names = await completionLabels(document, afterBlank);
      for (const name of ['by=', 'stance=', 'counter=', '.single-source']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
      assert.ok(!names.includes('claim='), 'claim= is given already');

      await editor.edit((edit) => edit.insert(afterBlank, 'stance='));
      const stances = await completionLabels(document, document.lineAt(document.lineCount - 1).range.end);
      for (const stance of ['asserts', 'reports', 'disputes']) assert.ok(stances.includes(stance), `${stance} in ${stances.join(', ')}`);

      await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, 'reports by='));
      const actors = await completionLabels(document, document.lineAt(document.lineCount - 1).range.end);
      assert.ok(actors.includes('tokayev'), `tokayev in ${actors.join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('a problem is the message\'s first sentence, its code linked to the docs of the format', async () => {
    const [, problem] = await waitForDiagnostic((d) => diagnosticCode(d) === NO_COUNTER_SOURCE, 'a claim.no-counter-source problem');
    assert.ok(typeof problem.code === 'object' && problem.code.target instanceof vscode.Uri, 'the code is a link');
    assert.match(problem.code.target.toString(true), /^https:\/\/github\.com\/.+\/docs\/format\.md#7-the-counter-source-rule$/);
    assert.doesNotMatch(problem.message, /Annotate it in an article/, 'the advice is behind the link');
    // One sentence: the key, who carries it and what is missing; the samples' longest key and outlet names make it
    // about 200 characters.
    assert.ok(problem.message.length < 240 && !problem.message.slice(0, -1).includes('. '), problem.message);
  });

  it('clicking a second cell of the claim matrix opens its note in the same group beside the matrix, not a third', async () => {
    const matrix = await counterpointClient().sendRequest('counterpoint/claimMatrix', undefined) as { rows: { cells: { uri: string; line: number }[] }[] };
    const cells = matrix.rows.flatMap((row) => row.cells);
    const first = cells[0];
    const second = cells.find((cell) => cell.uri !== first.uri);
    assert.ok(first && second, 'two cells of two notes');
    await vscode.commands.executeCommand('counterpoint.showClaimMatrix');
    const groups = () => vscode.window.tabGroups.all.filter((group) => group.tabs.length > 0);
    await waitFor('the matrix', () => groups().length === 1 && groups()[0].tabs.some((tab) => tab.input instanceof vscode.TabInputWebview), 15_000);
    const api = extension().exports;
    assert.strictEqual((await api.claimMatrixMessage({ type: 'open', uri: first.uri, line: first.line })).kind, 'opened');
    await waitFor('the first note beside the matrix', () => groups().length === 2, 10_000);
    assert.strictEqual((await api.claimMatrixMessage({ type: 'open', uri: second.uri, line: second.line })).kind, 'opened');
    await waitFor('the second note', () => vscode.window.activeTextEditor?.document.uri.toString() === vscode.Uri.parse(second.uri).toString(), 10_000);
    assert.strictEqual(groups().length, 2, 'still two groups: the matrix and the notes');
    const noteGroup = groups().find((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText));
    assert.deepStrictEqual(
      noteGroup?.tabs.filter((tab) => tab.input instanceof vscode.TabInputText).map((tab) => (tab.input as vscode.TabInputText).uri.toString()).sort(),
      [vscode.Uri.parse(first.uri).toString(), vscode.Uri.parse(second.uri).toString()].sort(),
    );
  });
});
