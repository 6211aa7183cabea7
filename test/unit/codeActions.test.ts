import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { provideCodeActions } from '../../server/src/features/codeActions/index';
import { applyWorkspaceEdit, textAt } from '../helpers/edits';
import { actorNote, articleNote, joinLines, tokayevWorkspace, uriOf, withCursor, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

// ---- helpers ----

function contextOf(workspace: Workspace, versions: Record<string, number> = {}): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: (uri) => versions[uri] ?? null };
}

/** The note's current diagnostics with one code, as the server sends them to the client. */
function lspDiagnostics(workspace: Workspace, path: string, code: string): Diagnostic[] {
  const note = workspace.getNote(uriOf(path))!;
  return noteDiagnostics(workspace, note.uri)
    .filter((d) => d.code === code)
    .map((d) => ({ range: note.lines.rangeOf(d.span), code: d.code, data: d.data, message: d.message, source: 'counterpoint' }));
}

function cursorRange(workspace: Workspace, path: string, offset: number): Range {
  const position = workspace.getNote(uriOf(path))!.lines.positionAt(offset);
  return { start: position, end: position };
}

/** Code actions for the diagnostics of a code in a note, requested over each diagnostic's range. */
function quickFixes(ctx: FeatureContext, path: string, code: string): CodeAction[] {
  const diagnostics = lspDiagnostics(ctx.workspace, path, code);
  return diagnostics.flatMap((d) => provideCodeActions(ctx, uriOf(path), d.range, [d]));
}

function filesOf(workspace: Workspace): Record<string, string> {
  return Object.fromEntries([...workspace.notes()].map((note) => [note.uri, note.text]));
}

/** Applies an action's edit to the workspace's files and loads every changed file back into the workspace. */
function applyAction(workspace: Workspace, action: CodeAction): Record<string, string> {
  assert.ok(action.edit, `action "${action.title}" has no edit`);
  const before = filesOf(workspace);
  const after = applyWorkspaceEdit(before, action.edit);
  for (const [uri, text] of Object.entries(after)) if (before[uri] !== text) workspace.upsert(uri, text);
  return after;
}

function onlyDocumentEdit(action: CodeAction): TextDocumentEdit {
  const changes = action.edit?.documentChanges ?? [];
  assert.equal(changes.length, 1);
  assert.ok('textDocument' in changes[0]);
  return changes[0] as TextDocumentEdit;
}

function codesOf(workspace: Workspace, path: string): string[] {
  return noteDiagnostics(workspace, uriOf(path)).map((d) => d.code);
}

// ---- wrap a bare alias ----

