// Property test of the affected sets: after any edit, every note whose diagnostics changed is among the notes the
// model said the edit affects. The model works them out from what the rules declare they read of other notes
// (rules/*.ts, `dependencies`); a rule that reads a fact of another note without declaring it fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultConfig } from '../../server/src/model/config';
import type { Workspace } from '../../server/src/model/workspace';
import { createWorkspace, noteDiagnostics } from '../../server/src/rules/registry';
import { applyMutation, FUZZ_RUNS, fuzzParameters, mutation, type Mutation } from './support';

const ROOT = 'file:///ws';
/** Each case is a small workspace and a few dozen edits: cheap, so many of them (a missed dependency shows in few). */
const RUNS = FUZZ_RUNS * 2;

const ACTOR_FILES = ['actors/tokayev.md', 'actors/putin.md', 'actors/peskov.md', 'actors/spare.md'];
const ARTICLE_FILES = ['articles/a.md', 'articles/b.md', 'articles/c.md', 'articles/d.md'];
const OTHER_FILES = ['notes/other.md'];
const FILES = [...ACTOR_FILES, ...ARTICLE_FILES, ...OTHER_FILES];

// Few values each, so that notes share keys, outlets, perspectives, claimants and names often.
const ids = fc.constantFrom('tokayev', 'putin', 'peskov', 'Tokayev', 'spare');
const names = fc.constantFrom('Kassym-Jomart Tokayev', 'Vladimir Putin', 'Dmitry Peskov', 'Tokaev', 'Peskov');
const aliasList = fc.array(fc.constantFrom('Tokayev', 'Tokaev', 'Putin', 'Peskov', 'Kremlin', 'Dmitry Peskov'), { maxLength: 3 });

const actorText: fc.Arbitrary<string> = fc
  .record({ id: fc.option(ids, { nil: undefined }), name: fc.option(names, { nil: undefined }), aliases: aliasList })
  .map(({ id, name, aliases }) => [
    '---',
    ...(id ? [`id: ${id}`] : []),
    ...(name ? [`name: ${name}`] : []),
    ...(aliases.length > 0 ? ['aliases:', ...aliases.map((alias) => `  - ${alias}`)] : []),
    'kind: person',
    '---',
    'An actor.',
  ].join('\n'));

const claim = fc
  .record({
    text: fc.constantFrom('the border will not change', 'Kazakhstan does not recognise the DPR', 'talks failed'),
    key: fc.constantFrom('border', 'recognition'),
    stance: fc.constantFrom(undefined, 'asserts', 'reports', 'disputes'),
    by: fc.constantFrom(undefined, 'tokayev', 'putin', 'Peskov', 'Tokaev', 'nobody', 'actors/peskov'),
    singleSource: fc.boolean(),
  })
  .map(({ text, key, stance, by, singleSource }) =>
    `[${text}]{claim=${key}${by ? ` by=${by}` : ''}${stance ? ` stance=${stance}` : ''}${singleSource ? ' .single-source' : ''}}`);

const prose = fc.constantFrom(
  '[[tokayev]] spoke.', '[[putin|the Russian president]] answered.', '[[nobody]] was there.', '[[other]] explains it.',
  '[[actors/peskov]] commented.', 'Tokaiev said that the talks went well.', 'Arman Shuraev said the border was closed.',
  'Peskov declined to comment.', 'Nothing happened.',
);

const articleText: fc.Arbitrary<string> = fc
  .record({
    outlet: fc.constantFrom(undefined, 'TASS', 'Tass', 'Reuters', 'Kyiv Post'),
    perspective: fc.constantFrom(undefined, 'western', 'russian-state', 'ukrainian', 'nowhere'),
    body: fc.array(fc.oneof({ weight: 2, arbitrary: claim }, { weight: 1, arbitrary: prose }), { maxLength: 5 }),
  })
  .map(({ outlet, perspective, body }) => [
    '---',
    'title: A report',
    ...(outlet ? [`outlet: ${outlet}`] : []),
    ...(perspective ? [`perspective: ${perspective}`] : []),
    '---',
    body.join(' '),
  ].join('\n'));

const otherText: fc.Arbitrary<string> = fc.array(fc.oneof(prose, claim), { maxLength: 3 }).map((parts) => parts.join('\n'));

function textFor(file: number): fc.Arbitrary<string> {
  const path = FILES[file];
  return path.startsWith('actors/') ? actorText : path.startsWith('articles/') ? articleText : otherText;
}

/**
 * Small edits that change one fact and leave the rest of the note as it was: a rewritten note changes so much at once
 * that a fact left undeclared would hide behind the others.
 */
