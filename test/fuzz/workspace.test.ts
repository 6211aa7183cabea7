// Property tests of the workspace index: a workspace kept current edit by edit (as the server does while a user types,
// files appear and vanish) holds exactly what a workspace built from scratch from the final texts holds.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultConfig } from '../../server/src/model/config';
import { Workspace } from '../../server/src/model/workspace';
import {
  applyMutation,
  assertMentionsWellFormed,
  assertWellFormed,
  fragment,
  FUZZ_RUNS,
  fuzzParameters,
  mutation,
  noteText,
  sampleNotes,
  type Mutation,
} from './support';
import { noteDiagnostics, createWorkspace } from '../../server/src/rules/registry';

const ROOT = 'file:///ws';
/** Each case builds three workspaces of seven notes: fewer cases take about as long as the parser's. */
const WORKSPACE_RUNS = Math.max(20, Math.ceil(FUZZ_RUNS / 3));

/** A small workspace where every kind of note is present, and names collide on purpose (two notes may claim an id). */
const FILES = [
  { path: 'actors/tokayev.md', from: 'actors/tokayev.md' },
  { path: 'actors/putin.md', from: 'actors/putin.md' },
  { path: 'actors/dpr.md', from: 'actors/dpr.md' },
  { path: 'articles/channel24.md', from: 'articles/channel24-tokayev-distances-himself.md' },
  { path: 'articles/insight.md', from: 'articles/insight-news-tokaev-double-play.md' },
  { path: 'articles/ccd.md', from: 'articles/ccd-kazakhstan-new-course.md' },
  { path: 'notes/other.md', from: 'actors/putin.md' },
];

function initialTexts(): string[] {
  const samples = sampleNotes();
  return FILES.map(({ from }) => {
    const sample = samples.find((note) => note.path === from);
    if (!sample) throw new Error(`samples/${from} is missing`);
    return sample.text;
  });
}

type Step =
  | { kind: 'edit'; file: number; mutations: Mutation[] }
  | { kind: 'replace'; file: number; text: string }
  | { kind: 'remove'; file: number }
  | { kind: 'restore'; file: number };

const file = fc.nat({ max: FILES.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('edit' as const), file, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), file, text: noteText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), file }) },
);

/** Edits that touch what the registry is made of: an actor's id, name and aliases. */
const registryStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('edit' as const),
  file: fc.nat({ max: 2 }),
  mutations: fc.array(
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 0.3, noNaN: true }),
      text: fc.oneof(fc.constantFrom('\n  - Tokaev\n', '\n  - Putin\n', 'id: putin\n', '\nid: tokayev\n', 'name: DPR\n', '  - ', 'aliases: [DNR, Tokayev]\n'), fragment),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const uriOf = (index: number) => `${ROOT}/${FILES[index].path}`;

interface Model {
  texts: Map<string, string>;
  /** The order in which the notes now present were (last) added: it decides which of two notes with one id wins. */
  order: string[];
}

function run(steps: readonly Step[]): { incremental: Workspace; model: Model } {
  const texts = initialTexts();
  const incremental = createWorkspace([ROOT], defaultConfig());
  const model: Model = { texts: new Map(), order: [] };
  incremental.batch(() => {
    texts.forEach((text, index) => {
      incremental.upsert(uriOf(index), text);
      model.texts.set(uriOf(index), text);
      model.order.push(uriOf(index));
    });
  });
  const set = (uri: string, text: string) => {
    incremental.upsert(uri, text);
    if (!model.texts.has(uri)) model.order.push(uri);
    model.texts.set(uri, text);
  };
  for (const s of steps) {
    const uri = uriOf(s.file);
    const current = model.texts.get(uri);
    switch (s.kind) {
      case 'edit':
        // Each mutation is one keystroke-like update, as didChange events arrive.
        if (current === undefined) break;
        for (let text = current, i = 0; i < s.mutations.length; i++) {
          text = applyMutation(text, s.mutations[i]);
          set(uri, text);
        }
        break;
      case 'replace':
        set(uri, s.text);
        break;
      case 'remove':
        incremental.remove(uri);
        model.texts.delete(uri);
        model.order = model.order.filter((u) => u !== uri);
        break;
      case 'restore':
        if (current === undefined) set(uri, texts[s.file]);
        break;
    }
  }
  return { incremental, model };
}

