import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { type Workspace } from '../../server/src/model/workspace';
import { ACTOR_KINDS } from '../../server/src/syntax/note';
import { COMPLETION_TRIGGER_CHARACTERS, provideCompletions } from '../../server/src/features/completion';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
import { applyTextEdits, textAt } from '../helpers/edits';
import { actorNote, articleNote, joinLines, tokayevWorkspace, uriOf, withCursor, workspaceOf } from '../helpers/workspace';

const DRAFT = 'articles/draft.md';

interface Completion {
  items: CompletionItem[];
  text: string;
  /** The text after accepting the item with this label. */
  accept(label: string): string;
  /** The text the item's edit replaces. */
  replaced(label: string): string;
}

/** Puts `textWithCursor` (with its `|^|`) into the workspace at `path` and asks for completions at the marker. */
function completeIn(textWithCursor: string, path = DRAFT, makeWorkspace: (extra: Record<string, string>) => Workspace = tokayevWorkspace): Completion {
  const { text, offset } = withCursor(textWithCursor);
  const workspace = makeWorkspace({ [path]: text });
  const note = workspace.getNote(uriOf(path))!;
  const items = provideCompletions({ workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null }, uriOf(path), note.lines.positionAt(offset));
  const edit = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no completion ${label} among ${items.map((i) => i.label).join(', ')}`);
    return item.textEdit as TextEdit;
  };
  return {
    items,
    text,
    accept: (label) => applyTextEdits(text, [edit(label)]),
    replaced: (label) => textAt(text, edit(label).range),
  };
}

function article(...body: string[]): string {
  return articleNote({ outlet: 'Draft Daily', perspective: 'western' }, ...body);
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => String(i.label));
}

function markdown(item: CompletionItem | undefined): string {
  return (item?.documentation as MarkupContent | undefined)?.value ?? '';
}

test('trigger characters cover wiki links, attribute values and frontmatter values', () => {
  assert.deepEqual([...COMPLETION_TRIGGER_CHARACTERS].sort(), [' ', ':', '=', '[', '{'].sort());
});

test('after [[ with a partial name, actors are offered and accepting one closes the link', () => {
  const c = completeIn(article('At the forum [[Toka|^|'));
  const actors = c.items.filter((i) => i.kind === CompletionItemKind.Reference);
  assert.deepEqual(labels(actors), ['dpr', 'putin', 'tokayev']);
  const tokayev = actors.find((i) => i.label === 'tokayev')!;
  assert.equal(tokayev.detail, 'Kassym-Jomart Tokayev · President of Kazakhstan');
  assert.match(tokayev.filterText!, /Tokaev/);
  assert.match(tokayev.filterText!, /Kassym-Jomart Tokayev/);
  assert.match(markdown(tokayev), /Tokayev, Tokaev, Kasim-Jomart Tokayev/);
  assert.equal(c.replaced('tokayev'), 'Toka');
  assert.ok(c.accept('tokayev').endsWith('At the forum [[tokayev]]'));
});

test('after [[ the non-actor notes follow the actors, without the note being edited', () => {
  const c = completeIn(article('See [[|^|'));
  const files = c.items.filter((i) => i.kind === CompletionItemKind.File);
  assert.deepEqual(labels(files), ['channel24', 'kyivpost', 'tass']);
  const lastActor = Math.max(...c.items.map((item, index) => (item.kind === CompletionItemKind.Reference ? index : -1)));
  const firstFile = c.items.findIndex((i) => i.kind === CompletionItemKind.File);
  assert.ok(lastActor < firstFile, 'actors come first');
  assert.ok(files.every((f) => f.sortText! > c.items.find((i) => i.label === 'tokayev')!.sortText!));
  assert.ok(c.accept('tass').endsWith('See [[tass]]'));
});

test('when the closing ]] is already there (auto-closed), only the id is inserted', () => {
  const c = completeIn(article('See [[|^|]] at the forum.'));
  assert.equal(c.replaced('putin'), '');
  assert.ok(c.accept('putin').endsWith('See [[putin]] at the forum.'));
});

test('a partial name with text after the cursor is replaced whole, up to ]] or the label', () => {
  const inName = completeIn(article('See [[to|^|kay]] now.'));
  assert.equal(inName.replaced('tokayev'), 'tokay');
  assert.ok(inName.accept('tokayev').endsWith('See [[tokayev]] now.'));

  const beforeLabel = completeIn(article('See [[Tok|^||the president]] now.'));
  assert.ok(beforeLabel.accept('tokayev').endsWith('See [[tokayev|the president]] now.'));
});

test('no wiki-link completion once the link is closed, in the label, or in code', () => {
  assert.deepEqual(completeIn(article('See [[tokayev]] and |^|')).items, []);
  assert.deepEqual(completeIn(article('See [[tokayev|Tok|^|')).items, []);
  assert.deepEqual(completeIn(article('```', 'code [[tok|^|', '```')).items, []);
});

test('by= in an attribute block offers actor ids, replacing the value typed so far', () => {
  const c = completeIn(article('[Borders are inviolable]{claim=borders by=tok|^| stance=reports}.'));
  assert.deepEqual(labels(c.items), ['dpr', 'putin', 'tokayev']);
  assert.equal(c.items.find((i) => i.label === 'tokayev')!.detail, 'Kassym-Jomart Tokayev · President of Kazakhstan');
  assert.equal(c.replaced('tokayev'), 'tok');
  assert.ok(c.accept('tokayev').endsWith('{claim=borders by=tokayev stance=reports}.'));

  const typedInMiddle = completeIn(article('[Borders are inviolable]{claim=borders by=pu|^|tn}'));
  assert.equal(typedInMiddle.replaced('putin'), 'putn');
  assert.ok(typedInMiddle.accept('putin').endsWith('{claim=borders by=putin}'));
});

test('claim= offers existing keys, the most widely carried first, with sources and perspectives', () => {
  const tass = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    '[Astana will not recognise the DPR]{claim=no-recognition stance=reports}, [Astana stays neutral]{claim=astana-neutral}.');
  const c = completeIn(article('[Something new]{claim=|^|}'), DRAFT, (extra) => tokayevWorkspace({ 'articles/tass.md': tass, ...extra }));
  assert.deepEqual(labels(c.items), ['no-recognition', 'astana-neutral', 'putin-losing-allies']);
  assert.match(c.items[0].detail!, /^“.+” · 3 sources · russian-state, ukrainian$/);
  assert.equal(c.items[1].detail, '“Astana stays neutral” · 1 source · russian-state');
  assert.match(c.items[2].detail!, /^“.+” · 1 source · ukrainian$/);
  assert.ok(c.items[0].sortText! < c.items[1].sortText! && c.items[1].sortText! < c.items[2].sortText!);
  assert.ok(c.accept('no-recognition').endsWith('[Something new]{claim=no-recognition}'));
});

test('claim= offers first the key most like the claim being typed, whatever its sources', () => {
  const tass = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    '[Astana will not recognise the DPR]{claim=no-recognition stance=reports}, [Astana stays neutral]{claim=astana-neutral}.');
  const c = completeIn(article('[Astana will stay neutral, officials say]{claim=|^|}'), DRAFT, (extra) => tokayevWorkspace({ 'articles/tass.md': tass, ...extra }));
  assert.equal(labels(c.items)[0], 'astana-neutral');
  assert.equal(c.items.length, 3);
});

test('claim= does not offer back the key only the claim being typed carries', () => {
  const c = completeIn(article('[Something new]{claim=brand-new|^|}'));
  assert.ok(!labels(c.items).includes('brand-new'));
  assert.equal(c.replaced('no-recognition'), 'brand-new');
});

test('stance= offers the four stances with what each means', () => {
  const c = completeIn(article('[Borders are inviolable]{claim=borders stance=|^|}'));
  assert.deepEqual(labels(c.items), ['asserts', 'reports', 'disputes', 'qualifies']);
  assert.match(markdown(c.items[0]), /default/);
  assert.match(markdown(c.items[1]), /claimant/);
  assert.match(markdown(c.items[2]), /quoted denial/);
  assert.match(markdown(c.items[3]), /narrows, hedges or partly contradicts/);
  assert.ok(c.accept('qualifies').endsWith('{claim=borders stance=qualifies}'));
  assert.ok(c.accept('disputes').endsWith('{claim=borders stance=disputes}'));
});

test('perspective: in an article\'s frontmatter offers the configured perspectives', () => {
  const workspace = (extra: Record<string, string>) => workspaceOf(extra, { perspectives: ['pro-government', 'opposition'] });
  const draft = joinLines('---', 'title: Draft', 'perspective: op|^|', '---', 'Body.');
  const c = completeIn(draft, DRAFT, workspace);
  assert.deepEqual(labels(c.items), ['pro-government', 'opposition']);
  assert.equal(c.replaced('opposition'), 'op');
  assert.equal(c.accept('opposition'), joinLines('---', 'title: Draft', 'perspective: opposition', '---', 'Body.'));

  const noSpace = completeIn(joinLines('---', 'perspective:|^|', '---'), DRAFT, workspace);
  assert.equal(noSpace.accept('opposition'), joinLines('---', 'perspective: opposition', '---'));
});

test('kind: in an actor note offers the actor kinds; not in an article', () => {
  const c = completeIn(joinLines('---', 'name: Astana Times', 'kind: |^|', '---'), 'actors/astana-times.md');
  assert.deepEqual(labels(c.items), [...ACTOR_KINDS]);
  assert.equal(c.accept('media'), joinLines('---', 'name: Astana Times', 'kind: media', '---'));
  assert.deepEqual(completeIn(joinLines('---', 'kind: |^|', '---')).items, []);
  assert.deepEqual(completeIn(joinLines('---', 'name: X', 'perspective: |^|', '---'), 'actors/x.md').items, []);
});

test('a new item in a claim\'s {…} offers the attribute names not yet given, and accepting one writes it', () => {
  const empty = completeIn(article('[Borders are inviolable]{|^|}'));
  assert.deepEqual(labels(empty.items), ['claim=', 'by=', 'stance=', 'counter=', '.single-source']);
  assert.equal(empty.accept('claim='), article('[Borders are inviolable]{claim=}'));
  assert.match(markdown(empty.items.find((i) => i.label === 'by=')), /claimant/);

  const some = completeIn(article('[Borders are inviolable]{claim=borders |^| stance=reports}'));
  assert.deepEqual(labels(some.items), ['by=', 'counter=', '.single-source']);
  assert.equal(some.accept('by='), article('[Borders are inviolable]{claim=borders by= stance=reports}'));

  const typing = completeIn(article('[Borders are inviolable]{claim=borders |^|'));
  assert.deepEqual(labels(typing.items), ['by=', 'stance=', 'counter=', '.single-source'], 'at the end of a line still being typed');
  assert.ok(labels(completeIn(article('[Borders are inviolable]{claim=borders stance=|^|')).items).includes('reports'));
  assert.ok(labels(completeIn(article('[Borders are inviolable]{claim=borders by=|^|')).items).includes('tokayev'));

  const partial = completeIn(article('[Borders]{claim=borders .sin|^|gle}'));
  assert.equal(partial.replaced('.single-source'), '.single');
  assert.equal(partial.accept('.single-source'), article('[Borders]{claim=borders .single-source}'));
  const marked = completeIn(article('[Borders]{claim=borders .single-source |^|}'));
  assert.ok(!labels(marked.items).includes('.single-source'));
});

test('plain prose, frontmatter-like prose and a closed attribute block get nothing', () => {
  assert.deepEqual(completeIn(article('Tokayev said |^|')).items, []);
  assert.deepEqual(completeIn(article('perspective: |^|')).items, []);
  assert.deepEqual(completeIn(article('x by=|^|')).items, []);
  assert.deepEqual(completeIn(article('[Borders]{claim=borders} |^|')).items, []);
  assert.deepEqual(completeIn(joinLines('---', 'title: x', 'outlet: y', 'perspective: western', '---', '```', '[Borders]{|^|', '```')).items, []);
  assert.deepEqual(completeIn(joinLines('---', 'title: |^|', '---')).items, []);
});

test('aliases shown in the documentation are escaped markdown', () => {
  const hostile = actorNote({ name: 'Evil', aliases: ['"[x](command:workbench.action.quit)"', '"![](https://evil.example/t.png)"', '<img src=x>'] });
  const c = completeIn(article('[[|^|'), DRAFT, (extra) => tokayevWorkspace({ 'actors/evil.md': hostile, ...extra }));
  const doc = markdown(c.items.find((i) => i.label === 'evil'));
  assert.ok(doc.includes('command'), 'the alias is still shown');
  assert.ok(!doc.includes('](command:'), doc);
  assert.ok(!doc.includes('![]('), doc);
  assert.ok(!doc.includes('<img'), doc);
});
