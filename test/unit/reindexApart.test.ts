// A reindex builds each root's new index apart: requests are answered from the old one until the new one is complete,
// edits made meanwhile reach both, and a reindex that stops halfway leaves the old index as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { tmpdir } from 'node:os';
import { defaultConfig } from '../../server/src/model/config';
import { WorkspaceRoot } from '../../server/src/lsp/workspaces';
import { uriOfPath } from '../../server/src/node/files';
import { actorNote } from '../helpers/workspace';

const FOLDER = path.join(tmpdir(), 'counterpoint-reindex-apart');
const noteUri = (name: string) => uriOfPath(path.join(FOLDER, 'actors', `${name}.md`));

function rootWith(...names: string[]): WorkspaceRoot {
  const root = new WorkspaceRoot(FOLDER, () => null);
  const first = root.startBuilding(defaultConfig());
  assert.equal(first, root.workspace, 'an empty index is filled in place');
  for (const name of names) first.upsert(noteUri(name), actorNote({ name }));
  root.finishBuilding(first);
  root.stopBuilding();
  return root;
}

test('the old index answers until the new one is complete, then the new one replaces it everywhere', () => {
  const root = rootWith('tokayev', 'putin');
  const old = root.workspace;
  const next = root.startBuilding(defaultConfig());
  assert.notEqual(next, old);
  next.upsert(noteUri('tokayev'), actorNote({ name: 'tokayev' }));
  assert.equal(root.workspace.size, 2, 'half built: requests still see every note');
  assert.equal(root.context.workspace, old);

  root.upsert(noteUri('lavrov'), actorNote({ name: 'lavrov' }), false);
  root.remove(noteUri('putin'));
  root.finishBuilding(next);
  root.stopBuilding();
  assert.equal(root.workspace, next);
  assert.equal(root.context.workspace, next, 'the features answer from the new index');
  assert.deepEqual([...next.notes()].map((note) => note.uri).sort(), [noteUri('lavrov'), noteUri('tokayev')], 'edits made meanwhile reached it');
  assert.equal(old.size, 0, 'the old index is dropped');
});

test('a reindex that stops halfway leaves the index as it was, and later edits no longer reach the abandoned one', () => {
  const root = rootWith('tokayev', 'putin');
  const old = root.workspace;
  const abandoned = root.startBuilding(defaultConfig());
  root.stopBuilding();
  root.upsert(noteUri('lavrov'), actorNote({ name: 'lavrov' }), false);
  assert.equal(root.workspace, old);
  assert.equal(old.size, 3);
  assert.equal(abandoned.size, 0);
});