test('wrap alias: a bare alias under the cursor becomes a labelled wiki link, and nothing else changes', () => {
  const { text, offset } = withCursor(articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Later To|^|kaev met Putin in Moscow.'));
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const ctx = contextOf(workspace, { [uriOf('articles/reuters.md')]: 3 });
  const actions = provideCodeActions(ctx, uriOf('articles/reuters.md'), cursorRange(workspace, 'articles/reuters.md', offset), []);

  const wrap = actions.find((a) => a.title.startsWith('Link “Tokaev”'));
  assert.ok(wrap, `no wrap action in ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(wrap.kind, 'refactor.rewrite');
  const edit = onlyDocumentEdit(wrap);
  assert.deepEqual(edit.textDocument, { uri: uriOf('articles/reuters.md'), version: 3 });
  assert.equal(edit.edits.length, 1);
  assert.equal(textAt(text, (edit.edits[0] as TextEdit).range), 'Tokaev');
  const after = applyWorkspaceEdit(filesOf(workspace), wrap.edit!);
  assert.equal(after[uriOf('articles/reuters.md')], text.replace('Later Tokaev met', 'Later [[tokayev|Tokaev]] met'));
  // Putin is not under the cursor: no action for it.
  assert.ok(!actions.some((a) => a.title.includes('Putin')));
});

test('wrap alias: words equal to the id become a plain [[id]] link', () => {
  const { text, offset } = withCursor(articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Spelled in lower case: toka|^|yev spoke.'));
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const actions = provideCodeActions(contextOf(workspace), uriOf('articles/reuters.md'), cursorRange(workspace, 'articles/reuters.md', offset), []);
  const wrap = actions.find((a) => a.title.startsWith('Link “tokayev”'))!;
  const after = applyWorkspaceEdit(filesOf(workspace), wrap.edit!);
  assert.equal(after[uriOf('articles/reuters.md')], text.replace('case: tokayev spoke', 'case: [[tokayev]] spoke'));
});

test('wrap alias: a name written across a line break is labelled on one line', () => {
  const { text, offset } = withCursor(articleNote({ outlet: 'Reuters', perspective: 'western' }, 'President Kasim-Jomart', 'Tok|^|ayev arrived.'));
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const actions = provideCodeActions(contextOf(workspace), uriOf('articles/reuters.md'), cursorRange(workspace, 'articles/reuters.md', offset), []);
  const wrap = actions.find((a) => a.title.startsWith('Link “Kasim-Jomart Tokayev”'))!;
  const after = applyWorkspaceEdit(filesOf(workspace), wrap.edit!);
  assert.equal(after[uriOf('articles/reuters.md')], text.replace('President Kasim-Jomart\nTokayev arrived', 'President [[tokayev|Kasim-Jomart Tokayev]] arrived'));
});

test('wrap alias: "link all" links every bare mention of the actor in the note and leaves existing links alone', () => {
  const body = 'Tokayev spoke. Then [[tokayev|Tokaev]] left; Putin stayed. Later To|^|kaev returned and tokayev smiled.';
  const { text, offset } = withCursor(articleNote({ outlet: 'Reuters', perspective: 'western' }, body));
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const actions = provideCodeActions(contextOf(workspace), uriOf('articles/reuters.md'), cursorRange(workspace, 'articles/reuters.md', offset), []);
  const all = actions.find((a) => a.title === 'Link all 3 bare mentions of Kassym-Jomart Tokayev in this note');
  assert.ok(all, actions.map((a) => a.title).join(' | '));
  const edit = onlyDocumentEdit(all);
  assert.deepEqual(edit.edits.map((e) => textAt(text, (e as TextEdit).range)), ['Tokayev', 'Tokaev', 'tokayev']);
  const after = applyWorkspaceEdit(filesOf(workspace), all.edit!);
  assert.equal(after[uriOf('articles/reuters.md')], text.replace(
    'Tokayev spoke. Then [[tokayev|Tokaev]] left; Putin stayed. Later Tokaev returned and tokayev smiled.',
    '[[tokayev|Tokayev]] spoke. Then [[tokayev|Tokaev]] left; Putin stayed. Later [[tokayev|Tokaev]] returned and [[tokayev]] smiled.'));
  // The linked note now has no bare mentions of Tokayev left.
  applyAction(workspace, all);
  assert.deepEqual(workspace.mentionsIn(uriOf('articles/reuters.md')).filter((m) => m.actorId === 'tokayev').map((m) => m.kind), ['wikilink', 'wikilink', 'wikilink', 'wikilink']);
});

test('wrap alias: nothing is offered off a mention, on a wiki link, or in code', () => {
  const body = 'The [[tokayev|Tokaev]] link. Plain words here. Code `Tokaev` too.';
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' }, body);
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const ctx = contextOf(workspace);
  for (const at of ['Tokaev]]', 'Plain', 'Tokaev`']) {
    const actions = provideCodeActions(ctx, uriOf('articles/reuters.md'), cursorRange(workspace, 'articles/reuters.md', text.indexOf(at) + 1), []);
    assert.deepEqual(actions, [], `actions at ${at}`);
  }
});

// ---- create an actor note ----

test('create actor: an unknown labelled wiki link gets a new actor note with its names filled in', () => {
  const text = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, 'The businessman [[shuraev|Arman Shuraev]] spoke.');
  const workspace = tokayevWorkspace({ 'articles/shuraev-interview.md': text });
  const actions = quickFixes(contextOf(workspace), 'articles/shuraev-interview.md', 'actor.unknown');
  assert.equal(actions.length, 1);
  const [create] = actions;
  assert.equal(create.title, 'Create actor note actors/shuraev.md for “shuraev”');
  assert.equal(create.kind, 'quickfix');
  assert.equal(create.isPreferred, true);
  assert.equal(create.diagnostics?.[0].code, 'actor.unknown');
  assert.deepEqual(create.edit!.documentChanges![0], { kind: 'create', uri: uriOf('actors/shuraev.md'), options: { overwrite: false, ignoreIfExists: false } });
  assert.deepEqual((create.edit!.documentChanges![1] as TextDocumentEdit).textDocument, { uri: uriOf('actors/shuraev.md'), version: null });

  const after = applyAction(workspace, create);
  assert.equal(after[uriOf('actors/shuraev.md')], joinLines(
    '---',
    'name: Shuraev',
    'aliases:',
    '  - shuraev',
    '  - Arman Shuraev',
    'kind: person # person | organization | state | territory | media',
    'role:',
    '---',
    '',
    'First mentioned in [[shuraev-interview]] (Channel 24).',
    '',
  ));
  // The new note is a valid actor note, and the mention now resolves to it.
  assert.deepEqual(codesOf(workspace, 'actors/shuraev.md'), []);
  assert.equal(workspace.actor('shuraev')?.meta.name, 'Shuraev');
  assert.ok(!codesOf(workspace, 'articles/shuraev-interview.md').includes('actor.unknown'));
  assert.equal(workspace.resolveActor('Arman Shuraev')?.id, 'shuraev');
});

