// Alias discovery: transliteration skeletons, the `alias.near-match` hint, and its quick fixes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { isSpellingVariant } from '../../server/src/analysis/aliasDiscovery';
import { type Workspace } from '../../server/src/model/workspace';
import { skeletons } from '../../server/src/syntax/transliteration';
import { provideCodeActions } from '../../server/src/features/codeActions/index';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { applyWorkspaceEdit, textAt } from '../helpers/edits';
import { actorNote, articleNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

const TOKAYEV = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Kasim-Jomart Tokayev'], role: 'President of Kazakhstan' });
const RUSSIA = actorNote({ name: 'Russia', aliases: ['Russia', 'Russian Federation'], kind: 'state' });

function article(...body: string[]): string {
  return articleNote({ outlet: 'Reuters', perspective: 'western' }, ...body);
}

/** The near-match hints of a note: [text under the span, actor id]. */
function hints(workspace: Workspace, path = 'articles/a.md'): [string, string][] {
  const note = workspace.getNote(uriOf(path))!;
  return noteDiagnostics(workspace, note.uri)
    .filter((d) => d.code === 'alias.near-match')
    .map((d) => [textOf(note.text, d.span), String(d.data?.actorId)]);
}

function hintsIn(body: string, actors: Record<string, string> = { 'actors/tokayev.md': TOKAYEV, 'actors/russia.md': RUSSIA }): [string, string][] {
  return hints(workspaceOf({ ...actors, 'articles/a.md': article(body) }));
}

function sameSkeleton(a: string, b: string): boolean {
  const other = new Set(skeletons(b));
  return skeletons(a).some((s) => other.has(s));
}

describe('transliteration skeletons', () => {
  test('spellings of one name share a skeleton', () => {
    const groups = [
      ['Tokayev', 'Tokaev', 'Tokaiev', 'Tokajev', 'Tokajew', 'Toqaev', 'Токаев', 'Tokaïev'],
      ['Kassym', 'Kasim', 'Qasym', 'Kasym'],
      ['Jomart', 'Zhomart', 'Жомарт'],
      ['Lisyansky', 'Lisiansky', 'Lisyanskiy', 'Lisyanskyi', 'Lisianskii'],
      ['Simonyan', 'Simonian', 'Simonjan'],
      ['Shuraev', 'Shurayev', 'Schurajew', 'Šuraev'],
      ['Kadyrov', 'Kadirov', 'Qadyrov', 'Kadyroff', 'Кадыров'],
      ['Kazakhstan', 'Kazakstan', 'Qazaqstan'],
      ['Donbas', 'Donbass'],
      ['Alexei', 'Aleksey', 'Aleksei'],
      ['Gorbachev', 'Gorbachyov', 'Gorbatschow'],
      // German ch for х (Chruschtschow) is not folded: in English text ch is ч, and one reading each keeps them apart.
      ['Khrushchev', 'Khrushchov', 'Khruschtschow'],
      ['Yevgeny', 'Evgeny', 'Evgenii'],
      ['Il\u2019ich', 'Ilyich'],
    ];
    for (const group of groups) {
      for (const spelling of group.slice(1)) assert.ok(sameSkeleton(group[0], spelling), `${group[0]} ~ ${spelling}: ${skeletons(group[0])} vs ${skeletons(spelling)}`);
    }
  });

  test('different names keep different skeletons', () => {
    const pairs = [
      ['Shuraev', 'Suraev'], // the h of sh is not a letter of its own
      ['Tokarev', 'Tokaev'],
      ['Peskov', 'Pestov'],
      ['Russia', 'Russian'],
      ['Kazakh', 'Kazakhstan'],
      ['Putin', 'Putina'],
      ['Ivanov', 'Ivanova'],
    ];
    for (const [a, b] of pairs) assert.ok(!sameSkeleton(a, b), `${a} !~ ${b}: ${skeletons(a)} vs ${skeletons(b)}`);
  });
});

describe('isSpellingVariant', () => {
  test('spelling variants, including one weak letter apart in a long word', () => {
    for (const [written, known] of [['Tokaiev', 'Tokayev'], ['Taleban', 'Taliban'], ['Luhansk', 'Lugansk'], ['Kharkov', 'Kharkiv'], ['Donbass', 'Donbas'], ['Lisyanskyi', 'Lisyansky']]) {
      assert.ok(isSpellingVariant(written, known), `${written} is a spelling of ${known}`);
    }
  });

  test('false friends: a name with an ending is another word, and the same word is no variant', () => {
    const pairs = [
      ['Russian', 'Russia'], ['Russians', 'Russia'], ['Putins', 'Putin'], ['Tokaeva', 'Tokaev'], ['Tokayeva', 'Tokayev'],
      ['Ukrainian', 'Ukraine'], ['Kazakhs', 'Kazakh'], ['Syrian', 'Syria'], ['Kremlins', 'Kremlin'],
      ['Tokayev', 'tokayev'], ['TOKAYEV', 'Tokayev'],
      ['Moskvy', 'Moskva'], // an inflection changes the last letter: never a fuzzy match
      ['Iron', 'Iran'], // short words are only compared whole
      ['Peskov', 'Pestov'], ['Tokarev', 'Tokaev'],
    ];
    for (const [written, known] of pairs) assert.ok(!isSpellingVariant(written, known), `${written} is not a spelling of ${known}`);
  });
});

describe('alias.near-match', () => {
  test('a spelling of one actor\'s alias is hinted, with the actor, the words and the alias in its data', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Later Tokaiev met the delegation.') });
    const [d, ...rest] = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((x) => x.code === 'alias.near-match');
    assert.equal(rest.length, 0);
    assert.equal(textOf(workspace.getNote(uriOf('articles/a.md'))!.text, d.span), 'Tokaiev');
    assert.equal(d.severity, 'hint');
    assert.equal(d.message, '«Tokaiev» looks like a spelling of Kassym-Jomart Tokayev (tokayev), written «Tokayev» in its aliases');
    assert.deepEqual(d.data, { actorId: 'tokayev', text: 'Tokaiev', alias: 'Tokayev' });
  });

  test('hint-level suggestions are left out when not asked for (closed notes), unless a rule raises them above a hint', () => {
    const files = { 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Later Tokaiev met the delegation. Officials said the talks would go on for another week.') };
    const suggestions = (workspace: Workspace, hints: boolean) => noteDiagnostics(workspace, uriOf('articles/a.md'), { hints })
      .filter((d) => ['alias.near-match', 'actor.candidate', 'claim.candidate'].includes(d.code))
      .map((d) => `${d.code} ${d.severity}`);
    const defaults = workspaceOf(files);
    assert.deepEqual(suggestions(defaults, true), ['alias.near-match hint', 'claim.candidate hint']);
    assert.deepEqual(suggestions(defaults, false), []);
    const raised = workspaceOf(files, { rules: { 'alias.near-match': 'warning' } });
    assert.deepEqual(suggestions(raised, false), ['alias.near-match warning']);
  });

  test('near the name itself, the message does not repeat it', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Qasym-Jomart Tokaev spoke.') });
    const [d] = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((x) => x.code === 'alias.near-match');
    assert.equal(d.message, '«Qasym-Jomart Tokaev» looks like a spelling of Kassym-Jomart Tokayev (tokayev)');
  });

  test('German and Kazakh spellings and possessives are found; a Cyrillic spelling is a mention already, not a hint', () => {
    assert.deepEqual(hintsIn('Токаев and Tokajew met; Toqaev’s visit.'), [['Tokajew', 'tokayev'], ['Toqaev', 'tokayev']]);
  });

  test('many-word names: another spelling of a word, or blanks for a hyphen, covers the whole name', () => {
    assert.deepEqual(hintsIn('Qasym-Jomart Tokaev spoke.'), [['Qasym-Jomart Tokaev', 'tokayev']]);
    assert.deepEqual(hintsIn('Kassym Jomart Tokayev spoke.'), [['Kassym Jomart Tokayev', 'tokayev']]);
    assert.deepEqual(hintsIn('Kassym Jomart\nTokayev spoke.'), [['Kassym Jomart\nTokayev', 'tokayev']]);
    assert.deepEqual(hintsIn('Kassym-Jomart.\n\nTokayev spoke.'), [], 'not across a full stop');
  });

  test('Russian is not Russia, Russians neither, and a lowercase or all-capital word is not a candidate', () => {
    assert.deepEqual(hintsIn('Russian troops and Russians; tokaiev, TOKAIEV and Tokayeva.'), []);
  });

  test('a word already an alias, or the name itself, is a mention, not a hint', () => {
    assert.deepEqual(hintsIn('Tokaev and Tokayev and Kassym-Jomart Tokayev and Kasim-Jomart Tokayev.'), []);
  });

  test('an alias the actor note does not list, but its id spells, is still hinted: ids are not prose names', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokaev'] }), 'articles/a.md': article('Tokayev spoke.') });
    assert.deepEqual(hints(workspace), [['Tokayev', 'tokayev']]);
  });

  test('a word that could spell two actors\' names gets no hint', () => {
    const actors = {
      'actors/kadyrov.md': actorNote({ name: 'Ramzan Kadyrov', aliases: ['Kadyrov'] }),
      'actors/kadirov.md': actorNote({ name: 'Rustam Kadirov', aliases: ['Kadirov'] }),
    };
    assert.deepEqual(hintsIn('Qadyrov spoke; Kadyrov and Kadirov listened.', actors), []);
    assert.deepEqual(hintsIn('Kadyroff spoke.', { 'actors/kadyrov.md': actors['actors/kadyrov.md'] }), [['Kadyroff', 'kadyrov']]);
  });

  test('nothing in code, URLs, wiki links or attribute blocks', () => {
    assert.deepEqual(hintsIn(joinLines(
      'In `Tokaiev` code, at https://example.com/Tokaiev and <https://example.com/Tokaiev>,',
      'as [[Tokaiev]] or [[tokayev|Tokaiev]], in [a claim]{claim=k by=Tokaiev}, [link](https://x.example/Tokaiev).',
      '```',
      'Tokaiev',
      '```',
    )), []);
  });

  test('an actor id written in prose (hizb-ut-tahrir) is not a spelling of its name', () => {
    const actors = { 'actors/hizb-ut-tahrir.md': actorNote({ name: 'Hizb ut Tahrir', aliases: ['Hizb ut Tahrir'], kind: 'organization' }) };
    assert.deepEqual(hintsIn('As hizb-ut-tahrir (reports), Hizb ut-Tahrir wrote.', actors), [['Hizb ut-Tahrir', 'hizb-ut-tahrir']]);
  });

  test('off when bare aliases are off, and gone when the registry lists the spelling', () => {
    const files = { 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Tokaiev spoke.') };
    assert.deepEqual(hints(workspaceOf(files, { bareAliases: false })), []);
    const workspace = workspaceOf(files);
    assert.deepEqual(hints(workspace), [['Tokaiev', 'tokayev']]);
    workspace.upsert(uriOf('actors/tokayev.md'), actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaiev'] }));
    assert.deepEqual(hints(workspace), []);
  });

  test('note text in the message comes out without control or bidi-override characters', () => {
    const actor = actorNote({ name: '"Kassym\\u202eJomart\\u0007 Tokayev"', aliases: ['Tokayev'] });
    const workspace = workspaceOf({ 'actors/tokayev.md': actor, 'articles/a.md': article('Tokaiev spoke.') });
    const [d] = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((x) => x.code === 'alias.near-match');
    assert.equal(d.message, '«Tokaiev» looks like a spelling of Kassym Jomart Tokayev (tokayev), written «Tokayev» in its aliases');
  });
});

// ---- quick fixes ----

function contextOf(workspace: Workspace, versions: Record<string, number> = {}): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: (uri) => versions[uri] ?? null };
}

