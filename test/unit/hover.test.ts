import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type Cancellation, type FeatureSettings } from '../../server/src/features/context';
import { provideHover, warmActorHovers } from '../../server/src/features/hover';
import { actorNote, articleNote, joinLines, tokayevWorkspace, uriOf, workspaceOf } from '../helpers/workspace';

function contextOf(workspace: Workspace, settings: Partial<FeatureSettings> = {}) {
  return { workspace, settings: { ...DEFAULT_FEATURE_SETTINGS, ...settings }, documentVersion: () => null };
}

/** The hover over the first character of `needle` (plus `delta`) in a note. */
function hoverOn(workspace: Workspace, path: string, needle: string, delta = 0, settings: Partial<FeatureSettings> = {}, token?: Cancellation): Hover | undefined {
  const note = workspace.getNote(uriOf(path));
  assert.ok(note, `no note ${path}`);
  const offset = note.text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in ${path}`);
  return provideHover(contextOf(workspace, settings), note.uri, note.lines.positionAt(offset + delta), token);
}

function markdownOf(hover: Hover | undefined): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The text a hover's range covers. */
function rangeText(workspace: Workspace, path: string, hover: Hover | undefined): string {
  assert.ok(hover?.range);
  const note = workspace.getNote(uriOf(path))!;
  return note.text.slice(note.lines.offsetAt(hover.range.start), note.lines.offsetAt(hover.range.end));
}

/** Targets of the markdown links `[label](target)` in a hover. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((match) => match[1]);
}

/** Lines of the list entries (`- ...`) of a hover. */
function entries(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('- '));
}

function assertOnlyFileLinks(markdown: string): void {
  for (const target of linkTargets(markdown)) assert.match(target, /^file:\/\/\/ws\//, `a link to ${target}`);
  const withoutFileLinks = markdown.replace(/\]\(file:\/\/[^)]*\)/g, ']');
  assert.doesNotMatch(withoutFileLinks, /\]\(/, 'a markdown link that is not a file link');
  assert.doesNotMatch(markdown, /!\[/, 'an image');
  assert.doesNotMatch(markdown, /<[a-z/!]/i, 'raw HTML');
  assert.doesNotMatch(withoutFileLinks, /(https?|command|javascript):/i, 'a live URL or command');
}

// ---- actors ----

test('hovering a bare alias shows the actor and where other notes mention it, not the hovered note', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 2);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/kyivpost.md', hover), 'Tokayev');
  assert.match(markdown, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan · \[actors\/tokayev\.md\]\(file:\/\/\/ws\/actors\/tokayev\.md#L1,1\)/);
  assert.ok(markdown.includes('Also written: Tokayev, Tokaev, Kasim-Jomart Tokayev'));
  assert.ok(markdown.includes('**Cross-source context** · mentioned in 2 notes, this one included'));
  assert.ok(markdown.includes('**ukrainian** · 1 source'));
  // Channel 24's first mention is its heading, on line 8 (zero-based 7).
  assert.deepEqual(entries(markdown).slice(0, 1), [
    '- [Channel 24](file:///ws/articles/channel24.md#L8,3) · 2022-06-17 — “Tokayev distances himself”',
  ]);
  assert.ok(!markdown.includes('kyivpost.md'), 'the hovered note is not listed');
  assertOnlyFileLinks(markdown);
});

test('hovering a wiki link covers the whole link and quotes the other note\'s sentence without markup', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/channel24.md', '[[tokayev|Tokaev]]', 12);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/channel24.md', hover), '[[tokayev|Tokaev]]');
  assert.ok(markdown.startsWith('**Kassym-Jomart Tokayev**'));
  assert.deepEqual(entries(markdown).filter((line) => line.includes('Kyiv Post')), [
    '- [Kyiv Post](file:///ws/articles/kyivpost.md#L8,1) · 2022-06-17 — “Tokayev told Putin that Kazakhstan will not recognise the DNR.”',
  ]);
  assert.ok(!markdown.includes('channel24.md#'), 'the hovered note is not listed');
});

test('hovering a by= value shows the actor and the claims it makes, with their outlets and counter-source status', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/kyivpost.md', 'by=tokayev', 4);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/kyivpost.md', hover), 'tokayev');
  assert.ok(markdown.startsWith('**Kassym-Jomart Tokayev**'));
  assert.ok(markdown.includes('**Claims by Kassym-Jomart Tokayev**'));
  assert.ok(entries(markdown).includes('- no-recognition · 2 outlets · ⚠ no counter-source'));
});

test('the claims of an actor are listed once per key, counter-sourced when another perspective carries them', () => {
  const workspace = tokayevWorkspace({
    'articles/tass-claim.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' },
      '[Kazakhstan is weighing recognition]{claim=no-recognition by=tokayev stance=disputes}.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  const claimLines = entries(markdown).filter((line) => line.startsWith('- no-recognition'));
  assert.deepEqual(claimLines, ['- no-recognition · 3 outlets · counter-source ✓']);
});

test('hovering the actor note\'s own name lists the notes that mention it, grouped by perspective', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'actors/tokayev.md', 'Kassym-Jomart', 3);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'actors/tokayev.md', hover), 'Kassym-Jomart Tokayev');
  assert.match(markdown, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan\n/, 'no link to the note being read');
  assert.ok(markdown.includes('**ukrainian** · 2 sources'));
  assert.deepEqual(entries(markdown).filter((line) => line.includes('](file:')).map((line) => line.slice(0, line.indexOf(')') + 1)), [
    '- [Channel 24](file:///ws/articles/channel24.md#L8,3)',
    '- [Kyiv Post](file:///ws/articles/kyivpost.md#L8,1)',
  ]);
});

test('hovering an alias in the actor note\'s frontmatter shows the actor', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'actors/tokayev.md', '- Tokaev', 3);
  assert.equal(rangeText(workspace, 'actors/tokayev.md', hover), 'Tokaev');
  assert.ok(markdownOf(hover).startsWith('**Kassym-Jomart Tokayev**'));
});

test('notes outside the articles are not sources: they are summed up after the perspectives, linked by path', () => {
  const workspace = tokayevWorkspace({
    'actors/nazarbayev.md': actorNote({ name: 'Nursultan Nazarbayev', role: 'Former president' }, 'Predecessor of [[tokayev]].'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  const headings = markdown.split('\n').filter((line) => /^\*\*[^*]+\*\* · \d+ sources?$/.test(line));
  assert.deepEqual(headings, ['**ukrainian** · 1 source']);
  assert.ok(!entries(markdown).some((line) => line.includes('nazarbayev')));
  assert.ok(markdown.includes('Also in 1 other note: [actors/nazarbayev.md](file:///ws/actors/nazarbayev.md#L6,18)'), markdown);
});

function manySourcesWorkspace(): Workspace {
  const files: Record<string, string> = {
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] }),
  };
  const outlets: [string, string, string][] = [
    ['Kyiv Post', 'ukrainian', '2022-06-18'],
    ['Channel 24', 'ukrainian', '2022-06-17'],
    ['Ukrainska Pravda', 'ukrainian', '2022-06-19'],
    ['TASS', 'russian-state', '2022-06-17'],
    ['RIA Novosti', 'russian-state', '2022-06-20'],
  ];
  outlets.forEach(([outlet, perspective, date], i) => {
    files[`articles/source${i}.md`] = articleNote({ outlet, perspective, date }, `Tokayev spoke to ${outlet}.`);
  });
  files['articles/reading.md'] = articleNote({ outlet: 'Kazinform', perspective: 'kazakh-official' }, 'Tokayev is read here.');
  return workspaceOf(files);
}

test('sources are grouped by perspective in the configured order, oldest first', () => {
  const markdown = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1));
  const lines = markdown.split('\n').filter((line) => line.startsWith('**ukrainian') || line.startsWith('**russian') || line.startsWith('- ['));
  assert.deepEqual(lines.map((line) => line.replace(/\]\(.*$/, ']')), [
    '**ukrainian** · 3 sources',
    '- [Channel 24]',
    '- [Kyiv Post]',
    '- [Ukrainska Pravda]',
    '**russian-state** · 2 sources',
    '- [TASS]',
    '- [RIA Novosti]',
  ]);
  assert.ok(!markdown.includes('more source'));
});

test('the list stops at hoverMaxSources and says how many sources are left out', () => {
  const markdown = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1, { hoverMaxSources: 4 }));
  assert.deepEqual(entries(markdown).map((line) => line.replace(/\]\(.*$/, ']')), ['- [Channel 24]', '- [Kyiv Post]', '- [Ukrainska Pravda]', '- [TASS]']);
  assert.ok(markdown.includes('**russian-state** · 2 sources'), 'the heading counts the whole perspective');
  assert.ok(markdown.includes('…and 1 more source'));

  const two = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1, { hoverMaxSources: 2 }));
  assert.equal(entries(two).length, 2);
  assert.ok(!two.includes('russian-state'), 'a perspective with nothing shown has no heading');
  assert.ok(two.includes('…and 3 more sources'));
});

test('a long sentence is quoted from shortly before the mention, so the quote shows it', () => {
  const padding = 'The delegation discussed grain corridors, pipelines, customs rules, railway tariffs, border crossings and visas at great length while';
  const workspace = tokayevWorkspace({
    'articles/long.md': articleNote({ outlet: 'Long Read', perspective: 'western' }, `${padding} ${padding} Tokaev, calm as ever, listened.`),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  const line = entries(markdown).find((l) => l.includes('Long Read'));
  assert.ok(line);
  assert.match(line, /— “…[^“]*Tokaev, calm as ever, listened\.”$/);
});

test('an unknown actor gets a short hover that offers to create its note', () => {
  const workspace = tokayevWorkspace({
    'articles/unknown.md': articleNote({ outlet: 'Vlast', perspective: 'kazakh-independent' },
      'Then [[nazarbayev]] spoke. [He left]{claim=nazarbayev-left by=elbasy}.'),
  });
  const link = hoverOn(workspace, 'articles/unknown.md', 'nazarbayev]]', 2);
  assert.equal(rangeText(workspace, 'articles/unknown.md', link), 'nazarbayev');
  assert.match(markdownOf(link), /No actor note exists/);
  assert.match(markdownOf(link), /quick fix can create one/);
  assert.ok(markdownOf(link).includes('“nazarbayev”'));

  const by = hoverOn(workspace, 'articles/unknown.md', 'elbasy', 1);
  assert.equal(rangeText(workspace, 'articles/unknown.md', by), 'elbasy');
  assert.match(markdownOf(by), /No actor note exists/);
});

// ---- claims ----

test('hovering a claim key shows the status of this occurrence and the other notes that carry the key', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/channel24.md', 'no-recognition', 3);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/channel24.md', hover), 'no-recognition');
  assert.ok(markdown.startsWith('**Claim no-recognition** · by Kassym-Jomart Tokayev · reports'));
  assert.ok(markdown.includes('⚠ no counter-source: only ukrainian outlets carry it'));
  assert.ok(markdown.includes('**Sources** · 2 outlets · 1 perspective, this note included'));
  assert.deepEqual(entries(markdown), [
    '- [Kyiv Post](file:///ws/articles/kyivpost.md#L8,25) · 2022-06-17 · reports — “Kazakhstan will not recognise the DNR”',
  ]);
  assertOnlyFileLinks(markdown);
});

test('hovering the claim text or another attribute shows the claim; a wiki link inside it shows the actor', () => {
  const workspace = tokayevWorkspace({
    'articles/inner.md': articleNote({ outlet: 'Astana Times', perspective: 'kazakh-official' },
      '[Kazakhstan told [[putin]] it will not recognise the DPR]{claim=no-recognition stance=asserts}.'),
  });
  const onText = hoverOn(workspace, 'articles/inner.md', 'told', 1);
  assert.equal(rangeText(workspace, 'articles/inner.md', onText), '[Kazakhstan told [[putin]] it will not recognise the DPR]{claim=no-recognition stance=asserts}');
  assert.ok(markdownOf(onText).startsWith('**Claim no-recognition** · asserts'));

  const onStance = hoverOn(workspace, 'articles/inner.md', 'stance=asserts', 2);
  assert.equal(rangeText(workspace, 'articles/inner.md', onStance), 'stance=asserts');
  assert.ok(markdownOf(onStance).startsWith('**Claim no-recognition**'));

  const onLink = hoverOn(workspace, 'articles/inner.md', '[[putin]]', 3);
  assert.ok(markdownOf(onLink).startsWith('**Vladimir Putin**'));
});

test('a claim with a counter-source from another perspective says which', () => {
  const workspace = tokayevWorkspace({
    'articles/tass-claim.md': articleNote({ outlet: 'TASS', perspective: 'russian-state', date: '2022-06-18' },
      '[Kazakhstan is weighing recognition]{claim=no-recognition stance=disputes}.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/channel24.md', 'no-recognition', 1));
  assert.ok(markdown.includes('✓ has a counter-source: russian-state \\(TASS\\)'));
  assert.ok(!markdown.includes('⚠'));
  const lines = markdown.split('\n').filter((line) => line.startsWith('**') || line.startsWith('- '));
  assert.deepEqual(lines.slice(1).map((line) => line.replace(/\]\(.*?\)/, ']')), [
    '**Sources** · 3 outlets · 2 perspectives, this note included',
    '**ukrainian** · 1 source',
    '- [Kyiv Post] · 2022-06-17 · reports — “Kazakhstan will not recognise the DNR”',
    '**russian-state** · 1 source',
    '- [TASS] · 2022-06-18 · disputes — “Kazakhstan is weighing recognition”',
  ]);
});

test('a single-source claim and a cited counter-source are shown as such, the URL not clickable', () => {
  const workspace = tokayevWorkspace({
    'articles/marked.md': articleNote({ outlet: 'Orda', perspective: 'kazakh-independent' },
      '[Only we know this]{claim=orda-scoop .single-source}.',
      '',
      '[Akorda denied it]{claim=akorda-denial counter=https://evil.example/denial}.'),
  });
  const single = markdownOf(hoverOn(workspace, 'articles/marked.md', 'orda-scoop', 1));
  assert.ok(single.includes('marked single-source'));
  assert.ok(!single.includes('⚠'));
  assert.ok(single.includes('No other note carries this claim.'));

  const cited = markdownOf(hoverOn(workspace, 'articles/marked.md', 'akorda-denial', 1));
  assert.ok(cited.includes('counter-source cited: https\\://evil.example/denial'));
  assertOnlyFileLinks(cited);
});

// ---- untrusted text ----

const HOSTILE = '[x](command:workbench.action.quit) ![](https://evil.example/t.png) <img src=x onerror=alert(1)>';

test('hostile text around a mention comes out escaped: no links but file links, no images, no HTML', () => {
  const workspace = tokayevWorkspace({
    'articles/hostile.md': joinLines(
      '---',
      'title: Hostile',
      `outlet: "<img src=x onerror=alert(1)> [evil](command:workbench.action.quit)"`,
      'date: "2022-06-18 <b>now</b>"',
      'perspective: "<script>alert(1)</script>"',
      '---',
      `Tokayev said ${HOSTILE} today.`,
    ),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  const line = entries(markdown).find((l) => l.includes('hostile.md'));
  assert.ok(line, 'the hostile note is listed');
  assert.ok(line.includes('\\[x\\]\\(command\\:workbench.action.quit\\)'), 'the text is shown as typed');
  assert.ok(line.includes('&lt;img src=x onerror=alert\\(1\\)&gt;'));
  assert.deepEqual(linkTargets(markdown), [
    'file:///ws/actors/tokayev.md#L1,1',
    'file:///ws/articles/channel24.md#L8,3',
    'file:///ws/articles/hostile.md#L7,1',
  ]);
  assertOnlyFileLinks(markdown);
});

test('a hostile actor name, alias, role and claim text come out escaped', () => {
  const workspace = workspaceOf({
    'actors/evil.md': actorNote({ name: '"<img src=x onerror=alert(1)>"', aliases: ['"[Evil](command:workbench.action.quit)"', 'Evil Corp'], role: '"![](https://evil.example/t.png)"' }),
    'articles/a.md': articleNote({ outlet: 'A', perspective: 'western' }, `Evil Corp said [${HOSTILE}]{claim=evil-claim by=evil}.`),
    'articles/b.md': articleNote({ outlet: 'B', perspective: 'western' }, `Evil Corp wrote [${HOSTILE}]{claim=evil-claim by=evil}.`),
  });
  const actor = markdownOf(hoverOn(workspace, 'articles/a.md', 'Evil Corp', 1));
  assert.ok(actor.startsWith('**&lt;img src=x onerror=alert\\(1\\)&gt;**'));
  assert.ok(actor.includes('Also written: \\[Evil\\]\\(command\\:workbench.action.quit\\), Evil Corp'));
  assertOnlyFileLinks(actor);

  const claim = markdownOf(hoverOn(workspace, 'articles/a.md', 'command:', 1));
  assert.ok(claim.startsWith('**Claim evil-claim**'));
  assert.equal(entries(claim).length, 1);
  assertOnlyFileLinks(claim);
});

// ---- no hover ----

test('there is no hover on plain prose, headings or article frontmatter', () => {
  const workspace = tokayevWorkspace({
    'articles/plain.md': articleNote({ outlet: 'Plain', perspective: 'western' }, '## Background', '', 'Nothing here names anyone.'),
  });
  assert.equal(hoverOn(workspace, 'articles/channel24.md', 'spoke', 1), undefined);
  assert.equal(hoverOn(workspace, 'articles/plain.md', 'Background', 1), undefined);
  assert.equal(hoverOn(workspace, 'articles/plain.md', 'names anyone', 1), undefined);
  assert.equal(hoverOn(workspace, 'articles/plain.md', 'outlet: Plain', 9), undefined);
  assert.equal(provideHover(contextOf(workspace), uriOf('articles/missing.md'), { line: 0, character: 0 }), undefined);
});

test('a cancelled request stops without an answer', () => {
  const workspace = tokayevWorkspace();
  const cancelled = { isCancellationRequested: true };
  assert.equal(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1, {}, cancelled), undefined);
  assert.equal(hoverOn(workspace, 'articles/channel24.md', 'no-recognition', 1, {}, cancelled), undefined);
});

test('the claims of an actor are capped like the sources', () => {
  const claims = ['a-claim', 'b-claim', 'c-claim'].map((key) => `[Said ${key}]{claim=${key} by=tokayev}.`);
  const workspace = tokayevWorkspace({
    'articles/many-claims.md': articleNote({ outlet: 'Tengri', perspective: 'kazakh-independent' }, ...claims),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1, { hoverMaxSources: 2 }));
  const claimLines = markdown.slice(markdown.indexOf('**Claims by')).split('\n').filter((line) => line.startsWith('- '));
  assert.deepEqual(claimLines, ['- a-claim · 1 outlet · ⚠ no counter-source', '- b-claim · 1 outlet · ⚠ no counter-source']);
  assert.ok(markdown.endsWith('…and 2 more claims'));
});

test('an actor hover follows every change to the notes that mention it, though what it lists is kept between hovers', () => {
  const workspace = workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] }),
    'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian', date: '2022-06-17' }, 'Tokayev spoke in Moscow.'),
    'articles/b.md': articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian', date: '2022-06-18' }, 'Tokayev refused to recognise the DPR.'),
  });
  const hover = () => markdownOf(hoverOn(workspace, 'articles/a.md', 'Tokayev'));
  assert.match(hover(), /Kyiv Post/);
  assert.equal(hover(), hover(), 'the same hover twice');

  workspace.upsert(uriOf('articles/c.md'), articleNote({ outlet: 'TASS', perspective: 'russian-state', date: '2022-06-19' }, 'Tokayev met Putin.'));
  assert.match(hover(), /\*\*russian-state\*\* · 1 source[\s\S]*TASS/, 'a new note that mentions the actor');

  workspace.upsert(uriOf('articles/b.md'), articleNote({ outlet: 'Kyiv Post', perspective: 'western', date: '2022-06-18' }, 'Tokayev refused to recognise the DPR.'));
  assert.match(hover(), /\*\*western\*\* · 1 source[\s\S]*Kyiv Post/, 'a changed perspective moves the source');

  workspace.upsert(uriOf('articles/b.md'), articleNote({ outlet: 'Kyiv Post', perspective: 'western', date: '2022-06-18' }, 'The president refused.'));
  assert.doesNotMatch(hover(), /Kyiv Post/, 'a note that no longer mentions the actor');

  workspace.remove(uriOf('articles/c.md'));
  assert.doesNotMatch(hover(), /TASS/, 'a removed note');
  assert.match(hover(), /No other note mentions Kassym-Jomart Tokayev/);
});

test('warming the hovers of a note\'s actors changes nothing they show, and a note that is not there is passed over', () => {
  const workspace = tokayevWorkspace();
  const [path] = [...workspace.notes()].filter((n) => n.kind === 'article').map((n) => n.path);
  const note = workspace.getNote(uriOf(path))!;
  const mention = workspace.mentionsIn(note.uri)[0];
  const hoverHere = () => markdownOf(provideHover(contextOf(workspace), note.uri, note.lines.positionAt(mention.span.start)));
  const cold = hoverHere();
  const warmed = tokayevWorkspace();
  warmActorHovers(contextOf(warmed), note.uri);
  warmActorHovers(contextOf(warmed), uriOf('articles/missing.md'));
  assert.equal(markdownOf(provideHover(contextOf(warmed), note.uri, note.lines.positionAt(mention.span.start))), cold);
  assert.equal(hoverHere(), cold);
});

test('warming up stops when its time is spent and says whether actors are left', () => {
  const workspace = tokayevWorkspace();
  const note = [...workspace.notes()].find((n) => n.kind === 'article' && workspace.mentionsIn(n.uri).length > 0)!;
  assert.equal(warmActorHovers(contextOf(workspace), note.uri, -1), false, 'no time at all: actors are left');
  assert.equal(warmActorHovers(contextOf(workspace), note.uri), true, 'no limit: all done');
  assert.equal(warmActorHovers(contextOf(workspace), uriOf('articles/missing.md'), -1), true, 'nothing to warm in a note that is not there');
});

test('a note outside the article and actor folders (a README) is no source of an actor\'s hover, nor one of its "other notes"', () => {
  const workspace = tokayevWorkspace({
    'README.md': joinLines('# About these notes', '', 'They follow [[tokayev]] and Tokayev\'s visits.'),
    'actors/nazarbayev.md': actorNote({ name: 'Nursultan Nazarbayev', role: 'Former president' }, 'Predecessor of [[tokayev]].'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  assert.ok(!markdown.includes('README'), markdown);
  assert.ok(markdown.includes('Also in 1 other note: [actors/nazarbayev.md]'), markdown);
});