const TWEAKS: readonly (readonly [string, string])[] = [
  ['stance=asserts', 'stance=disputes'], ['stance=disputes', 'stance=reports'], ['stance=reports', 'stance=asserts'],
  ['stance=disputes', 'stance=asserts'], [' .single-source', ''], ['by=tokayev', 'by=putin'], ['by=putin', 'by=Peskov'],
  ['by=Peskov', 'by=tokayev'], ['by=nobody', 'by=Tokaev'], ['outlet: TASS', 'outlet: Reuters'], ['outlet: Reuters', 'outlet: Tass'],
  ['outlet: Kyiv Post', 'outlet: TASS'], ['perspective: western', 'perspective: russian-state'], ['perspective: ukrainian', 'perspective: western'],
  ['perspective: russian-state', 'perspective: ukrainian'], ['{claim=border', '{claim=recognition'], ['{claim=recognition', '{claim=border'],
  ['[[nobody]]', '[[tokayev]]'], ['[[tokayev]]', '[[spare]]'], ['  - Tokaev', '  - Peskov'], ['name: Dmitry Peskov', 'name: Peskov'],
  ['id: putin', 'id: tokayev'], ['id: spare', 'id: peskov'], ['---\nid: ', '---\nkind: person\nid: '],
];

type Step =
  | { kind: 'write'; file: number; text: string }
  | { kind: 'tweak'; file: number; tweak: readonly [string, string] }
  | { kind: 'edit'; file: number; mutation: Mutation }
  | { kind: 'remove'; file: number };

const step: fc.Arbitrary<Step> = fc.nat({ max: FILES.length - 1 }).chain((file) =>
  fc.oneof(
    { weight: 3, arbitrary: textFor(file).map((text) => ({ kind: 'write' as const, file, text })) },
    { weight: 6, arbitrary: fc.constantFrom(...TWEAKS).map((tweak) => ({ kind: 'tweak' as const, file, tweak })) },
    { weight: 2, arbitrary: mutation.map((m) => ({ kind: 'edit' as const, file, mutation: m })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'remove' as const, file }) },
  ));

const initial = fc.tuple(...FILES.map((_, file) => textFor(file)));

const uriOf = (file: number) => `${ROOT}/${FILES[file]}`;

/** Every note's diagnostics, hints included, as text to compare. */
function allDiagnostics(workspace: Workspace): Map<string, string> {
  const result = new Map<string, string>();
  for (const note of workspace.notes()) result.set(note.uri, JSON.stringify(noteDiagnostics(workspace, note.uri)));
  return result;
}

/** How many times an edit changed another note's diagnostics: the property says something only when this is not 0. */
const checked = { edits: 0, otherNotesChanged: 0 };

function assertAffectedCovers(texts: readonly string[], steps: readonly Step[]): void {
  const workspace = createWorkspace([ROOT], defaultConfig());
  const current = new Map<number, string>();
  workspace.batch(() => texts.forEach((text, file) => {
    workspace.upsert(uriOf(file), text);
    current.set(file, text);
  }));
  for (const s of steps) {
    const before = allDiagnostics(workspace);
    const uri = uriOf(s.file);
    let affected: Set<string>;
    if (s.kind === 'remove') {
      affected = workspace.remove(uri).affected;
      current.delete(s.file);
    } else {
      const old = current.get(s.file) ?? '';
      const text = s.kind === 'write' ? s.text : s.kind === 'tweak' ? old.replace(s.tweak[0], s.tweak[1]) : applyMutation(old, s.mutation);
      affected = workspace.upsert(uri, text).affected;
      current.set(s.file, text);
    }
    const after = allDiagnostics(workspace);
    checked.edits++;
    for (const [other, diagnostics] of after) {
      if (other === uri || before.get(other) === diagnostics) continue;
      checked.otherNotesChanged++;
      assert.ok(affected.has(other),
        `after ${s.kind} of ${FILES[s.file]}, the diagnostics of ${other.slice(ROOT.length + 1)} changed but it was not in the affected set\n` +
        `before: ${before.get(other)}\nafter:  ${diagnostics}`);
    }
  }
}

test('after each edit, every note whose diagnostics changed is in the affected set', (t) => {
  fc.assert(fc.property(initial, fc.array(step, { minLength: 1, maxLength: 20 }), assertAffectedCovers), fuzzParameters(RUNS));
  t.diagnostic(`${checked.edits} edits; ${checked.otherNotesChanged} times one changed the diagnostics of another note`);
  assert.ok(checked.otherNotesChanged > 0, 'the edits never changed another note: the property was not tested');
});
