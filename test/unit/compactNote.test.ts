// compactNote.ts: a note nobody edits is kept compact, and reads exactly as the note parsed from its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/model/config';
import { parseNote, type Note } from '../../server/src/syntax/note';
import { isCompact } from '../../server/src/model/compactNote';
import { actorNote, articleNote, joinLines, uriOf, workspaceOf } from '../helpers/workspace';

const ARTICLE = articleNote({ title: 'Tokayev “distances himself”', outlet: 'Channel 24', perspective: 'ukrainian', date: '2022-06-17' },
  '# Tokayev at SPIEF',
  '',
  '[[tokayev|Tokaev]] said [Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance="reports" .single-source}.',
  '',
  'Setext heading',
  '==============',
  '',
  'Then [a second claim]{claim=second counter=https://example.org/x} — and [a broken one]{claim=bad stance=maybe}.');
const ACTOR = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'], role: 'President' });

/** What a note reads as, through every field, as plain data. */
function readAs(note: Note) {
  return {
    text: note.text,
    kind: note.kind,
    bodyStart: note.bodyStart,
    frontmatter: note.frontmatter && {
      span: note.frontmatter.span,
      openFenceSpan: note.frontmatter.openFenceSpan,
      data: note.frontmatter.data,
      fields: [...note.frontmatter.fields],
    },
    headings: note.headings,
    claims: note.claims.map((claim) => ({ ...claim, attributes: claim.attributes })),
    wikiLinks: note.wikiLinks,
    blocks: note.blocks,
    prose: note.prose,
    diagnostics: note.diagnostics,
    article: note.article,
    actor: note.actor,
    lines: Array.from({ length: note.lines.lineCount }, (_, line) => [note.lines.lineStart(line), note.lines.lineEnd(line)]),
  };
}

test('a compact article reads as its fresh parse: text, frontmatter, headings, claims and their attributes', () => {
  const workspace = workspaceOf({ 'actors/tokayev.md': ACTOR, 'articles/a.md': ARTICLE });
  const note = workspace.getNote(uriOf('articles/a.md'))!;
  assert.ok(isCompact(note));
  const fresh = parseNote(note.uri, note.path, ARTICLE, 'article', defaultConfig());
  assert.deepEqual(readAs(note), readAs(fresh));
  assert.deepEqual(note.claims[0].attributes.map((a) => [a.name, a.value]), [['claim', 'no-recognition'], ['by', 'tokayev'], ['stance', 'reports']]);
  assert.deepEqual(note.headings.map((h) => h.text), ['Tokayev at SPIEF', 'Setext heading']);
});

test('a compact actor note reads as its fresh parse, its frontmatter kept', () => {
  const workspace = workspaceOf({ 'actors/tokayev.md': ACTOR });
  const note = workspace.getNote(uriOf('actors/tokayev.md'))!;
  assert.ok(isCompact(note));
  assert.ok(Object.prototype.hasOwnProperty.call(note, 'frontmatter'));
  assert.deepEqual(readAs(note), readAs(parseNote(note.uri, note.path, ACTOR, 'actor', defaultConfig())));
});

test('what is parsed again stays right across many notes read in turn', () => {
  const files: Record<string, string> = { 'actors/tokayev.md': ACTOR };
  for (let i = 0; i < 40; i++) files[`articles/n${i}.md`] = ARTICLE.replace('# Tokayev at SPIEF', `# Heading ${i}`);
  const workspace = workspaceOf(files);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 40; i++) {
      const note = workspace.getNote(uriOf(`articles/n${i}.md`))!;
      assert.equal(note.headings[0].text, `Heading ${i}`);
      assert.equal(note.frontmatter?.data.outlet, 'Channel 24');
      assert.equal(note.claims[1].attributes[1].value, 'https://example.org/x');
    }
  }
});

test('a note being edited is not compacted; replaced by a closed version, it is', () => {
  const workspace = workspaceOf({ 'actors/tokayev.md': ACTOR });
  const uri = uriOf('articles/a.md');
  workspace.upsert(uri, ARTICLE, { keepText: true });
  assert.equal(isCompact(workspace.getNote(uri)!), false);
  workspace.upsert(uri, joinLines(ARTICLE, 'More.'));
  assert.equal(isCompact(workspace.getNote(uri)!), true);
  assert.ok(workspace.getNote(uri)!.text.endsWith('More.'));
});
