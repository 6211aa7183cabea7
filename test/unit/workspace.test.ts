// workspace.ts: indexing, queries and incremental updates that must equal a fresh build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/model/config';
import { type Mention } from '../../server/src/model/mentionTable';
import { Workspace } from '../../server/src/model/workspace';
import { ROOT, actorNote, articleNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics, createWorkspace } from '../../server/src/rules/registry';
import { statusOf } from '../../server/src/rules/counterSource';

const TOKAYEV = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] });
const PUTIN = actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] });
const DPR = actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR'], kind: 'territory' });

const CHANNEL24 = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
  '[[tokayev|Tokaev]] said [Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.');
const KYIVPOST = articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian' },
  'Tokayev told Putin that [Kazakhstan will not recognise the DNR]{claim=no-recognition by=tokayev stance=reports}.');
const TASS = articleNote({ outlet: 'TASS', perspective: 'russian-state' }, 'Putin said Kazakhstan remains an ally. [Allies]{claim=allies}');

function files(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'actors/tokayev.md': TOKAYEV,
    'actors/putin.md': PUTIN,
    'actors/dpr.md': DPR,
    'articles/channel24.md': CHANNEL24,
    'articles/kyivpost.md': KYIVPOST,
    'articles/tass.md': TASS,
    ...extra,
  };
}

/** Mentions as [file, kind, actor, text written] for readable comparisons. */
function described(workspace: Workspace, mentions: readonly Mention[]): string[][] {
  return mentions.map((m) => {
    const note = workspace.getNote(m.uri)!;
    return [note.path, m.kind, m.actorId, textOf(note.text, m.span)];
  });
}

function affectedPaths(result: { affected: Set<string> }): string[] {
  return [...result.affected].map((uri) => uri.slice(ROOT.length + 1)).sort();
}

/** Everything a client sees of a workspace: per note, its diagnostics and its mentions. */
function snapshot(workspace: Workspace) {
  const result: Record<string, unknown> = {};
  for (const note of [...workspace.notes()].sort((a, b) => a.uri.localeCompare(b.uri))) {
    result[note.path] = {
      diagnostics: noteDiagnostics(workspace, note.uri).map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message]),
      mentions: workspace.mentionsIn(note.uri).map((m) => [m.kind, m.actorId, m.span.start, m.span.end, m.viaId]),
      claims: note.claims.map((c) => [c.key, c.valid, c.stance]),
    };
  }
  result['(claim keys)'] = workspace.claimKeys();
  result['(actors)'] = workspace.actors().map((a) => [a.id, a.note.path]);
  result['(mentions by actor)'] = workspace.actors().map((a) => [
    a.id,
    [...workspace.firstMentionsOf(a.id)].sort(([x], [y]) => x.localeCompare(y)).map(([uri, { first, claims }]) => [uri, first.span.start, claims.map((m) => m.span.start)]),
    workspace.mentionsOf(a.id).map((m) => [m.uri, m.kind, m.span.start]),
  ]);
  result['(mention spans by actor)'] = workspace.actors().map((a) => {
    const spans: [string, number, number][] = [];
    workspace.forEachMentionSpanOf(a.id, (note, start, end) => spans.push([note.uri, start, end]));
    assert.deepEqual(spans, workspace.mentionsOf(a.id).map((m) => [m.uri, m.span.start, m.span.end]), `spans of ${a.id} as mentionsOf has them`);
    return [a.id, spans];
  });
  return result;
}