test('create actor: a by= claimant and a name with diacritics get an ASCII slug and keep the written name', () => {
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' },
    '[Turkey will mediate]{claim=turkey-mediates by="Ömer Çelik"}. Also [[nazarbayev]].');
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const actions = quickFixes(contextOf(workspace), 'articles/reuters.md', 'actor.unknown');
  assert.deepEqual(actions.map((a) => a.title), [
    'Create actor note actors/omer-celik.md for “Ömer Çelik”',
    'Create actor note actors/nazarbayev.md for “nazarbayev”',
  ]);
  const after = applyAction(workspace, actions[0]);
  assert.equal(after[uriOf('actors/omer-celik.md')], joinLines(
    '---', 'name: Ömer Çelik', 'aliases:', '  - Ömer Çelik', 'kind: person # person | organization | state | territory | media', 'role:', '---', '',
    'First mentioned in [[reuters]] (Reuters).', ''));
  assert.equal(workspace.resolveActor('Ömer Çelik')?.id, 'omer-celik');
  const nazarbayev = applyWorkspaceEdit(filesOf(workspace), actions[1].edit!)[uriOf('actors/nazarbayev.md')];
  assert.match(nazarbayev, /^---\nname: Nazarbayev\naliases:\n {2}- nazarbayev\n/);
});

