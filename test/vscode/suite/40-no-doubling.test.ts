// VS Code's built-in markdown extension has its own hovers, definitions and references
// (links, headers). Counterpoint must add to them only for its own annotations, and never
// give a result twice. executeXProvider runs every provider, ours and the built-in ones;
// askServer() asks our server alone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  askServer,
  counterpointReady,
  definitionsAt,
  duplicates,
  hoversAt,
  isCounterpointHover,
  locationKey,
  noteUri,
  openNote,
  positionOf,
  referencesAt,
  serverLocations,
} from './notes';

const CHANNEL_24 = 'articles/channel24-tokayev-distances-himself.md';
const SCRATCH = 'scratch/plain-markdown.md';
const SCRATCH_TEXT = [
  '# Reading list',
  '',
  'Plain prose with nothing annotated in it, and a [link to a section](#further-reading) of this note.',
  '',
  '## Further reading',
  '',
  'Back to [the top](#reading-list). Compare [[kosovo|Kosovo]].',
  '',
].join('\n');

/** Our server answers for the scratch note (so that its empty answers elsewhere mean something). */
async function serverKnows(doc: vscode.TextDocument): Promise<void> {
  const hover = await askServer('textDocument/hover', doc, positionOf(doc, '[[kosovo', 3)) as { contents?: { value?: string } } | null;
  assert.match(hover?.contents?.value ?? '', /\*\*Cross-source context\*\*/, 'our server gives the hover of the wiki link in the scratch note');
}

function isEmptyAnswer(answer: unknown): boolean {
  return answer === null || answer === undefined || (Array.isArray(answer) && answer.length === 0);
}

