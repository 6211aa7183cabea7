// The layers of docs/architecture.md hold: each layer's list of files is the folder's, no import goes up a layer, the
// client imports only the shared folder and its own files, the imports have no cycle, and no folder holds more than a
// third of the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, SERVER_SOURCES, parse, relativeImports, resolveImport, sourceFiles } from '../helpers/sources';

/** Each layer's rank: a file may import files of its own rank or lower. */
const RANKS: Record<string, number> = {
  syntax: 0, model: 1, analysis: 2, rules: 3, render: 4, import: 4, scaffold: 4, features: 5, 'languageService.ts': 6, node: 7, lsp: 8, cli: 8,
};

function layerOf(file: string): string {
  return file.split('/')[0];
}

/** The "Files:" list of each layer section of docs/architecture.md, by folder. */
function documentedFiles(): Map<string, string[]> {
  const text = readFileSync(path.join(REPO, 'docs/architecture.md'), 'utf8');
  const result = new Map<string, string[]>();
  const sections = text.split(/^### /m).slice(1);
  for (const section of sections) {
    const folder = /^`([^`]+\/)`/.exec(section)?.[1];
    const files = /Files: ((?:`[^`]+`(?:, )?)+)\./.exec(section)?.[1];
    if (folder && files) result.set(folder, [...files.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort());
  }
  return result;
}

/** Every relative import of the TypeScript sources of the repository, as [from, to], paths from the repository root. */
function importEdges(): [string, string][] {
  const edges: [string, string][] = [];
  for (const root of ['server/src', 'shared/src', 'client/src']) {
    for (const file of sourceFiles(path.join(REPO, root))) {
      const from = `${root}/${file}`;
      for (const specifier of relativeImports(parse(path.join(REPO, from)))) {
        const to = resolveImport(REPO, from, specifier);
        if (to) edges.push([from, to]);
      }
    }
  }
  return edges;
}

test('each layer section of docs/architecture.md lists the files of its folder', () => {
  const documented = documentedFiles();
  for (const folder of ['server/src/syntax/', 'server/src/model/', 'server/src/analysis/', 'server/src/rules/', 'server/src/render/', 'server/src/import/', 'server/src/scaffold/',
    'server/src/features/', 'server/src/lsp/', 'server/src/node/', 'server/src/cli/', 'shared/src/', 'client/src/']) {
    assert.deepEqual(documented.get(folder), sourceFiles(path.join(REPO, folder)), `the files of ${folder} in docs/architecture.md`);
  }
  const layers = new Set(sourceFiles(SERVER_SOURCES).map(layerOf));
  assert.deepEqual([...layers].sort(), Object.keys(RANKS).sort(), 'every folder of server/src is a layer with a rank');
});

test('no import goes up a layer; the disk is for the server and the command line only', () => {
  const wrong: string[] = [];
  for (const [from, to] of importEdges()) {
    if (!from.startsWith('server/src/') || !to.startsWith('server/src/')) continue;
    const own = layerOf(from.slice('server/src/'.length));
    const other = layerOf(to.slice('server/src/'.length));
    if (RANKS[other] > RANKS[own]) wrong.push(`${from} imports ${to}`);
    if (other === 'node' && own !== 'node' && own !== 'lsp' && own !== 'cli') wrong.push(`${from} imports ${to}: only lsp and cli use node`);
  }
  assert.deepEqual(wrong, []);
});

test('the client imports only the shared folder and its own files; the shared folder imports nothing of the server', () => {
  const wrong = importEdges().filter(([from, to]) =>
    (from.startsWith('client/src/') && !to.startsWith('client/src/') && !to.startsWith('shared/src/'))
    || (from.startsWith('shared/src/') && !to.startsWith('shared/src/')));
  assert.deepEqual(wrong, []);
});

test('the imports have no cycle', () => {
  const next = new Map<string, string[]>();
  for (const [from, to] of importEdges()) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const to of next.get(file) ?? []) visit(to, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of next.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});

test('no folder holds more than a third of the server\'s lines', () => {
  const lines = new Map<string, number>();
  let total = 0;
  for (const file of sourceFiles(SERVER_SOURCES)) {
    const count = readFileSync(path.join(SERVER_SOURCES, file), 'utf8').split('\n').length;
    total += count;
    lines.set(layerOf(file), (lines.get(layerOf(file)) ?? 0) + count);
  }
  for (const [folder, count] of lines) assert.ok(count <= total / 3, `${folder} holds ${count} of ${total} lines`);
});