test('create actor: names YAML would misread are quoted', () => {
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' }, 'See [[yes|Ministry: Defence #2]].');
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const [create] = quickFixes(contextOf(workspace), 'articles/reuters.md', 'actor.unknown');
  const after = applyAction(workspace, create);
  assert.match(after[uriOf('actors/yes.md')], /^---\nname: "Yes"\naliases:\n {2}- "yes"\n {2}- "Ministry: Defence #2"\n/);
  assert.deepEqual(workspace.actor('yes')?.meta.aliases.map((a) => a.value), ['yes', 'Ministry: Defence #2']);
});

test('create actor: the note goes in the first configured actor folder', () => {
  const workspace = workspaceOf({
    'people/putin.md': actorNote({ name: 'Vladimir Putin' }),
    'news/a.md': articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Met [[lavrov|Sergei Lavrov]].'),
  }, { actorFolders: ['people', 'actors'], articleFolders: ['news'] });
  const [create] = quickFixes(contextOf(workspace), 'news/a.md', 'actor.unknown');
  assert.equal((create.edit!.documentChanges![0] as { uri: string }).uri, uriOf('people/lavrov.md'));
});

test('create actor: refused (disabled, no edit) when the file or the id already exists', () => {
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' }, '[Talks went well]{claim=talks by=nazarbayev} and [[elbasy]].');
  const workspace = tokayevWorkspace({
    'articles/reuters.md': text,
    // A file actors/nazarbayev.md whose actor has another id and no alias "nazarbayev".
    'actors/nazarbayev.md': actorNote({ id: 'nursultan', name: 'Nursultan N.' }),
    // An actor whose id is the slug of the unknown name, though its names do not match it.
    'actors/other.md': actorNote({ id: 'elbasy', name: 'First President' }),
  });
  // [[elbasy]] resolves by id, so only the by= value is unknown.
  const actions = quickFixes(contextOf(workspace), 'articles/reuters.md', 'actor.unknown');
  assert.equal(actions.length, 1);
  assert.equal(actions[0].edit, undefined);
  assert.match(actions[0].disabled?.reason ?? '', /actors\/nazarbayev\.md already exists/);

  const withSlugTaken = articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Met [Talks]{claim=talks by="Elbasy!"}.');
  workspace.upsert(uriOf('articles/reuters.md'), withSlugTaken);
  const [taken] = quickFixes(contextOf(workspace), 'articles/reuters.md', 'actor.unknown');
  assert.equal(taken.edit, undefined);
  assert.match(taken.disabled?.reason ?? '', /actor with the id elbasy already exists/);
});

test('create actor: a stale diagnostic (the name resolves now, or is no longer there) yields nothing', () => {
  const path = 'articles/reuters.md';
  const workspace = tokayevWorkspace({ [path]: articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Met [[lavrov]].') });
  const ctx = contextOf(workspace);
  const [diagnostic] = lspDiagnostics(workspace, path, 'actor.unknown');
  workspace.upsert(uriOf('actors/lavrov.md'), actorNote({ name: 'Sergei Lavrov' }));
  assert.deepEqual(provideCodeActions(ctx, uriOf(path), diagnostic.range, [diagnostic]), []);

  workspace.remove(uriOf('actors/lavrov.md'));
  workspace.upsert(uriOf(path), articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Met [[shoigu]].'));
  assert.deepEqual(provideCodeActions(ctx, uriOf(path), diagnostic.range, [diagnostic]), []);
  // A payload that is not what the core sends is ignored, not trusted.
  assert.deepEqual(provideCodeActions(ctx, uriOf(path), diagnostic.range, [{ ...diagnostic, data: { name: 42 } }]), []);
});

// ---- counter-source candidates ----

/** The candidates as offered first, one per sentence (the other stances of each follow them). */
function preferredCandidates(actions: readonly CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    if (!a.title.startsWith('Annotate as')) return false;
    const quote = a.title.slice(a.title.indexOf('“'), a.title.indexOf('”') + 1);
    if (seen.has(quote)) return false;
    seen.add(quote);
    return true;
  });
}

const CLAIM_LINE = '[Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.';

function counterWorkspace(tass: string, extra: Record<string, string> = {}): Workspace {
  return workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] }),
    'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }),
    'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR'], kind: 'territory' }),
    'actors/kazakhstan.md': actorNote({ name: 'Kazakhstan', kind: 'state' }),
    'articles/channel24.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, CLAIM_LINE),
    'articles/tass.md': tass,
    ...extra,
  });
}

const TASS_TEXT = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
  'Kazakhstan and Russia remain allies, Putin said. The weather in Astana was warm.',
  '',
  'At the forum Tokaev said that Kazakhstan would not recognise the DNR and the other Donbas republics. Trade grew by ten percent.');