function fromScratch(model: Model, batch: boolean): Workspace {
  const workspace = createWorkspace([ROOT], defaultConfig());
  const load = () => {
    for (const uri of model.order) workspace.upsert(uri, model.texts.get(uri)!);
  };
  if (batch) workspace.batch(load);
  else load();
  return workspace;
}

/** Everything a feature can ask the index, as plain data. */
function snapshot(workspace: Workspace): unknown {
  const uris = [...workspace.notes()].map((note) => note.uri).sort();
  return {
    uris,
    actors: workspace.actors().map((actor) => ({ id: actor.id, uri: actor.note.uri, aliases: actor.meta.aliases.map((a) => a.value) })),
    claimKeys: workspace.claimKeys(),
    occurrences: workspace.claimKeys().map((key) => workspace.occurrences(key).map((o) => [o.note.uri, o.claim.span.start, o.claim.stance])),
    perNote: uris.map((uri) => ({
      uri,
      diagnostics: noteDiagnostics(workspace, uri),
      mentions: workspace.mentionsIn(uri).map(({ claim, ...mention }) => ({ ...mention, claim: claim?.span })),
    })),
    mentionsOf: workspace.actors().map((actor) => workspace.mentionsOf(actor.id).map((m) => [m.uri, m.span.start, m.kind])),
    firstMentions: workspace.actors().map((actor) => [...workspace.firstMentionsOf(actor.id)].map(([uri, { first, claims }]) => [uri, first.span.start, claims.map((m) => m.span.start)]).sort()),
  };
}

function assertSameIndex(steps: Step[]): void {
  const { incremental, model } = run(steps);
  const expected = snapshot(fromScratch(model, true));
  assert.deepEqual(snapshot(incremental), expected, 'edit by edit = from scratch (batch load)');
  assert.deepEqual(snapshot(fromScratch(model, false)), expected, 'from scratch, one note at a time = batch load');
  for (const note of incremental.notes()) {
    assertWellFormed(note);
    assertMentionsWellFormed(incremental, note);
  }
}

test('a workspace updated edit by edit equals one built from the final texts', () => {
  fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), assertSameIndex), fuzzParameters(WORKSPACE_RUNS));
});

test('edits to actor ids, names and aliases re-resolve every mention as a fresh index would', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: registryStep }, { weight: 1, arbitrary: step }), { minLength: 1, maxLength: 8 }), assertSameIndex),
    fuzzParameters(WORKSPACE_RUNS),
  );
});

test('any URI, however malformed its escapes, can be added, queried and removed', () => {
  const segment = fc.oneof(fc.constantFrom('%', '%E0', '%E0%A4%A', '%zz', '%00', '%2F', '..', '#x', '?q', ' ', '\u0000', 'articles', 'actors', 'a.md'), fc.string({ maxLength: 6 }));
  const uri = fc.tuple(fc.constantFrom(`${ROOT}/`, 'file:///elsewhere/', 'untitled:', 'vscode-notebook-cell:', ''), fc.array(segment, { maxLength: 5 })).map(([base, parts]) => `${base}${parts.join('/')}`);
  fc.assert(
    fc.property(fc.array(uri, { minLength: 1, maxLength: 4 }), noteText, (uris, text) => {
      const workspace = createWorkspace([ROOT], defaultConfig());
      for (const u of uris) {
        workspace.upsert(u, text);
        assert.ok(workspace.getNote(u), `${u} is indexed`);
        noteDiagnostics(workspace, u);
        workspace.mentionsIn(u);
      }
      for (const u of uris) workspace.remove(u);
      assert.equal(workspace.size, 0);
    }),
    fuzzParameters(),
  );
});
