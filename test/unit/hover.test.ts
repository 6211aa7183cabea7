import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type Cancellation, type FeatureSettings } from '../../server/src/features/context';
import { actorSourceLocations, provideHover, warmActorHovers } from '../../server/src/features/hover';
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

/** The quoted outlets of an actor hover: `- *perspective* · [outlet](…) …`. */
function quotedOutlets(markdown: string): string[] {
  return entries(markdown).filter((line) => line.startsWith('- *'));
}

/** The hover's command links, decoded: the command and its JSON arguments. */
function commandLinks(markdown: string): { command: string; args: unknown }[] {
  return linkTargets(markdown).filter((target) => target.startsWith('command:')).map((target) => {
    const [command, query] = target.slice('command:'.length).split('?');
    return { command, args: JSON.parse(decodeURIComponent(query)) };
  });
}

test('hovering a bare alias shows the actor, a summary, then each other outlet with the sentence around its mention', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 2);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/kyivpost.md', hover), 'Tokayev');
  assert.match(markdown, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan · \[actors\/tokayev\.md\]\(file:\/\/\/ws\/actors\/tokayev\.md#L1,1\)\n\n/);
  assert.ok(markdown.includes('**Cross-source context** · 2 articles from 2 outlets in 1 perspective, this one included'), markdown);
  // Channel 24's first mention is its headline: the quote is the first sentence of its prose that mentions him.
  assert.deepEqual(quotedOutlets(markdown), [
    '- *ukrainian* · [Channel 24](file:///ws/articles/channel24.md#L10,14) · 2022-06-17 — “At the forum Tokaev spoke.”',
  ]);
  assert.ok(!markdown.includes('kyivpost.md'), 'the hovered note is not listed');
  assert.ok(!markdown.includes('more source'), 'nothing left out');
  assertOnlyFileLinks(markdown);
});

test('hovering a wiki link covers the whole link and quotes the other note\'s sentence without markup', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/channel24.md', '[[tokayev|Tokaev]]', 12);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/channel24.md', hover), '[[tokayev|Tokaev]]');
  assert.ok(markdown.startsWith('**Kassym-Jomart Tokayev**'));
  assert.deepEqual(quotedOutlets(markdown), [
    '- *ukrainian* · [Kyiv Post](file:///ws/articles/kyivpost.md#L8,1) · 2022-06-17 — “Tokayev told Putin that Kazakhstan will not recognise the DNR.”',
  ]);
  assert.ok(!markdown.includes('channel24.md#'), 'the hovered note is not listed');
});

test('hovering a by= value shows the actor and the claims it makes, with their outlets and verdicts', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'articles/kyivpost.md', 'by=tokayev', 4);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'articles/kyivpost.md', hover), 'tokayev');
  assert.ok(markdown.startsWith('**Kassym-Jomart Tokayev**'));
  assert.ok(markdown.includes('**Claims by Kassym-Jomart Tokayev** · no-recognition (2 outlets, ⚠ lacking)'), markdown);
});

test('the claims of an actor are listed once per key, with the verdict that needs attention most', () => {
  const workspace = tokayevWorkspace({
    'articles/tass-claim.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' },
      '[Kazakhstan is weighing recognition]{claim=no-recognition by=tokayev stance=disputes}.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  const claims = markdown.split('\n').find((line) => line.startsWith('**Claims by'));
  assert.equal(claims, '**Claims by Kassym-Jomart Tokayev** · no-recognition (3 outlets, contested)');
});

test('hovering the actor note\'s own name lists the articles that mention it', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'actors/tokayev.md', 'Kassym-Jomart', 3);
  const markdown = markdownOf(hover);

  assert.equal(rangeText(workspace, 'actors/tokayev.md', hover), 'Kassym-Jomart Tokayev');
  assert.match(markdown, /^\*\*Kassym-Jomart Tokayev\*\* · person · President of Kazakhstan\n/, 'no link to the note being read');
  assert.ok(markdown.includes('**Cross-source context** · 2 articles from 2 outlets in 1 perspective\n'), 'not "this one included"');
  assert.deepEqual(quotedOutlets(markdown).map((line) => line.slice(0, line.indexOf(')') + 1)), [
    '- *ukrainian* · [Channel 24](file:///ws/articles/channel24.md#L10,14)',
    '- *ukrainian* · [Kyiv Post](file:///ws/articles/kyivpost.md#L8,1)',
  ]);
});

test('hovering an alias in the actor note\'s frontmatter shows the actor', () => {
  const workspace = tokayevWorkspace();
  const hover = hoverOn(workspace, 'actors/tokayev.md', '- Tokaev', 3);
  assert.equal(rangeText(workspace, 'actors/tokayev.md', hover), 'Tokaev');
  assert.ok(markdownOf(hover).startsWith('**Kassym-Jomart Tokayev**'));
});