test('counter-source: the sentence about the same thing ranks first and its edit annotates exactly that sentence in the other note', () => {
  const workspace = counterWorkspace(TASS_TEXT);
  const ctx = contextOf(workspace, { [uriOf('articles/tass.md')]: 12, [uriOf('articles/channel24.md')]: 4 });
  const actions = quickFixes(ctx, 'articles/channel24.md', 'claim.no-counter-source');
  const candidates = preferredCandidates(actions);
  assert.ok(candidates.length >= 1 && candidates.length <= 3);
  assert.equal(candidates[0].title, 'Annotate as TASS (russian-state) reporting Kassym-Jomart Tokayev: “At the forum Tokaev said that Kazakhstan would not recognise…”');
  assert.equal(candidates[0].kind, 'quickfix');
  // Unrelated sentences are not offered at all.
  assert.ok(!candidates.some((a) => /weather|Trade grew/.test(a.title)), candidates.map((a) => a.title).join(' | '));

  const edit = onlyDocumentEdit(candidates[0]);
  assert.deepEqual(edit.textDocument, { uri: uriOf('articles/tass.md'), version: 12 });
  // Two insertions, nothing replaced.
  assert.deepEqual(edit.edits.map((e) => textAt(TASS_TEXT, (e as TextEdit).range)), ['', '']);
  const after = applyWorkspaceEdit(filesOf(workspace), candidates[0].edit!, { versions: { [uriOf('articles/tass.md')]: 12 } });
  assert.equal(after[uriOf('articles/tass.md')], TASS_TEXT.replace(
    'At the forum Tokaev said that Kazakhstan would not recognise the DNR and the other Donbas republics.',
    '[At the forum Tokaev said that Kazakhstan would not recognise the DNR and the other Donbas republics]{claim=no-recognition by=tokayev stance=reports}.'));
  assert.equal(after[uriOf('articles/channel24.md')], workspace.getNote(uriOf('articles/channel24.md'))!.text);
});

test('counter-source: after annotating the candidate, the original claim has a counter-source', () => {
  const workspace = counterWorkspace(TASS_TEXT);
  const ctx = contextOf(workspace);
  assert.ok(codesOf(workspace, 'articles/channel24.md').includes('claim.no-counter-source'));
  const [best] = quickFixes(ctx, 'articles/channel24.md', 'claim.no-counter-source');
  applyAction(workspace, best);
  assert.ok(!codesOf(workspace, 'articles/channel24.md').includes('claim.no-counter-source'));
  assert.ok(!codesOf(workspace, 'articles/tass.md').some((c) => c.startsWith('claim.') && c !== 'claim.candidate'), codesOf(workspace, 'articles/tass.md').join(', '));
  // The diagnostic the client still shows is stale now: no more fixes for it.
  const note = workspace.getNote(uriOf('articles/channel24.md'))!;
  const claim = note.claims[0];
  const stale: Diagnostic = { range: note.lines.rangeOf(claim.keySpan!), code: 'claim.no-counter-source', data: { key: 'no-recognition' }, message: '' };
  assert.deepEqual(provideCodeActions(ctx, note.uri, stale.range, [stale]), []);
});

test('counter-source: transliterations match through the actor, not the spelling', () => {
  const claimNote = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
    '[Tokayev snubbed the economic forum]{claim=forum-snub}.');
  const tass = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    'Delegates snubbed the economic forum. Tokaev snubbed the economic forum in Petersburg.');
  const workspace = counterWorkspace(tass, { 'articles/channel24.md': claimNote });
  const candidates = preferredCandidates(quickFixes(contextOf(workspace), 'articles/channel24.md', 'claim.no-counter-source'));
  assert.equal(candidates[0].title, 'Annotate as TASS (russian-state) asserting it: “Tokaev snubbed the economic forum in Petersburg”');
});