describe('indexing', () => {
  test('actors by id, sorted, whatever the case of the id asked for', () => {
    const workspace = workspaceOf(files());
    assert.deepEqual(workspace.actors().map((a) => a.id), ['dpr', 'putin', 'tokayev']);
    assert.equal(workspace.actor('TOKAYEV')?.meta.name, 'Kassym-Jomart Tokayev');
    assert.equal(workspace.actor('nobody'), undefined);
  });

  test('resolveActor by id, name or alias, folding case, curly apostrophes and dashes', () => {
    const workspace = workspaceOf(files());
    const resolve = (name: string) => workspace.resolveActor(name)?.id;
    assert.equal(resolve('tokayev'), 'tokayev');
    assert.equal(resolve('  Tokaev '), 'tokayev');
    assert.equal(resolve('kassym–jomart   TOKAYEV'), 'tokayev');
    assert.equal(resolve('Donetsk People’s Republic'), 'dpr');
    assert.equal(resolve('dnr'), 'dpr');
    assert.equal(resolve('Lukashenko'), undefined);
  });

  test('kinds come from the folders; paths are relative to the root', () => {
    const workspace = workspaceOf(files({ 'notes/background.md': 'Background' }));
    assert.equal(workspace.kindOf(uriOf('articles/tass.md')), 'article');
    assert.equal(workspace.kindOf(uriOf('actors/putin.md')), 'actor');
    assert.equal(workspace.kindOf(uriOf('notes/background.md')), 'other');
    assert.equal(workspace.relativePath(uriOf('articles/deep/tass%20news.md')), 'articles/deep/tass news.md');
    assert.equal(workspace.kindOf(uriOf('articles/deep/tass.md')), 'article');
    assert.equal(workspace.size, 7);
    assert.equal(workspace.articles().length, 3);
  });

  test('notesNamed finds notes by file name, with or without folder and extension', () => {
    const workspace = workspaceOf(files({ 'notes/Background.md': 'Background' }));
    assert.deepEqual(workspace.notesNamed('background').map((n) => n.path), ['notes/Background.md']);
    assert.deepEqual(workspace.notesNamed('notes/background.md').map((n) => n.path), ['notes/Background.md']);
    assert.deepEqual(workspace.notesNamed('missing'), []);
  });

  test('mentionsOf an actor across notes, in note order, every kind', () => {
    const workspace = workspaceOf(files());
    assert.deepEqual(described(workspace, workspace.mentionsOf('tokayev')), [
      ['articles/channel24.md', 'wikilink', 'tokayev', 'tokayev'],
      ['articles/channel24.md', 'by', 'tokayev', 'tokayev'],
      ['articles/kyivpost.md', 'bare', 'tokayev', 'Tokayev'],
      ['articles/kyivpost.md', 'by', 'tokayev', 'tokayev'],
    ]);
    assert.deepEqual(described(workspace, workspace.mentionsOf('dpr')), [
      ['articles/channel24.md', 'bare', 'dpr', 'DPR'],
      ['articles/kyivpost.md', 'bare', 'dpr', 'DNR'],
    ]);
    assert.deepEqual(workspace.mentionsOf('nobody'), []);
  });

  test('a wiki link written as the id is viaId; one written as an alias is not', () => {
    const workspace = workspaceOf(files({ 'articles/x.md': articleNote({ outlet: 'X', perspective: 'other' }, '[[Tokayev]] and [[Tokaev]] and [[kassym-jomart tokayev]]') }));
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/x.md')).map((m) => [m.actorId, m.viaId]), [
      ['tokayev', true], ['tokayev', false], ['tokayev', false],
    ]);
  });

  test('a wiki link written as the actor note\'s path names the actor', () => {
    const workspace = workspaceOf(files({ 'articles/x.md': articleNote({ outlet: 'X', perspective: 'other' }, '[[actors/tokayev]] and [[tokayev.md|him]] and [[actors/nobody]]') }));
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/x.md')).map((m) => [m.kind, m.actorId]), [['wikilink', 'tokayev'], ['wikilink', 'tokayev']]);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/x.md')).map((d) => [d.code, d.data]), [['actor.unknown', { name: 'actors/nobody' }]]);
  });

  test('a note outside the workspace folders is neither an article nor an actor', () => {
    const workspace = workspaceOf(files());
    assert.equal(workspace.kindOf('file:///elsewhere/articles/tass.md'), 'other');
    workspace.upsert('file:///elsewhere/articles/tass.md', TASS);
    assert.deepEqual(workspace.occurrences('allies').map((o) => o.note.uri), [uriOf('articles/tass.md')]);
  });

  test('mentionsOf stops when cancelled', () => {
    const workspace = workspaceOf(files());
    assert.deepEqual(workspace.mentionsOf('tokayev', { isCancellationRequested: true }), []);
  });

  test('occurrences per key, in note order; invalid claims and claims outside articles are not occurrences', () => {
    const workspace = workspaceOf(files({
      'notes/scratch.md': '[Not an article]{claim=no-recognition}',
      'articles/broken.md': articleNote({ outlet: 'B', perspective: 'other' }, '[bad]{claim=no-recognition stance=reports oops}'),
    }));
    assert.deepEqual(workspace.claimKeys(), ['allies', 'no-recognition']);
    assert.deepEqual(workspace.occurrences('no-recognition').map((o) => [o.note.path, o.key, textOf(o.note.text, o.claim.textSpan)]), [
      ['articles/channel24.md', 'no-recognition', 'Kazakhstan does not recognise the DPR'],
      ['articles/kyivpost.md', 'no-recognition', 'Kazakhstan will not recognise the DNR'],
    ]);
    assert.deepEqual(workspace.occurrences('unknown'), []);
  });

  test('statusOf a claim: cross-sources and counter-sources', () => {
    const workspace = workspaceOf(files());
    const note = workspace.getNote(uriOf('articles/channel24.md'))!;
    const status = statusOf(workspace, note.uri, note.claims[0])!;
    assert.deepEqual(status.crossSources.map((o) => o.note.article!.outlet), ['Kyiv Post']);
    assert.deepEqual(status.counterSources, []);
    assert.equal(status.hasCounterSource, false);
  });
});

