// Hovers as a user gets them in VS Code (vscode.executeHoverProvider runs every extension's
// provider): an actor's cross-source context on a bare alias and on a wiki link, and a
// claim's occurrences across outlets. Content is checked against the samples.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { counterpointClient, counterpointHoverAt, counterpointReady, openNote, positionOf } from './notes';
import { measure } from './screenshot';

const CHANNEL_24 = 'articles/channel24-tokayev-distances-himself.md';
const CCD = 'articles/ccd-kazakhstan-new-course.md';

/** A hover's source entry: `[Outlet](file:///…/articles/<file>#Lline,col)`. */
function sourceLink(outlet: string, file: string): RegExp {
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\[${escaped}\\]\\(file://[^)\\s]*/${file.replace(/\./g, '\\.')}#L\\d+,\\d+\\)`);
}

/** The line of the hover that lists the given outlet as a source. */
function entryOf(markdown: string, outlet: string, file: string): string {
  const line = markdown.split('\n').find((l) => sourceLink(outlet, file).test(l));
  assert.ok(line, `the hover lists ${outlet} (${file}) as a source:\n${markdown}`);
  return line;
}

describe('Hover: cross-source context', () => {
  before(counterpointReady);

  describe('on an actor', () => {
    it('on a bare alias ("Tokayev" in prose): a summary, one outlet of each perspective with its sentence, his claims with verdicts', async () => {
      const doc = await openNote(CCD);
      // "The main points of Tokayev’s speech were as follows:" — plain prose, no link.
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2));

      assert.match(hover, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan/, 'header: name, kind, role');
      assert.match(hover, /\[actors\/tokayev\.md\]\(file:[^)]*\/actors\/tokayev\.md#L1,1\)/, 'links to the actor note');
      assert.match(hover, /\*\*Cross-source context\*\* · \d+ articles from \d+ outlets in \d+ perspectives, this one included/);

      // One outlet of each perspective in turn, each with the sentence around its mention of him (not its headline).
      assert.match(entryOf(hover, 'Insight News Media', 'insight-news-tokaev-double-play.md'), /^- \*ukrainian\* · .* — “President of Kazakhstan Kassym-Jomart Tokayev went on his first official/);
      assert.match(entryOf(hover, 'RIA Novosti via anedelya.ru', 'ria-novosti-via-anedelya-tokayev-no-recognition.md'), /^- \*russian-state\* · .* — “[^”]*Tokayev said/);
      assert.match(entryOf(hover, 'Spektr', 'spektr-tokayev-no-recognition.md'), /^- \*russian-independent\* · .* — “[^”]*Токаев/);
      assert.doesNotMatch(hover, sourceLink('Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md'), 'the hovered note is not listed as its own source');
      assert.match(hover, /\[…and \d+ more sources\]\(command:counterpoint\.showActorSources\?/, 'a link to every source');

      // His claims, with how many outlets carry each and the verdict.
      assert.match(hover, /\*\*Claims by Kassym-Jomart Tokayev\*\* · [^\n]*kazakhstan-complies-with-sanctions \(4 outlets, contested\)/);
    });

    it('"…and N more sources" opens every source of the actor in the references view', async () => {
      const doc = await openNote(CCD);
      const position = positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2);
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('counterpoint.showActorSources', 'tokayev', doc.uri.toString(), { line: position.line, character: position.character });
      // The references view lists what the server gives: one place in each note that mentions him.
      const locations = await counterpointClient().sendRequest('counterpoint/actorSources', { actorId: 'tokayev' }) as { uri: string }[];
      assert.ok(locations.length >= 14, `${locations.length} sources`);
      assert.ok(locations.some((l) => l.uri.endsWith('/articles/spektr-tokayev-no-recognition.md')));
      await vscode.commands.executeCommand('closeReferenceSearch');
    });

    it('fits VS Code\'s hover box at the default size: no inner scrollbar', async () => {
      const doc = await openNote(CCD);
      const position = positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2);
      await counterpointHoverAt(doc, position);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
      const hover = '.monaco-editor .monaco-hover:not(.hidden)';
      const size = await measure(hover, { waitForSelector: `${hover}:has-text("Cross-source context")` });
      await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
      assert.ok(size, 'the hover is shown');
      assert.ok(size.contentHeight <= size.visibleHeight + 1,
        `the hover shows ${size.visibleHeight} px of its ${size.contentHeight} px (box ${size.boxHeight} px): an inner scrollbar`);
    });

    it('on a wiki link gives the same context, over the whole link', async () => {
      const doc = await openNote(CHANNEL_24);
      const link = '[[tokayev|Kasim-Jomart Tokayev]]';
      const start = positionOf(doc, link);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, link, 4));
      const ours = hovers.filter((h) => h.contents.some((c) => typeof c !== 'string' && 'value' in c && c.value.includes('**Cross-source context**')));
      assert.strictEqual(ours.length, 1, 'one Counterpoint hover on the wiki link');
      const hover = ours[0];
      const markdown = hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');

      assert.match(markdown, /^\*\*Kassym-Jomart Tokayev\*\*/);
      assert.ok(hover.range, 'the hover has a range');
      assert.deepStrictEqual(
        [hover.range.start.line, hover.range.start.character, hover.range.end.line, hover.range.end.character],
        [start.line, start.character, start.line, start.character + link.length],
        'the hover range is the whole [[…]] link');
      const ccd = entryOf(markdown, 'Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md');
      assert.match(ccd, /· 2022-06-20 — “Kazakh President Kassym-Jomart Tokayev’s sensational speech/,
        'the CCD entry gives its date and the sentence of its first mention');
      assert.doesNotMatch(markdown, sourceLink('Channel 24', 'channel24-tokayev-distances-himself.md'), 'the hovered note is not its own source');
    });
  });

  describe('on a claim', () => {
    it('on the claim= key gives the verdict and who it rests on, when it first appeared, and the outlets that carry it', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'claim=no-recognition-dpr-lpr', 'claim='.length + 3));

      assert.match(hover, /^\*\*Claim no-recognition-dpr-lpr\*\* · asserts/);
      assert.match(hover, /\*\*contested\*\* · Kassym-Jomart Tokayev qualifies it \\\(RIA Novosti via anedelya\.ru, russian-state\\\)/);
      assert.match(hover, /also corroborated across perspectives · /);
      assert.match(hover, /\*\*First carried\*\* 2022-06-18 by RIA Novosti via anedelya\.ru \(russian-state\) · then /);
      assert.match(hover, /\*\*Sources\*\* · \d+ outlets · \d+ perspectives, this note included/);
      assert.match(entryOf(hover, 'Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md'),
        / · reports — “Kazakhstan does not recognize the independence of the so-called DPR and LPR”/);
      assert.ok(hover.indexOf('**ukrainian**') < hover.indexOf('**russian-state**'), 'perspectives in the configured order');
    });

    it('anywhere in the claim text lists the occurrences, a disputing outlet included', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'would not help Russia circumvent sanctions', 10));
      assert.match(hover, /^\*\*Claim kazakhstan-complies-with-sanctions\*\* · by Kassym-Jomart Tokayev · reports/);
      assert.match(hover, /\*\*contested\*\* · Central Media Office of Hizb ut Tahrir disputes it \\\(islamist\\\)/);
      assert.match(entryOf(hover, 'Central Media Office of Hizb ut Tahrir', 'hizb-ut-tahrir-is-kazakhstan-moving-away.md'),
        / · disputes — “Russia wants to use Kazakhstan as a backdoor/);
      assert.match(entryOf(hover, 'World Today News', 'world-today-news-russia-wants-three-regions.md'), / · reports — “/);
    });

    it('on a claim without a counter-source says what is missing', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'claim=tokayev-avoids-open-break-with-russia', 'claim='.length + 2));
      assert.match(hover, /^\*\*Claim tokayev-avoids-open-break-with-russia\*\*/);
      assert.match(hover, /⚠ \*\*lacking a counter-source\*\* · only ukrainian outlets carry it, and none contests it/);
      assert.match(entryOf(hover, 'Insight News Media', 'insight-news-tokaev-double-play.md'), / · asserts — “/);
    });
  });
});
