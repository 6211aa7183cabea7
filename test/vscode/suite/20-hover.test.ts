// Hovers as a user gets them in VS Code (vscode.executeHoverProvider runs every extension's
// provider): an actor's cross-source context on a bare alias and on a wiki link, and a
// claim's occurrences across outlets. Content is checked against the samples.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { counterpointHoverAt, counterpointReady, openNote, positionOf } from './notes';

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
    it('on a bare alias ("Tokayev" in prose) names the actor and the other outlets, perspectives and sentences', async () => {
      const doc = await openNote(CCD);
      // "The main points of Tokayev’s speech were as follows:" — plain prose, no link.
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'The main points of Tokayev', 'The main points of '.length + 2));

      assert.match(hover, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan/, 'header: name, kind, role');
      assert.match(hover, /\[actors\/tokayev\.md\]\(file:[^)]*\/actors\/tokayev\.md#L1,1\)/, 'links to the actor note');
      assert.match(hover, /Also written: [^\n]*Tokaev/, 'lists the other spellings');
      assert.match(hover, /\*\*Cross-source context\*\* · mentioned in \d+ notes, this one included/);

      // The other outlets, under their perspectives, each with the sentence that mentions him.
      assert.match(hover, /\*\*ukrainian\*\* · \d+ sources/, 'the ukrainian perspective group');
      assert.match(hover, /\*\*other\*\* · \d+ source/, 'the other perspective group');
      for (const [outlet, file] of [
        ['Channel 24', 'channel24-tokayev-distances-himself.md'],
        ['Insight News Media', 'insight-news-tokaev-double-play.md'],
        ['World Today News', 'world-today-news-russia-wants-three-regions.md'],
        ['Central Media Office of Hizb ut Tahrir', 'hizb-ut-tahrir-is-kazakhstan-moving-away.md'],
      ]) {
        assert.match(entryOf(hover, outlet, file), /— “[^”]*\bTok(ay|a)ev\b[^”]*”/, `${outlet}'s entry quotes a sentence naming Tokayev`);
      }
      assert.ok(hover.indexOf('**ukrainian**') < hover.indexOf('[Channel 24]'), 'Channel 24 is listed under ukrainian');
      assert.ok(hover.indexOf('**other**') < hover.indexOf('[Central Media Office of Hizb ut Tahrir]'), 'Hizb ut Tahrir is listed under other');
      assert.doesNotMatch(hover, sourceLink('Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md'), 'the hovered note is not listed as its own source');

      // His claims, with how many outlets carry each.
      assert.match(hover, /\*\*Claims by Kassym-Jomart Tokayev\*\*/);
      assert.match(hover, /- no-recognition-dpr-lpr · 4 outlets · counter-source ✓/);
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
      assert.match(ccd, /· 2022-06-20 — “Kazakh President Kassym-Jomart Tokayev’s sensational speech at the St\. Petersburg Economic Forum/,
        'the CCD entry gives its date and the sentence of its first mention');
      entryOf(markdown, 'Central Media Office of Hizb ut Tahrir', 'hizb-ut-tahrir-is-kazakhstan-moving-away.md');
      assert.doesNotMatch(markdown, sourceLink('Channel 24', 'channel24-tokayev-distances-himself.md'), 'the hovered note is not its own source');
    });
  });

  describe('on a claim', () => {
    it('on the claim= key lists the outlets that carry the key, by perspective, with their stance and text', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'claim=no-recognition-dpr-lpr', 'claim='.length + 3));

      assert.match(hover, /^\*\*Claim no-recognition-dpr-lpr\*\* · asserts/);
      assert.match(hover, /✓ has a counter-source: other \\\(Central Media Office of Hizb ut Tahrir\\\)/);
      assert.match(hover, /\*\*Sources\*\* · 4 outlets · 2 perspectives, this note included/);
      for (const [outlet, file] of [
        ['Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md'],
        ['World Today News', 'world-today-news-russia-wants-three-regions.md'],
        ['Central Media Office of Hizb ut Tahrir', 'hizb-ut-tahrir-is-kazakhstan-moving-away.md'],
      ]) {
        assert.match(entryOf(hover, outlet, file), / · reports — “[^”]+/, `${outlet} reports the claim, quoted`);
      }
      assert.match(entryOf(hover, 'Center for Countering Disinformation', 'ccd-kazakhstan-new-course.md'),
        /“Kazakhstan does not recognize the independence of the so-called DPR and LPR”/);
      assert.ok(hover.indexOf('**ukrainian**') < hover.indexOf('[World Today News]') && hover.indexOf('[World Today News]') < hover.indexOf('**other**'),
        'ukrainian sources first, then other');
      // The article without the key does not appear.
      assert.doesNotMatch(hover, /Insight News Media/, 'Insight News Media does not carry the key');
    });

    it('anywhere in the claim text lists the occurrences, a disputing outlet included', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'would not help Russia circumvent sanctions', 10));
      assert.match(hover, /^\*\*Claim kazakhstan-complies-with-sanctions\*\* · by Kassym-Jomart Tokayev · reports/);
      assert.match(entryOf(hover, 'Central Media Office of Hizb ut Tahrir', 'hizb-ut-tahrir-is-kazakhstan-moving-away.md'),
        / · disputes — “Russia wants to use Kazakhstan as a backdoor/);
      assert.match(entryOf(hover, 'World Today News', 'world-today-news-russia-wants-three-regions.md'), / · reports — “/);
    });

    it('on a claim without a counter-source says what is missing', async () => {
      const doc = await openNote(CHANNEL_24);
      const hover = await counterpointHoverAt(doc, positionOf(doc, 'claim=tokayev-first-visit-russia', 'claim='.length + 2));
      assert.match(hover, /^\*\*Claim tokayev-first-visit-russia\*\*/);
      assert.match(hover, /⚠ no counter-source: only ukrainian outlets carry it/);
      assert.match(entryOf(hover, 'Insight News Media', 'insight-news-tokaev-double-play.md'), / · asserts — “/);
    });
  });
});