function nearMatchDiagnostics(workspace: Workspace, path: string): Diagnostic[] {
  const note = workspace.getNote(uriOf(path))!;
  return noteDiagnostics(workspace, note.uri)
    .filter((d) => d.code === 'alias.near-match')
    .map((d) => ({ range: note.lines.rangeOf(d.span), code: d.code, data: d.data, message: d.message, source: 'counterpoint' }));
}

function quickFixes(ctx: FeatureContext, path = 'articles/a.md'): CodeAction[] {
  return nearMatchDiagnostics(ctx.workspace, path).flatMap((d) => provideCodeActions(ctx, uriOf(path), d.range, [d]));
}

function filesOf(workspace: Workspace): Record<string, string> {
  return Object.fromEntries([...workspace.notes()].map((note) => [note.uri, note.text]));
}

/** Applies an action's edit and loads every changed file back into the workspace; returns the files after it. */
function applyAction(workspace: Workspace, action: CodeAction): Record<string, string> {
  const before = filesOf(workspace);
  const after = applyWorkspaceEdit(before, action.edit!);
  for (const [uri, text] of Object.entries(after)) if (before[uri] !== text) workspace.upsert(uri, text);
  return after;
}

function addAlias(actions: CodeAction[]): CodeAction {
  const action = actions.find((a) => a.title.startsWith('Add «'));
  assert.ok(action, `no add-alias action in ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

/** The actor note's text after "add as alias" for a word hinted in an article. */
function afterAddingAlias(actorText: string, body = 'Tokaiev spoke.'): string {
  const workspace = workspaceOf({ 'actors/tokayev.md': actorText, 'articles/a.md': article(body) });
  return applyAction(workspace, addAlias(quickFixes(contextOf(workspace))))[uriOf('actors/tokayev.md')];
}

describe('alias.near-match quick fixes', () => {
  test('two hints of one spelling asked for at once: one add-alias action, a link for each', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Tokaiev met Putin. Tokaiev left.') });
    const diagnostics = nearMatchDiagnostics(workspace, 'articles/a.md');
    const actions = provideCodeActions(contextOf(workspace), uriOf('articles/a.md'), diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add «Tokaiev» as an alias of Kassym-Jomart Tokayev',
      'Link «Tokaiev» to [[tokayev]]',
      'Link «Tokaiev» to [[tokayev]]',
    ]);
  });

  test('add as alias: the edit appends `  - Tokaiev` after the last alias, carries the version, and clears every hint', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Tokaiev met Putin. Tokaiev left.') });
    const ctx = contextOf(workspace, { [uriOf('actors/tokayev.md')]: 7 });
    const diagnostics = nearMatchDiagnostics(workspace, 'articles/a.md');
    assert.equal(diagnostics.length, 2);
    const action = addAlias(provideCodeActions(ctx, uriOf('articles/a.md'), diagnostics[0].range, diagnostics));
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    const edit = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: uriOf('actors/tokayev.md'), version: 7 });
    const after = applyAction(workspace, action);
    assert.equal(after[uriOf('actors/tokayev.md')], TOKAYEV.replace('  - Kasim-Jomart Tokayev\n', '  - Kasim-Jomart Tokayev\n  - Tokaiev\n'));
    assert.deepEqual(hints(workspace), []);
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/a.md')).filter((m) => m.kind === 'bare' && m.actorId === 'tokayev').length, 2);
  });

  test('add as alias: a flow list gets `, item` after its last item, quoted or not', () => {
    const flow = joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases: [Tokayev, "Tokaev"]  # spellings', 'kind: person', '---', '');
    assert.equal(afterAddingAlias(flow), flow.replace('[Tokayev, "Tokaev"]', '[Tokayev, "Tokaev", Tokaiev]'));
    const empty = joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases: []', 'kind: person', '---', '');
    assert.equal(afterAddingAlias(empty, 'Kassym-Jomart Tokaiev spoke.'), empty.replace('[]', '[Kassym-Jomart Tokaiev]'));
  });

  test('add as alias: a note without an aliases field gets one, before the closing fence', () => {
    const bare = joinLines('---', 'name: Kassym-Jomart Tokayev', 'kind: person', '---', 'President.');
    const after = afterAddingAlias(bare, 'Kassym-Jomart Tokaiev spoke.');
    assert.equal(after, joinLines('---', 'name: Kassym-Jomart Tokayev', 'kind: person', 'aliases:', '  - Kassym-Jomart Tokaiev', '---', 'President.'));
  });

  test('add as alias: a single alias becomes a flow list; an empty field gets a block item; CRLF is kept', () => {
    const single = joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases: "Tokayev"', '---', '');
    assert.equal(afterAddingAlias(single), single.replace('aliases: "Tokayev"', 'aliases: [Tokayev, Tokaiev]'));
    const empty = joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases:', 'kind: person', '---', '');
    assert.equal(afterAddingAlias(empty, 'Kassym-Jomart Tokaiev spoke.'), empty.replace('aliases:\n', 'aliases:\n  - Kassym-Jomart Tokaiev\n'));
    const crlf = TOKAYEV.replace(/\n/g, '\r\n');
    assert.equal(afterAddingAlias(crlf), crlf.replace('  - Kasim-Jomart Tokayev\r\n', '  - Kasim-Jomart Tokayev\r\n  - Tokaiev\r\n'));
  });

  test('add as alias: words across a line break are added on one line', () => {
    const after = afterAddingAlias(TOKAYEV, 'Kassym Jomart\nTokayev spoke.');
    assert.ok(after.includes('  - Kasim-Jomart Tokayev\n  - Kassym Jomart Tokayev\n'), after);
  });

  test('link: the words become [[id|words]] in the note\'s version', () => {
    const text = article('Later Tokaiev met Putin.');
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': text });
    const ctx = contextOf(workspace, { [uriOf('articles/a.md')]: 4 });
    const link = quickFixes(ctx).find((a) => a.title === 'Link «Tokaiev» to [[tokayev]]');
    assert.ok(link);
    const edit = link.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: uriOf('articles/a.md'), version: 4 });
    assert.equal(textAt(text, (edit.edits[0] as TextEdit).range), 'Tokaiev');
    const after = applyAction(workspace, link);
    assert.equal(after[uriOf('articles/a.md')], text.replace('Later Tokaiev met', 'Later [[tokayev|Tokaiev]] met'));
    assert.deepEqual(hints(workspace), []);
  });

  test('a stale diagnostic (the words changed, or are an alias now) yields no action', () => {
    const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': article('Tokaiev spoke.') });
    const ctx = contextOf(workspace);
    const [d] = nearMatchDiagnostics(workspace, 'articles/a.md');
    workspace.upsert(uriOf('articles/a.md'), article('Tokajev spoke.'));
    assert.deepEqual(provideCodeActions(ctx, uriOf('articles/a.md'), d.range, [d]).filter((a) => a.title.includes('«')), []);
    workspace.upsert(uriOf('articles/a.md'), article('Tokaiev spoke.'));
    workspace.upsert(uriOf('actors/tokayev.md'), actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaiev'] }));
    assert.deepEqual(provideCodeActions(ctx, uriOf('articles/a.md'), d.range, [d]).filter((a) => a.title.includes('«')), []);
    assert.deepEqual(provideCodeActions(ctx, uriOf('articles/a.md'), d.range, [{ ...d, data: 'garbage' }]).filter((a) => a.title.includes('«')), []);
  });

  test('titles are free of control and bidi characters from the actor note', () => {
    const actor = actorNote({ name: '"Kassym\\u202eJomart Tokayev"', aliases: ['Tokayev'] });
    const workspace = workspaceOf({ 'actors/tokayev.md': actor, 'articles/a.md': article('Tokaiev spoke.') });
    const titles = quickFixes(contextOf(workspace)).map((a) => a.title);
    assert.deepEqual(titles, ['Add «Tokaiev» as an alias of KassymJomart Tokayev', 'Link «Tokaiev» to [[tokayev]]']);
  });
});