test('"Also in" names the analyst\'s own notes, not actor notes nor files such as a README', () => {
  const workspace = tokayevWorkspace({
    'actors/nazarbayev.md': actorNote({ name: 'Nursultan Nazarbayev', role: 'Former president' }, 'Predecessor of [[tokayev]].'),
    'README.md': '# Workspace\n\nNotes on Tokayev and others.',
    'notes/CHANGELOG.md': 'Added Tokayev.',
    'notes/working.md': '# Working notes\n\nAsk about Tokayev and the DPR.',
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  assert.ok(!quotedOutlets(markdown).some((line) => /nazarbayev|README|working/.test(line)), 'only articles are quoted');
  assert.ok(markdown.includes('Also in 1 other note: [notes/working.md](file:///ws/notes/working.md#L3,11)'), markdown);
  assert.ok(!/nazarbayev|README|CHANGELOG/.test(markdown));
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
    ['Channel 24', 'ukrainian', '2022-06-16'],
  ];
  outlets.forEach(([outlet, perspective, date], i) => {
    files[`articles/source${i}.md`] = articleNote({ outlet, perspective, date }, `Tokayev spoke to ${outlet}.`);
  });
  files['articles/reading.md'] = articleNote({ outlet: 'Kazinform', perspective: 'kazakh-official' }, 'Tokayev is read here.');
  return workspaceOf(files);
}

test('one line per outlet (its oldest article), perspectives in turn in the configured order, then a link to every source', () => {
  const markdown = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1));
  assert.ok(markdown.includes('**Cross-source context** · 7 articles from 6 outlets in 3 perspectives, this one included'), markdown);
  assert.deepEqual(quotedOutlets(markdown).map((line) => line.replace(/\]\(.*?\)/, ']')), [
    '- *ukrainian* · [Channel 24] · 2022-06-16 · 2 articles — “Tokayev spoke to Channel 24.”',
    '- *russian-state* · [TASS] · 2022-06-17 — “Tokayev spoke to TASS.”',
    '- *ukrainian* · [Kyiv Post] · 2022-06-18 — “Tokayev spoke to Kyiv Post.”',
  ]);
  assert.ok(markdown.includes('[…and 3 more sources](command:counterpoint.showActorSources?'), markdown);
  const reading = uriOf('articles/reading.md');
  assert.deepEqual(commandLinks(markdown), [{ command: 'counterpoint.showActorSources', args: ['tokayev', reading, { line: 7, character: 1 }] }]);
});

test('hoverMaxSources caps the outlets quoted below the hover\'s own cap', () => {
  const two = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1, { hoverMaxSources: 2 }));
  assert.equal(quotedOutlets(two).length, 2);
  assert.ok(two.includes('[…and 4 more sources]'));
  const many = markdownOf(hoverOn(manySourcesWorkspace(), 'articles/reading.md', 'Tokayev', 1, { hoverMaxSources: 50 }));
  assert.equal(quotedOutlets(many).length, 3, 'at most three, so that the hover fits its box');
});

test('the list behind the link holds every source: articles by perspective and date, then the analyst\'s notes', () => {
  const workspace = manySourcesWorkspace();
  workspace.upsert(uriOf('notes/mine.md'), 'Tokayev, again.');
  workspace.upsert(uriOf('README.md'), 'About Tokayev.');
  const locations = actorSourceLocations(contextOf(workspace), 'tokayev');
  assert.deepEqual(locations.map((location) => location.uri.slice(uriOf('').length)), [
    'articles/source5.md', 'articles/source1.md', 'articles/source0.md', 'articles/source2.md',
    'articles/source3.md', 'articles/source4.md', 'articles/reading.md', 'notes/mine.md',
  ]);
  assert.deepEqual(actorSourceLocations(contextOf(workspace), 'nobody'), []);
  assert.deepEqual(actorSourceLocations(contextOf(workspace), 'tokayev', { isCancellationRequested: true }), []);
});