describe('No result doubled by the built-in markdown features', () => {
  before(counterpointReady);

  describe('on Counterpoint annotations', () => {
    it('a wiki link gets exactly one Counterpoint hover, and no hover repeats another', async () => {
      const doc = await openNote(CHANNEL_24);
      const hovers = await hoversAt(doc, positionOf(doc, '[[tokayev|Kasim-Jomart Tokayev]]', 5));
      assert.strictEqual(hovers.filter(isCounterpointHover).length, 1, 'one Counterpoint hover');
      assert.strictEqual(hovers.filter((h) => h.includes('**Cross-source context**')).length, 1, 'the cross-source header appears once');
      assert.strictEqual(new Set(hovers).size, hovers.length, 'no two identical hovers');
    });

    it('a claim gets exactly one Counterpoint hover', async () => {
      const doc = await openNote(CHANNEL_24);
      const hovers = await hoversAt(doc, positionOf(doc, 'claim=no-recognition-dpr-lpr', 8));
      assert.strictEqual(hovers.filter(isCounterpointHover).length, 1);
      assert.strictEqual(hovers.filter((h) => h.includes('**Sources**')).length, 1);
    });

    it('F2 on a labelled wiki link renames the actor id, not the built-in reference link `[target|label]`', async () => {
      const doc = await openNote(CHANNEL_24);
      const link = '[[tokayev|Kasim-Jomart Tokayev]]';
      for (const at of [4, link.indexOf('Jomart')]) {
        const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', doc.uri, positionOf(doc, link, at));
        assert.strictEqual(prepared?.placeholder, 'tokayev', `F2 at character ${at} of the link offers the id`);
        assert.strictEqual(doc.getText(prepared.range), 'tokayev', 'over the link target');
      }
    });

    const mentions: [string, string, number][] = [
      ['a wiki link', '[[tokayev|Kasim-Jomart Tokayev]]', 4],
      ['a bare alias', 'He noted that Tokayev', 'He noted that '.length + 2],
      ['a by= value', 'by=shuraev', 'by='.length + 2],
    ];
    for (const [what, needle, at] of mentions) {
      it(`definition and references on ${what}: each location once, and only ours`, async () => {
        const doc = await openNote(CHANNEL_24);
        const position = positionOf(doc, needle, at);
        const definitions = await definitionsAt(doc, position);
        assert.strictEqual(definitions.length, 1, `one definition: ${definitions.map(locationKey).join(', ')}`);
        assert.deepStrictEqual(definitions.map(locationKey), (await serverLocations('textDocument/definition', doc, position)).map(locationKey),
          'the editor shows exactly the server\'s definition: no built-in one besides');

        // VS Code drops repeated locations itself, so our server's own answer is checked too.
        const fromServer = await serverLocations('textDocument/references', doc, position);
        assert.ok(fromServer.length > 1, 'references found');
        assert.deepStrictEqual(duplicates(fromServer), [], 'the server lists no reference twice');
        const references = await referencesAt(doc, position);
        assert.deepStrictEqual(duplicates(references), [], 'the editor lists no reference twice');
        const ours = new Set(fromServer.map(locationKey));
        const extra = references.filter((l) => !ours.has(locationKey(l)));
        // Known quirk of the built-in markdown extension (not ours): it reads the inner
        // `[target|label]` of a labelled wiki link as a shortcut reference link and lists every
        // link written the same way. Anything else it adds would double ours.
        const isLabelledWikiLinkInside = async (l: vscode.Location) => {
          const note = await vscode.workspace.openTextDocument(l.uri);
          const widened = new vscode.Range(l.range.start.line, Math.max(0, l.range.start.character - 2), l.range.end.line, l.range.end.character + 2);
          if (/^\[\[[^[\]|]+\|[^[\]]+\]\]$/.test(note.getText(widened))) return true;
          // The same quirk on a claim span `[text]{claim=…}`: its bracketed text reads as a shortcut reference link.
          const bracketed = new vscode.Range(l.range.start.line, Math.max(0, l.range.start.character - 1), l.range.end.line, l.range.end.character + 2);
          return /^\[[^[\]]+\]\{$/.test(note.getText(bracketed));
        };
        const quirk = await Promise.all(extra.map(isLabelledWikiLinkInside));
        assert.deepStrictEqual(extra.filter((_, i) => !quirk[i]).map(locationKey), [],
          'the editor shows the server\'s references and no other, but for the built-in reference-link quirk');
        assert.deepStrictEqual(fromServer.filter((l) => !references.some((r) => locationKey(r) === locationKey(l))).map(locationKey), [],
          'every reference of the server is shown');
      });
    }
  });

  describe('on plain markdown, Counterpoint gives nothing', () => {
    before(async () => {
      await vscode.workspace.fs.writeFile(noteUri(SCRATCH), Buffer.from(SCRATCH_TEXT, 'utf8'));
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(noteUri(SCRATCH));
    });

    it('no hover at all on plain prose or a heading of an article', async () => {
      const doc = await openNote(CHANNEL_24);
      for (const needle of ['Traditionally, all of the greatest', '## The words of a serious leader']) {
        const position = positionOf(doc, needle, needle.startsWith('#') ? 5 : 3);
        assert.deepStrictEqual(await hoversAt(doc, position), [], `no hover on ${JSON.stringify(needle)}`);
        assert.ok(isEmptyAnswer(await askServer('textDocument/hover', doc, position)), 'our server answers nothing');
      }
    });

    it('a markdown link to a heading: only the built-in definition, once; our server answers nothing', async () => {
      const doc = await openNote(SCRATCH);
      await vscode.window.showTextDocument(doc);
      await serverKnows(doc);
      const link = positionOf(doc, '(#further-reading)', 3);
      const definitions = await definitionsAt(doc, link);
      assert.deepStrictEqual(definitions.map(locationKey), [`${SCRATCH}:5:1-5:19`],
        'the built-in markdown definition (the heading), exactly once');
      assert.ok(isEmptyAnswer(await askServer('textDocument/definition', doc, link)), 'our server gives no definition');
      assert.ok(isEmptyAnswer(await askServer('textDocument/hover', doc, link)), 'our server gives no hover');
      assert.strictEqual((await hoversAt(doc, link)).filter(isCounterpointHover).length, 0, 'no Counterpoint hover');
    });

    it('a heading: the built-in references only, none twice; our server answers nothing', async () => {
      const doc = await openNote(SCRATCH);
      await serverKnows(doc);
      const heading = positionOf(doc, '## Further reading', 5);
      const references = await referencesAt(doc, heading);
      assert.deepStrictEqual(duplicates(references), [], 'no reference listed twice');
      assert.ok(references.some((l) => locationKey(l).startsWith(`${SCRATCH}:3:`)), `the built-in markdown finds the link to the heading: ${references.map(locationKey).join(', ')}`);
      assert.ok(isEmptyAnswer(await askServer('textDocument/references', doc, heading, { context: { includeDeclaration: true } })),
        'our server gives no references');
      assert.deepStrictEqual(await hoversAt(doc, heading), [], 'no hover on the heading');
    });
  });
});
