import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClaimMatrix, type ClaimMatrixData } from '../../server/src/render/claimMatrix';
import { escapeHtml, renderClaimMatrixHtml, type MatrixHtmlOptions } from '../../shared/src/claimMatrixHtml';
import { actorNote, articleNote, uriOf, workspaceOf } from '../helpers/workspace';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY=';

/** Three outlets in two perspectives: the non-recognition claim has a counter-source, the others do not. */
function sampleWorkspace(extra: Record<string, string> = {}) {
  return workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] }),
    'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR'], kind: 'territory' }),
    'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }),
    'articles/channel24.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian', date: '2022-06-20', title: 'Tokayev distances himself' },
      '# Tokayev distances himself',
      '',
      '[Kazakhstan does not recognise the [[dpr|DPR]]]{claim=no-recognition by=tokayev stance=reports}.',
      '',
      '[Putin is losing allies]{claim=putin-losing-allies}.'),
    'articles/tass.md': articleNote({ outlet: 'TASS', perspective: 'russian-state', date: '2022-06-18' },
      'Tokayev said [Kazakhstan will not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.'),
    'articles/kyivpost.md': articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian', date: '2022-07-01' },
      '[Putin is losing allies]{claim=putin-losing-allies stance=asserts}.'),
    ...extra,
  }, { perspectives: ['ukrainian', 'russian-state'] });
}

function render(matrix: ClaimMatrixData, options: Partial<MatrixHtmlOptions> = {}): string {
  return renderClaimMatrixHtml(matrix, { host: 'file', nonce: NONCE, linkToNote: (path) => `../ws/${path}`, ...options });
}

/** The body rows of the table, by claim key, with their HTML. */
function rowsOf(html: string): Map<string, { classes: string; actors: string; html: string }> {
  const rows = new Map<string, { classes: string; actors: string; html: string }>();
  for (const match of html.matchAll(/<tr class="([^"]*)" data-key="([^"]*)" data-actors="([^"]*)">(.*?)<\/tr>/g)) {
    rows.set(match[2], { classes: match[1], actors: match[3], html: match[4] });
  }
  return rows;
}

/** The visible badges of the filled cells of a row (without the hidden detail copies). */
function stanceCells(rowHtml: string): string[] {
  return [...rowHtml.matchAll(/<td class="cell[^"]*filled"[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);
}

function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

test('escapeHtml escapes the five characters that matter in content and quoted attributes', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('the matrix data carries what the views need: occurrences with plain text, dates, claimants and actors', () => {
  const matrix = buildClaimMatrix(sampleWorkspace());
  const row = matrix.rows.find((r) => r.key === 'no-recognition')!;
  assert.deepEqual(row.claimants, ['Kassym-Jomart Tokayev']);
  assert.deepEqual(row.actors, ["Donetsk People's Republic", 'Kassym-Jomart Tokayev'], 'the claimant and the actor the words name');
  const channel24 = row.cells.find((c) => c.outlet === 'Channel 24')!;
  assert.deepEqual(channel24.occurrences.map(({ stance, path, line, text, claimant, title, date }) => ({ stance, path, line, text, claimant, title, date })), [{
    stance: 'reports', path: 'articles/channel24.md', line: 9, text: 'Kazakhstan does not recognise the DPR',
    claimant: 'Kassym-Jomart Tokayev', title: 'Tokayev distances himself', date: '2022-06-20',
  }]);
  assert.equal(matrix.rows.find((r) => r.key === 'putin-losing-allies')!.hasCounterSource, false);
});

test('one row per claim key, two header rows: perspectives over their outlets, in the configured order', () => {
  const html = render(buildClaimMatrix(sampleWorkspace()));
  assert.deepEqual([...rowsOf(html).keys()], ['no-recognition', 'putin-losing-allies']);
  const thead = /<thead>(.*?)<\/thead>/s.exec(html)![1];
  const [groups, outlets] = [...thead.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]);
  assert.deepEqual([...groups.matchAll(/<th scope="colgroup" colspan="(\d)"[^>]*>([^<]*)<\/th>/g)].map((m) => `${m[2]}×${m[1]}`), ['ukrainian×2', 'russian-state×1']);
  assert.deepEqual([...outlets.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]), ['Channel 24', 'Kyiv Post', 'TASS']);
});