describe('incremental updates', () => {
  test('an upsert re-parses only its note: other notes keep their parse and their mentions', () => {
    const workspace = workspaceOf(files());
    const kyivPost = workspace.getNote(uriOf('articles/kyivpost.md'));
    const kyivMentions = workspace.mentionsIn(uriOf('articles/kyivpost.md'));
    workspace.upsert(uriOf('articles/channel24.md'), CHANNEL24.replace('[[tokayev|Tokaev]] said', 'Putin said'));
    assert.equal(workspace.getNote(uriOf('articles/kyivpost.md')), kyivPost, 'the same parsed note');
    assert.equal(workspace.mentionsIn(uriOf('articles/kyivpost.md')), kyivMentions, 'the same mention list');
    assert.deepEqual(described(workspace, workspace.mentionsIn(uriOf('articles/channel24.md'))), [
      ['articles/channel24.md', 'bare', 'putin', 'Putin'],
      ['articles/channel24.md', 'bare', 'dpr', 'DPR'],
      ['articles/channel24.md', 'by', 'tokayev', 'tokayev'],
    ]);
  });

  test('affected: a prose edit affects the note alone', () => {
    const workspace = workspaceOf(files());
    const result = workspace.upsert(uriOf('articles/channel24.md'), CHANNEL24.replace('said', 'told reporters'));
    assert.deepEqual(affectedPaths(result), ['articles/channel24.md']);
  });

  test('affected: a claim edit that changes the signature affects the notes sharing the key', () => {
    const workspace = workspaceOf(files());
    const disputes = workspace.upsert(uriOf('articles/channel24.md'), CHANNEL24.replace('stance=reports', 'stance=disputes'));
    assert.deepEqual(affectedPaths(disputes), ['articles/channel24.md', 'articles/kyivpost.md']);
    const outlet = workspace.upsert(uriOf('articles/tass.md'), TASS.replace('outlet: TASS', 'outlet: RIA Novosti'));
    assert.deepEqual(affectedPaths(outlet), ['articles/tass.md'], 'no other note carries allies');
    const newKey = workspace.upsert(uriOf('articles/tass.md'), TASS.replace('claim=allies', 'claim=no-recognition'));
    assert.deepEqual(affectedPaths(newKey), ['articles/channel24.md', 'articles/kyivpost.md', 'articles/tass.md'], 'the key it moves to');
    const dropped = workspace.upsert(uriOf('articles/tass.md'), TASS);
    assert.deepEqual(affectedPaths(dropped), ['articles/channel24.md', 'articles/kyivpost.md', 'articles/tass.md'], 'the key it leaves');
  });

  test('affected: a counter= URL changes the note alone', () => {
    const workspace = workspaceOf(files());
    const result = workspace.upsert(uriOf('articles/channel24.md'), CHANNEL24.replace('stance=reports', 'stance=reports counter=https://tass.com/x'));
    assert.deepEqual(affectedPaths(result), ['articles/channel24.md']);
  });

  test('affected: an actor alias change affects every note and re-resolves mentions everywhere', () => {
    const workspace = workspaceOf(files());
    const result = workspace.upsert(uriOf('actors/putin.md'), actorNote({ name: 'Vladimir Putin', aliases: ['Putin', 'Kremlin'] }));
    assert.equal(result.affected.size, workspace.size);
    const tass = workspace.upsert(uriOf('articles/tass.md'), TASS.replace('Putin said', 'The Kremlin said'));
    assert.deepEqual(described(workspace, workspace.mentionsIn(uriOf('articles/tass.md'))), [['articles/tass.md', 'bare', 'putin', 'Kremlin']]);
    assert.deepEqual(affectedPaths(tass), ['articles/tass.md']);
  });

  test('affected: an actor note body edit that leaves the registry alone affects the note alone', () => {
    const workspace = workspaceOf(files());
    const result = workspace.upsert(uriOf('actors/putin.md'), actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }, 'President of Russia since 2012.'));
    assert.deepEqual(affectedPaths(result), ['actors/putin.md']);
  });

  test('affected: notes linking to a note that appears or goes, however the link names it', () => {
    const workspace = workspaceOf(files({
      'notes/by-name.md': 'See [[background]].',
      'notes/by-path.md': 'See [[notes/background]].',
      'notes/by-file.md': 'See [[Background.md]].',
      'notes/unrelated.md': 'See [[elsewhere]].',
    }));
    const linkers = ['notes/by-file.md', 'notes/by-name.md', 'notes/by-path.md'];
    assert.deepEqual(noteDiagnostics(workspace, uriOf('notes/by-path.md')).map((d) => d.code), ['actor.unknown']);
    const appears = workspace.upsert(uriOf('notes/background.md'), '# Background');
    assert.deepEqual(affectedPaths(appears), [...linkers, 'notes/background.md'].sort());
    for (const path of linkers) assert.deepEqual(noteDiagnostics(workspace, uriOf(path)), [], path);
    const goes = workspace.remove(uriOf('notes/background.md'));
    assert.deepEqual(affectedPaths(goes), linkers);
    for (const path of linkers) assert.deepEqual(noteDiagnostics(workspace, uriOf(path)).map((d) => d.code), ['actor.unknown'], path);
  });

  test('bulk loading (collectAffected: false) does not work out the other notes affected', () => {
    const workspace = workspaceOf(files());
    const result = workspace.upsert(uriOf('articles/channel24.md'), CHANNEL24.replace('stance=reports', 'stance=disputes'), { collectAffected: false });
    assert.deepEqual(affectedPaths(result), ['articles/channel24.md']);
    assert.deepEqual(workspace.occurrences('no-recognition').map((o) => o.claim.stance), ['disputes', 'reports'], 'the index is current all the same');
  });

  test('an upsert with unchanged text changes nothing', () => {
    const workspace = workspaceOf(files());
    const before = snapshot(workspace);
    const result = workspace.upsert(uriOf('articles/kyivpost.md'), KYIVPOST);
    assert.deepEqual(affectedPaths(result), ['articles/kyivpost.md']);
    assert.deepEqual(snapshot(workspace), before);
  });

  test('a series of edits ends where a workspace built from the final texts starts', () => {
    const workspace = workspaceOf(files({ 'notes/background.md': 'About [[tass]] and Tokaev.' }));
    const final: Record<string, string> = { ...files({ 'notes/background.md': 'About [[tass]] and Tokaev.' }) };
    const edit = (path: string, text: string | undefined) => {
      if (text === undefined) {
        workspace.remove(uriOf(path));
        delete final[path];
      } else {
        workspace.upsert(uriOf(path), text);
        final[path] = text;
      }
    };
    edit('articles/tass.md', TASS.replace('[Allies]{claim=allies}', '[Kazakhstan does not recognise the DPR]{claim=no-recognition stance=disputes}'));
    edit('actors/tokayev.md', actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] }));
    edit('articles/kyivpost.md', KYIVPOST.replace('outlet: Kyiv Post', 'outlet: Channel 24'));
    edit('actors/lukashenko.md', actorNote({ name: 'Alexander Lukashenko', aliases: ['Lukashenko', 'Tokaev'] }));
    edit('articles/new.md', articleNote({ outlet: 'Vlast', perspective: 'kazakh-independent' }, 'Lukashenko and [[tokayev]]: [X]{claim=no-recognition}'));
    edit('actors/dpr.md', undefined);
    edit('articles/channel24.md', CHANNEL24.replace('perspective: ukrainian', 'perspective: western'));
    edit('actors/dpr.md', DPR.replace("name: Donetsk People's Republic", 'id: dnr\nname: DNR'));
    edit('notes/background.md', undefined);
    edit('articles/tass.md', TASS.replace('[Allies]{claim=allies}', '[Allies]{claim=allies by=dnr}'));

    const fresh = workspaceOf(final);
    assert.deepEqual(snapshot(workspace), snapshot(fresh));
  });

  test('remove: the note, its mentions and its claims go; the claim neighbours are affected', () => {
    const workspace = workspaceOf(files());
    const result = workspace.remove(uriOf('articles/kyivpost.md'));
    assert.deepEqual(affectedPaths(result), ['articles/channel24.md']);
    assert.equal(workspace.getNote(uriOf('articles/kyivpost.md')), undefined);
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/kyivpost.md')), []);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/kyivpost.md')), []);
    assert.deepEqual(workspace.occurrences('no-recognition').map((o) => o.note.path), ['articles/channel24.md']);
    assert.ok(!described(workspace, workspace.mentionsOf('tokayev')).some(([path]) => path === 'articles/kyivpost.md'));
    assert.deepEqual(affectedPaths(workspace.remove(uriOf('articles/kyivpost.md'))), [], 'removing it again is a no-op');
  });

  test('removing an actor: its mentions become unknown, every note is affected', () => {
    const workspace = workspaceOf(files());
    const result = workspace.remove(uriOf('actors/tokayev.md'));
    assert.equal(result.affected.size, workspace.size);
    assert.deepEqual(workspace.mentionsOf('tokayev'), []);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/channel24.md')).filter((d) => d.code === 'actor.unknown').map((d) => d.data), [
      { name: 'tokayev' }, { name: 'tokayev' },
    ]);
  });

  test('setConfig re-classifies and re-parses every note', () => {
    const workspace = workspaceOf(files({ 'press/ria.md': articleNote({ outlet: 'RIA Novosti', perspective: 'russian-state' }, '[X]{claim=no-recognition stance=disputes}') }));
    assert.equal(workspace.kindOf(uriOf('press/ria.md')), 'other');
    assert.deepEqual(noteDiagnostics(workspace, uriOf('press/ria.md')).map((d) => d.code), ['claim.outside-article']);
    assert.equal(workspace.occurrences('no-recognition').length, 2);

    workspace.setConfig({ ...defaultConfig(), articleFolders: ['articles', 'press'], bareAliases: false });
    assert.equal(workspace.kindOf(uriOf('press/ria.md')), 'article');
    assert.equal(workspace.getNote(uriOf('press/ria.md'))!.kind, 'article');
    assert.deepEqual(workspace.occurrences('no-recognition').map((o) => o.note.path), ['articles/channel24.md', 'articles/kyivpost.md', 'press/ria.md']);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/channel24.md')).map((d) => d.code), [], 'RIA now disputes it from another perspective');
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/kyivpost.md')).map((m) => m.kind), ['by'], 'bare aliases are off');
    assert.deepEqual(snapshot(workspace), snapshot(workspaceOf(files({ 'press/ria.md': articleNote({ outlet: 'RIA Novosti', perspective: 'russian-state' }, '[X]{claim=no-recognition stance=disputes}') }), { articleFolders: ['articles', 'press'], bareAliases: false })));
  });

  test('a workspace without roots names notes by their last two path segments', () => {
    const workspace = createWorkspace();
    workspace.upsert('file:///home/ana/notes/articles/tass.md', TASS);
    assert.equal(workspace.getNote('file:///home/ana/notes/articles/tass.md')!.kind, 'article');
  });
});