test('a copy names its original outlet and the site it was read on', () => {
  const workspace = tokayevWorkspace({
    'articles/copy.md': joinLines('---', 'title: Copy', 'outlet: Anedelya', 'original-outlet: RIA Novosti', 'perspective: russian-state', '---', 'Tokayev said so.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1));
  assert.ok(quotedOutlets(markdown).some((line) => line.startsWith('- *russian-state* · [RIA Novosti via Anedelya](file:///ws/articles/copy.md')), markdown);
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
  assert.ok(line.slice(line.indexOf('“')).length < 120, 'a short quote');
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
  assert.ok(markdown.includes('⚠ **lacking a counter-source** · only ukrainian outlets carry it, and none contests it'));
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

test('a claim another outlet disputes is contested, naming who disputes it', () => {
  const workspace = tokayevWorkspace({
    'articles/tass-claim.md': articleNote({ outlet: 'TASS', perspective: 'russian-state', date: '2022-06-18' },
      '[Kazakhstan is weighing recognition]{claim=no-recognition stance=disputes}.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/channel24.md', 'no-recognition', 1));
  assert.ok(markdown.includes('**contested** · TASS disputes it \\(russian-state\\)'), markdown);
  assert.ok(!markdown.includes('⚠'));
  const lines = markdown.split('\n').filter((line) => line.startsWith('**') || line.startsWith('- '));
  assert.deepEqual(lines.slice(1).map((line) => line.replace(/\]\(.*?\)/, ']')), [
    '**contested** · TASS disputes it \\(russian-state\\)',
    '**First carried** 2022-06-17 by Channel 24 (ukrainian)',
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
  assert.ok(single.includes('**single-source by choice** · marked .single-source'));
  assert.ok(!single.includes('⚠'));
  assert.ok(single.includes('No other note carries this claim.'));

  const cited = markdownOf(hoverOn(workspace, 'articles/marked.md', 'akorda-denial', 1));
  assert.ok(cited.includes('**counter-source cited** · https\\://evil.example/denial'));
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
    'file:///ws/articles/channel24.md#L10,14',
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
  const claims = ['a-claim', 'b-claim', 'c-claim', 'd-claim'].map((key) => `[Said ${key}]{claim=${key} by=tokayev}.`);
  const workspace = tokayevWorkspace({
    'articles/many-claims.md': articleNote({ outlet: 'Tengri', perspective: 'kazakh-independent' }, ...claims),
  });
  const line = (settings: Partial<FeatureSettings>) => markdownOf(hoverOn(workspace, 'articles/kyivpost.md', 'Tokayev told', 1, settings))
    .split('\n').find((l) => l.startsWith('**Claims by'));
  assert.equal(line({ hoverMaxSources: 1 }), '**Claims by Kassym-Jomart Tokayev** · a-claim (1 outlet, ⚠ lacking) · …and 4 more');
  assert.equal(line({}), '**Claims by Kassym-Jomart Tokayev** · a-claim (1 outlet, ⚠ lacking) · b-claim (1 outlet, ⚠ lacking) · …and 3 more', 'at most two, to fit the box');
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
  assert.match(hover(), /- \*russian-state\* · \[TASS\]/, 'a new note that mentions the actor');

  workspace.upsert(uriOf('articles/b.md'), articleNote({ outlet: 'Kyiv Post', perspective: 'western', date: '2022-06-18' }, 'Tokayev refused to recognise the DPR.'));
  assert.match(hover(), /- \*western\* · \[Kyiv Post\]/, 'a changed perspective moves the source');

  workspace.upsert(uriOf('articles/b.md'), articleNote({ outlet: 'Kyiv Post', perspective: 'western', date: '2022-06-18' }, 'The president refused.'));
  assert.doesNotMatch(hover(), /Kyiv Post/, 'a note that no longer mentions the actor');

  workspace.remove(uriOf('articles/c.md'));
  assert.doesNotMatch(hover(), /TASS/, 'a removed note');
  assert.match(hover(), /No other article mentions Kassym-Jomart Tokayev/);
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

// ---- time and spread ----

test('a claim hover says who carried the claim first and when it reached each other perspective', () => {
  const workspace = workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] }),
    'articles/tass.md': articleNote({ outlet: 'TASS', perspective: 'russian-state', date: '2022-06-17' }, '[No recognition]{claim=k by=tokayev stance=reports}.'),
    'articles/ria.md': articleNote({ outlet: 'RIA Novosti', perspective: 'russian-state', date: '2022-06-16T09:00' }, '[Astana is weighing it]{claim=k stance=disputes}.'),
    'articles/bbc.md': articleNote({ outlet: 'BBC', perspective: 'western', date: '2022-06-20' }, '[No recognition]{claim=k}.'),
    'articles/kyiv.md': articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian', date: '2022-06-17T12:00' }, '[No recognition]{claim=k}.'),
    'articles/undated.md': joinLines('---', 'title: U', 'outlet: Vlast', 'perspective: kazakh-independent', 'date: soon', '---', '[No recognition]{claim=k}.'),
  });
  const markdown = markdownOf(hoverOn(workspace, 'articles/bbc.md', 'claim=k', 6));
  const line = markdown.split('\n').find((l) => l.startsWith('**First carried**'));
  // The disputing RIA article is older, but it does not carry the claim; an invalid date counts as none.
  assert.equal(line, '**First carried** 2022-06-17 by TASS (russian-state) · then ukrainian 2022-06-17T12\\:00 (same day, Kyiv Post), western 2022-06-20 (+3 days, BBC) · 1 undated');

  const onlyUndated = workspaceOf({ 'articles/a.md': joinLines('---', 'title: A', 'outlet: A', 'perspective: western', '---', '[x]{claim=u}.') });
  assert.ok(markdownOf(hoverOn(onlyUndated, 'articles/a.md', 'claim=u', 6)).includes('Carried in 1 undated article: when it first appeared is not known.'));
});