test('counter-source: sentences already annotated, holding code, or cutting emphasis are never offered', () => {
  const tass = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    '[Tokaev said Kazakhstan would not recognise the DPR]{claim=other-key}. Tokaev said `Kazakhstan would not recognise the DPR` today.',
    '',
    '```',
    'Tokaev said that Kazakhstan would not recognise the DPR.',
    '```',
    '',
    '*Tokaev said Kazakhstan would not recognise the DPR. Really.* Unrelated text about the harvest.');
  const workspace = counterWorkspace(tass);
  const candidates = quickFixes(contextOf(workspace), 'articles/channel24.md', 'claim.no-counter-source').filter((a) => a.title.startsWith('Annotate'));
  assert.deepEqual(candidates.map((a) => a.title), []);
});

test('counter-source: list items are candidates on their own, without their marker', () => {
  const tass = articleNote({ outlet: 'TASS', perspective: 'russian-state' },
    'Key points of the speech:',
    '- Trade with Russia grew',
    '- Kazakhstan will not recognise the DPR, Tokaev said',
    '- Borders are inviolable');
  const workspace = counterWorkspace(tass);
  const [best] = quickFixes(contextOf(workspace), 'articles/channel24.md', 'claim.no-counter-source');
  const after = applyWorkspaceEdit(filesOf(workspace), best.edit!);
  assert.equal(after[uriOf('articles/tass.md')], tass.replace(
    '- Kazakhstan will not recognise the DPR, Tokaev said',
    '- [Kazakhstan will not recognise the DPR, Tokaev said]{claim=no-recognition by=tokayev stance=reports}'));
});

test('counter-source: an outlet of the same perspective is offered too, its title saying it counts only as a dispute or qualification', () => {
  const kyivPost = articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, 'Tokaev said Kazakhstan will not recognise the DPR.');
  const workspace = counterWorkspace(articleNote({ outlet: 'TASS', perspective: 'russian-state' }, 'Nothing related here at all.'), { 'articles/kyivpost.md': kyivPost });
  const candidates = preferredCandidates(quickFixes(contextOf(workspace), 'articles/channel24.md', 'claim.no-counter-source'));
  assert.deepEqual(candidates.map((a) => a.title), [
    'Annotate as Kyiv Post (ukrainian) reporting Kassym-Jomart Tokayev: “Tokaev said Kazakhstan will not recognise the DPR” (same perspective: counts only if it disputes or qualifies)',
  ]);
  const after = applyWorkspaceEdit(filesOf(workspace), candidates[0].edit!);
  assert.equal(after[uriOf('articles/kyivpost.md')], kyivPost.replace('Tokaev said Kazakhstan will not recognise the DPR.',
    '[Tokaev said Kazakhstan will not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.'));
});

test('counter-source: titles are one line and free of control and bidi characters from the note', () => {
  const tass = articleNote({ outlet: 'TASS\u202e', perspective: 'russian-state' },
    'Tokaev [x](command:q) said \u202eKazakhstan\nwould not recognise the DPR.');
  const workspace = counterWorkspace(tass);
  const [best] = quickFixes(contextOf(workspace), 'articles/channel24.md', 'claim.no-counter-source');
  // Titles are plain text (not markdown), so the link text shows as typed; what matters is one line, no bidi overrides.
  assert.equal(best.title, 'Annotate as TASS (russian-state) reporting Kassym-Jomart Tokayev: “Tokaev [x](command:q) said Kazakhstan would not recognise…”');
});

test('counter-source: a cancelled request ranks nothing', () => {
  const workspace = counterWorkspace(TASS_TEXT);
  const [diagnostic] = lspDiagnostics(workspace, 'articles/channel24.md', 'claim.no-counter-source');
  const actions = provideCodeActions(contextOf(workspace), uriOf('articles/channel24.md'), diagnostic.range, [diagnostic], { isCancellationRequested: true });
  assert.deepEqual(actions, []);
});

test('counter-source: a stale diagnostic whose key is no longer in the note yields no action', () => {
  const workspace = counterWorkspace(TASS_TEXT);
  const [diagnostic] = lspDiagnostics(workspace, 'articles/channel24.md', 'claim.no-counter-source');
  workspace.upsert(uriOf('articles/channel24.md'), articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
    '[Kazakhstan does not recognise the DPR]{claim=renamed-key by=tokayev stance=reports}.'));
  assert.deepEqual(provideCodeActions(contextOf(workspace), uriOf('articles/channel24.md'), diagnostic.range, [diagnostic]), []);
  assert.deepEqual(provideCodeActions(contextOf(workspace), uriOf('articles/channel24.md'), diagnostic.range, [{ ...diagnostic, data: undefined }]), []);
});