test('cells show each stance by symbol and word, and an empty cell says the outlet does not carry the claim', () => {
  const rows = rowsOf(render(buildClaimMatrix(sampleWorkspace())));
  const noRecognition = rows.get('no-recognition')!.html;
  assert.deepEqual(stanceCells(noRecognition), ['Channel 24, ukrainian: reports', 'TASS, russian-state: reports']);
  assert.match(noRecognition, /aria-label="Kyiv Post, ukrainian: not carried"/);
  const visible = noRecognition.replace(/<div class="detail-src" hidden>.*?<\/div>/g, '');
  assert.equal(visible.match(/<span class="stance reports"><span class="mark" aria-hidden="true">◐<\/span> reports<\/span>/g)?.length, 2);
  assert.match(rows.get('putin-losing-allies')!.html, /<span class="mark" aria-hidden="true">●<\/span> asserts/);
});

test('rows without a counter-source are marked with a symbol, not by colour alone; the others are not', () => {
  const rows = rowsOf(render(buildClaimMatrix(sampleWorkspace())));
  const lonely = rows.get('putin-losing-allies')!;
  assert.match(lonely.classes, /\bmissing\b/);
  assert.match(lonely.html, /^<th scope="row" class="claim"><span class="warn-mark" role="img" aria-label="No counter-source"[^>]*>⚠<\/span>/);
  const countered = rows.get('no-recognition')!;
  assert.doesNotMatch(countered.classes, /missing/);
  assert.doesNotMatch(countered.html.replace(/<div class="detail-src" hidden>.*?<\/div>/g, ''), /warn-mark/);
});

test('the page has a strict CSP: nothing remote, only its own nonce\'d style and script', () => {
  const html = render(buildClaimMatrix(sampleWorkspace()));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(csp, 'a CSP meta tag');
  assert.equal(csp[1], `default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}'; img-src data:; base-uri 'none'; form-action 'none'`);
  assert.doesNotMatch(csp[1], /https?:|\*|unsafe/);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<style'), 'the policy comes before the style and script');
  assert.equal(html.match(/<script\b/g)?.length, 1);
  assert.match(html, new RegExp(`<script nonce="${NONCE}">`));
  assert.match(html, new RegExp(`<style nonce="${NONCE}">`));
  assert.deepEqual(attributeValues(html, 'src'), []);
  assert.deepEqual(attributeValues(html, 'style'), [], 'no style attributes: the CSP would block them');
  for (const href of attributeValues(html, 'href')) assert.match(href, /^(\.\.\/ws\/articles\/[\w.-]+\.md|data:,)$/);
});

test('a bad nonce is refused rather than written into the policy', () => {
  assert.throws(() => render(buildClaimMatrix(sampleWorkspace()), { nonce: `abc'; script-src *` }), /nonce/);
});

test('hostile outlets, actor names and claim words are escaped everywhere they appear', () => {
  const hostileOutlet = 'Evil <img src=x onerror=alert(1)> "Outlet"';
  const workspace = sampleWorkspace({
    'actors/evil.md': actorNote({ name: '<script>alert("actor")</script>', aliases: ['Evilman'] }),
    'articles/evil.md': articleNote({ outlet: `'${hostileOutlet}'`, perspective: 'ukrainian' },
      '[Putin is losing allies <b>now</b> [x](command:workbench.action.quit) ![](https://evil.example/t.png) <img src=x>]{claim=putin-losing-allies by=evil stance=disputes}.'),
  });
  const matrix = buildClaimMatrix(workspace);
  for (const host of ['file', 'webview'] as const) {
    const html = render(matrix, { host });
    assert.ok(!html.includes('<img src=x'), `${host}: no raw img tag`);
    assert.ok(!html.includes('<b>now'), `${host}: no raw b tag`);
    assert.ok(!html.includes('<script>alert'), `${host}: no raw script`);
    assert.equal(html.match(/<script\b/g)?.length, 1, `${host}: only the page's own script`);
    assert.ok(html.includes('Evil &lt;img src=x onerror=alert(1)&gt; &quot;Outlet&quot;'), `${host}: the outlet shows as written`);
    assert.ok(html.includes('&lt;script&gt;alert(&quot;actor&quot;)&lt;/script&gt;'), `${host}: the actor name shows as written`);
    assert.ok(html.includes('now&lt;/b&gt; [x](command:workbench.action.quit) ![](https://evil.example/t.png) &lt;img src=x&gt;'), `${host}: the claim words show as written`);
    assert.deepEqual(attributeValues(html, 'src'), [], `${host}: nothing is loaded`);
    for (const href of attributeValues(html, 'href')) assert.doesNotMatch(href, /^(https?|command|javascript):/, href);
  }
});

