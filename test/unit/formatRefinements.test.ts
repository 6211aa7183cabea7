import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorNote, articleNote, joinLines, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

const TOKAYEV = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] });

function codes(files: Record<string, string>, path: string): string[] {
  return noteDiagnostics(workspaceOf(files), uriOf(path)).map((d) => d.code);
}

test('an article whose perspective is not in the list counts as having none: it clears no one', () => {
  const files = {
    'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
    'articles/b.md': articleNote({ outlet: 'TASS', perspective: 'Russian-State' }, '[X]{claim=k}'),
  };
  assert.ok(codes(files, 'articles/a.md').includes('claim.no-counter-source'));
  assert.ok(codes(files, 'articles/b.md').includes('article.unknown-perspective'));
  const fixed = { ...files, 'articles/b.md': files['articles/b.md'].replace('Russian-State', 'russian-state') };
  assert.ok(!codes(fixed, 'articles/a.md').includes('claim.no-counter-source'));
});

test('an embed ![[file]] is neither a mention nor an unknown actor', () => {
  const files = {
    'actors/tokayev.md': TOKAYEV,
    'articles/a.md': articleNote({ outlet: 'O', perspective: 'ukrainian' }, '![[map.png]] and ![[tokayev]] here.'),
  };
  const workspace = workspaceOf(files);
  assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => d.code), []);
  assert.deepEqual(workspace.mentionsIn(uriOf('articles/a.md')), []);
});

test('a wiki link in a table writes its pipe as \\| and still names the actor', () => {
  const files = {
    'actors/tokayev.md': TOKAYEV,
    'articles/a.md': articleNote({ outlet: 'O', perspective: 'ukrainian' }, joinLines('| who | what |', '|---|---|', '| [[tokayev\\|Tokaev]] | spoke |')),
  };
  const workspace = workspaceOf(files);
  const mentions = workspace.mentionsIn(uriOf('articles/a.md'));
  assert.deepEqual(mentions.map((m) => [m.kind, m.actorId]), [['wikilink', 'tokayev']]);
  assert.ok(!noteDiagnostics(workspace, uriOf('articles/a.md')).some((d) => d.code === 'actor.unknown'));
});

test('a link written as the actor note\'s path is a mention of the actor', () => {
  const files = {
    'actors/tokayev.md': TOKAYEV,
    'articles/a.md': articleNote({ outlet: 'O', perspective: 'ukrainian' }, 'See [[actors/tokayev|the president]] and [[tokayev.md]].'),
  };
  const mentions = workspaceOf(files).mentionsIn(uriOf('articles/a.md'));
  assert.deepEqual(mentions.map((m) => [m.kind, m.actorId, m.viaId]), [['wikilink', 'tokayev', false], ['wikilink', 'tokayev', false]]);
});