// ---- mark as single-source ----

test('single-source: the class goes before the closing brace and the diagnostic clears', () => {
  const workspace = tokayevWorkspace();
  const ctx = contextOf(workspace, { [uriOf('articles/channel24.md')]: 9 });
  const path = 'articles/channel24.md';
  const text = workspace.getNote(uriOf(path))!.text;
  const actions = quickFixes(ctx, path, 'claim.no-counter-source').filter((a) => a.title.includes('single-source'));
  assert.deepEqual(actions.map((a) => a.title), [
    'Mark claim no-recognition as knowingly single-source',
    'Mark claim putin-losing-allies as knowingly single-source',
  ]);
  const edit = onlyDocumentEdit(actions[1]);
  assert.deepEqual(edit.textDocument, { uri: uriOf(path), version: 9 });
  const after = applyAction(workspace, actions[1]);
  assert.equal(after[uriOf(path)], text.replace('{claim=putin-losing-allies}', '{claim=putin-losing-allies .single-source}'));
  assert.deepEqual(lspDiagnostics(workspace, path, 'claim.no-counter-source').map((d) => d.data), [
    { key: 'no-recognition', outlet: 'Channel 24', perspective: 'ukrainian' },
  ]);
});

test('single-source: no doubled blank before the brace', () => {
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' }, '[Talks failed]{claim=talks-failed }.');
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const [mark] = quickFixes(contextOf(workspace), 'articles/reuters.md', 'claim.no-counter-source').filter((a) => a.title.includes('single-source'));
  const after = applyAction(workspace, mark);
  assert.equal(after[uriOf('articles/reuters.md')], text.replace('{claim=talks-failed }', '{claim=talks-failed .single-source}'));
  assert.deepEqual(codesOf(workspace, 'articles/reuters.md'), []);
});

// ---- relevance ----

test('no diagnostics and nothing under the cursor: no actions; unknown notes: no actions', () => {
  const workspace = tokayevWorkspace();
  const ctx = contextOf(workspace);
  const text = workspace.getNote(uriOf('articles/channel24.md'))!.text;
  assert.deepEqual(provideCodeActions(ctx, uriOf('articles/channel24.md'), cursorRange(workspace, 'articles/channel24.md', text.indexOf('forum')), []), []);
  assert.deepEqual(provideCodeActions(ctx, uriOf('articles/missing.md'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), []);
  // Diagnostics of other codes get no Counterpoint fix.
  const other: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, code: 'article.missing-field', message: '', data: { field: 'url' } };
  assert.deepEqual(provideCodeActions(ctx, uriOf('articles/channel24.md'), other.range, [other]), []);
});

test('wrap alias: a selection offers the mentions it covers, not those it only borders', () => {
  const text = articleNote({ outlet: 'Reuters', perspective: 'western' }, 'Later Tokaev met Putin.');
  const workspace = tokayevWorkspace({ 'articles/reuters.md': text });
  const note = workspace.getNote(uriOf('articles/reuters.md'))!;
  const select = (from: string, to: string) => note.lines.rangeOf({ start: text.indexOf(from), end: text.indexOf(to) });
  const titles = (range: Range) => provideCodeActions(contextOf(workspace), note.uri, range, []).map((a) => a.title);
  assert.deepEqual(titles(select('Later', 'Tokaev')), []);
  assert.deepEqual(titles(select('Tokaev', 'Putin.')), ['Link “Tokaev” as [[tokayev|Tokaev]]']);
  assert.deepEqual(titles(select('Later', '.')), ['Link “Tokaev” as [[tokayev|Tokaev]]', 'Link “Putin” as [[putin|Putin]]']);
});