test('hostile keys, perspectives and paths cannot leave their attribute, and note links stay relative', () => {
  const matrix: ClaimMatrixData = {
    perspectives: [{ perspective: '</style><script>alert(1)</script>', outlets: ['A&B'] }],
    rows: [{
      key: '"><svg onload=alert(1)>',
      claimants: [],
      actors: ['"><i>x</i>'],
      hasCounterSource: false,
      cells: [{
        outlet: 'A&B', perspective: '</style><script>alert(1)</script>', stances: ['asserts'], uri: 'file:///ws/a"b.md', line: 3,
        occurrences: [{ stance: 'asserts', uri: 'file:///ws/a"b.md', path: 'javascript:alert(1)/a "b" #c?.md', line: 3, text: 'x' }],
      }],
    }],
  };
  const file = render(matrix, { linkToNote: (path) => path });
  assert.ok(file.includes('data-key="&quot;&gt;&lt;svg onload=alert(1)&gt;"'));
  assert.ok(!file.includes('<svg'));
  assert.ok(!file.includes('</style><script>'));
  assert.ok(file.includes('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(file.includes('<option value="0">&quot;&gt;&lt;i&gt;x&lt;/i&gt;</option>'));
  for (const href of attributeValues(file, 'href').filter((h) => h !== 'data:,')) {
    assert.equal(href, 'javascript%3Aalert(1)/a%20%22b%22%20%23c%3F.md', 'each path segment percent-encoded: no scheme, query or fragment');
  }
  assert.deepEqual(attributeValues(file, 'data-uri'), [], 'the shared page carries no absolute note URIs');
  const webview = render(matrix, { host: 'webview' });
  assert.deepEqual(attributeValues(webview, 'data-uri'), ['file:///ws/a&quot;b.md', 'file:///ws/a&quot;b.md'], 'the cell and its detail');
  assert.deepEqual(attributeValues(webview, 'href'), [], 'the webview opens notes by message, not by link');
});

test('filters: an actor list, a box per perspective, and dates on the cells for the date range', () => {
  const html = render(buildClaimMatrix(sampleWorkspace()));
  const options = [...html.matchAll(/<option value="(\d*)">([^<]*)<\/option>/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.deepEqual(options, [':All actors', "0:Donetsk People&#39;s Republic", '1:Kassym-Jomart Tokayev', '2:Vladimir Putin']);
  assert.deepEqual(attributeValues(html, 'data-filter-p'), ['0', '1']);
  const rows = rowsOf(html);
  assert.equal(rows.get('no-recognition')!.actors, '0 1');
  assert.equal(rows.get('putin-losing-allies')!.actors, '2', 'Putin, named in the words, though no claimant is given');
  assert.deepEqual(attributeValues(rows.get('putin-losing-allies')!.html, 'data-dates'), ['2022-06-20', '2022-07-01']);
  assert.match(html, /<input type="date" id="f-from">/);
  assert.match(html, /<input type="date" id="f-to">/);
});

test('the two hosts: the webview posts messages with the note and line, the file links to the note', () => {
  const matrix = buildClaimMatrix(sampleWorkspace());
  const webview = render(matrix, { host: 'webview' });
  assert.match(webview, /<body data-host="webview">/);
  assert.ok(webview.includes(`data-uri="${uriOf('articles/tass.md')}" data-line="7"`));
  assert.match(webview, /vscode-high-contrast/, 'the webview follows the VS Code theme classes');
  assert.match(webview, /var\(--vscode-charts-green\)/);
  assert.doesNotMatch(webview, /prefers-color-scheme/);
  const file = render(matrix);
  assert.match(file, /<body data-host="file">/);
  assert.match(file, /<a class="open" href="\.\.\/ws\/articles\/tass\.md" tabindex="-1">/);
  assert.match(file, /prefers-color-scheme: dark/);
  assert.doesNotMatch(file, /--vscode-/);
});

test('an empty workspace renders a page that says so, and how to annotate a first claim', () => {
  const html = render({ perspectives: [], rows: [] }, { title: 'empty <folder>' });
  assert.match(html, /No claims in this workspace yet\./);
  assert.match(html, /<pre><code>\[[^\]]+\]\{claim=[\w-]+ by=\w+ stance=reports\}<\/code><\/pre>/);
  assert.match(html, /<a href="https:\/\/github\.com\/[\w-]+\/[\w-]+\/blob\/main\/docs\/format\.md#6-claims">/);
  assert.doesNotMatch(html, /<button[^>]*open-walkthrough/, 'the shared page has no walkthrough to open');
  const webview = render({ perspectives: [], rows: [] }, { host: 'webview' });
  assert.match(webview, /<button type="button" id="open-walkthrough">Open the Get Started walkthrough<\/button>/);
  assert.match(webview, /postMessage\(\{ type: 'walkthrough' \}\)/);
  assert.doesNotMatch(html, /<table/);
  assert.match(html, /<title>Claim matrix — empty &lt;folder&gt;<\/title>/);
});
