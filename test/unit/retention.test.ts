// A parsed note must not keep its source text alive: the workspace keeps thousands of notes and
// drops their texts. In V8 a slice of 13 or more characters points into its parent string and a
// concatenation points to its parts, so one claim key kept as a slice keeps the whole text.
//
// Strings cannot be WeakRef targets (`new WeakRef('…')` throws), so whether the text was collected is
// measured on the heap: each note is a few MB of unique text, and after a full collection the heap may
// keep only the parse result, a small fraction of that.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultConfig } from '../../server/src/model/config';
import { Workspace } from '../../server/src/model/workspace';
import { parseNote, type Note, type NoteKind } from '../../server/src/syntax/note';
import { detached } from '../../server/src/syntax/text';
import { isCompact } from '../../server/src/model/compactNote';
import { joinLines } from '../helpers/workspace';
import { createWorkspace } from '../../server/src/rules/registry';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function heapAfterCollection(): Promise<number> {
  // The legacy RegExp statics (RegExp.input, RegExp.lastMatch) hold the last string a regex ran on.
  /x/.exec('x');
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A unique suffix made at run time, so that no string in a test is an interned literal. */
function unique(): string {
  return `${process.pid}${Math.random().toString(36).slice(2)}`;
}

/** About 1.5 million characters of plain prose, with Cyrillic so that the text is two bytes a character. */
function padding(): string {
  const id = unique();
  return Array.from({ length: 40_000 }, (_, i) => `Лишь слова ${i} ${id}, без разметки.`).join(' ');
}

interface Retention {
  note: Note;
  textBytes: number;
  retainedBytes: number;
}

/** Parses the text `build` makes, drops the note's text, and measures what the heap still holds. */
async function parseAndDropText(path: string, kind: NoteKind, build: () => string): Promise<Retention> {
  const before = await heapAfterCollection();
  let textBytes = 0;
  const note = ((): Note => {
    const text = build();
    textBytes = text.length * 2;
    const parsed = parseNote(`file:///ws/${path}`, path, text, kind, defaultConfig());
    // The line map stays: it keeps line starts and break lengths, not the text.
    delete (parsed as Partial<Note>).text;
    return parsed;
  })();
  const retainedBytes = (await heapAfterCollection()) - before;
  return { note, textBytes, retainedBytes };
}

// The first parse compiles the parser, which takes heap of its own: done once before anything is measured.
parseNote('file:///ws/articles/warm-up.md', 'articles/warm-up.md', joinLines('---', 'title: Warm-up', '---', '# Warm-up', '[[a|b]] [c]{claim=d by=e}'), 'article', defaultConfig());

function assertTextCollected({ textBytes, retainedBytes }: Retention): void {
  assert.ok(textBytes > 2_000_000, `the test text is too small to measure: ${textBytes} bytes`);
  assert.ok(retainedBytes < textBytes / 10,
    `after dropping the note's text, the heap still holds ${(retainedBytes / 1e6).toFixed(1)} MB of a ${(textBytes / 1e6).toFixed(1)} MB text`);
}

describe('detached strings', () => {
  test('a copy of a long slice or a concatenation does not keep its parent alive', async () => {
    const before = await heapAfterCollection();
    let parentBytes = 0;
    const copies = ((): string[] => {
      const parent = padding();
      parentBytes = parent.length * 2;
      const slice = parent.slice(1000, 1060);
      const made = [detached(slice), detached(`«${slice}»`), detached(parent.slice(5, 18)), detached(slice.trim())];
      assert.equal(made[0], slice);
      assert.equal(made[1], `«${slice}»`);
      return made;
    })();
    const retained = (await heapAfterCollection()) - before;
    assert.ok(retained < parentBytes / 10, `detached copies keep ${(retained / 1e6).toFixed(1)} MB of a ${(parentBytes / 1e6).toFixed(1)} MB parent`);
    assert.equal(copies.length, 4);
  });

  test('short strings come back as they are (V8 copies them on slicing already); the value is always equal', () => {
    const short = `ab${unique()}`.slice(0, 12);
    assert.equal(detached(short), short);
    assert.equal(detached(''), '');
    const surrogates = `\ud83d\ude00 лишь \ud83d${unique()}`;
    assert.equal(detached(surrogates), surrogates);
  });
});

describe('a parsed note keeps none of its text', () => {
  test('an article: frontmatter, headings, wiki links with labels, claims with long keys, by and counter', async () => {
    const id = unique();
    const result = await parseAndDropText('articles/long.md', 'article', () => joinLines(
      '---',
      `title: Kazakhstan and the recognition question ${id}`,
      `outlet: Independent Steppe Review ${id}`,
      `url: https://steppe-review.example/articles/${id}`,
      'date: 2022-06-17',
      'perspective: kazakh-independent',
      `author: Aigerim Nurpeisova-Whitfield ${id}`,
      'language: en',
      `tags: [first-long-tag-${id}, second-long-tag-${id}]`,
      'sources:',
      `  - https://first-source.example/${id}`,
      `  - https://second-source.example/${id}`,
      '---',
      `# What the president said at the forum ${id}`,
      '',
      `At the forum [[kassym-jomart-tokayev-${id}|Kassym-Jomart Tokayev ${id}]] spoke with [[vladimir-putin-${id}]].`,
      `[Kazakhstan does not recognise the DPR]{claim=kazakhstan-does-not-recognise-${id} by=kassym-jomart-tokayev-${id} stance=reports counter=https://counter-source.example/${id}}.`,
      `[Only one outlet carried this]{claim=single-outlet-claim-${id} .single-source .another-long-class-${id} #an-identifier-${id}}`,
      '',
      `Setext heading written long ${id}`,
      '-----------------------------------',
      '',
      padding(),
    ));
    const { note } = result;
    assert.equal(note.claims.length, 2);
    assert.ok(note.claims[0].key!.length > 13 && note.claims[0].by && note.claims[0].counter);
    assert.equal(note.wikiLinks[0].label?.startsWith('Kassym-Jomart Tokayev'), true);
    assert.equal(note.headings.length, 2);
    assert.ok(note.article?.title && note.frontmatter?.fields.get('sources')?.items?.length === 2);
    assertTextCollected(result);
  });

  test('an actor note with a long name, aliases, role and an id', async () => {
    const id = unique();
    const result = await parseAndDropText(`actors/actor-${id}.md`, 'actor', () => joinLines(
      '---',
      `id: kassym-jomart-tokayev-${id}`,
      `name: Kassym-Jomart Kemelevich Tokayev ${id}`,
      'aliases:',
      `  - Kassym-Jomart Tokayev ${id}`,
      `  - "Касым-Жомарт Токаев ${id}"`,
      `  - Qasym-Jomart Toqaev ${id}`,
      'kind: person',
      `role: President of the Republic of Kazakhstan ${id}`,
      'wikidata: Q12345',
      '---',
      `Notes about the president ${id}.`,
      '',
      padding(),
    ));
    assert.equal(result.note.actor?.aliases.length, 3);
    assert.ok(result.note.actor?.id.startsWith('kassym-jomart-tokayev-'));
    assertTextCollected(result);
  });

  test('diagnostics quoting the note: unknown stance, duplicate and unknown attributes, bad key, date and perspective', async () => {
    const id = unique();
    const result = await parseAndDropText('articles/bad.md', 'article', () => joinLines(
      '---',
      `title: A report with mistakes ${id}`,
      `outlet: Mistaken Outlet ${id}`,
      `date: not-a-date-at-all-${id}`,
      `perspective: no-such-perspective-${id}`,
      `url: not-a-url-${id}`,
      '---',
      `[One]{claim=first-long-claim-key-${id} stance=reported-by-someone-${id}}`,
      `[Two]{claim=second-long-claim-key-${id} claim=duplicate-long-claim-key-${id}}`,
      `[Three]{claim=third-long-claim-key-${id} unknown-long-attribute-${id}=value-${id}}`,
      `[Four]{claim=!not-a-valid-key-${id}}`,
      `[Five]{claim=fifth-long-claim-key-${id} loose-word-without-value-${id}}`,
      '',
      padding(),
    ));
    const codes = result.note.diagnostics.map((d) => d.code);
    for (const code of ['claim.invalid-stance', 'claim.malformed', 'claim.unknown-attribute', 'claim.invalid-key', 'article.invalid-date', 'article.unknown-perspective', 'article.invalid-field']) {
      assert.ok(codes.includes(code as never), `expected a ${code} diagnostic, got ${codes.join(', ')}`);
    }
    assertTextCollected(result);
  });

  test('invalid YAML frontmatter and claims outside an article folder', async () => {
    const id = unique();
    const result = await parseAndDropText('other/bad-yaml.md', 'other', () => joinLines(
      '---',
      `title: "an unclosed quote ${id}`,
      `outlet: [an unclosed list ${id}`,
      '---',
      `[A claim outside the articles]{claim=outside-claim-key-${id} by=someone-long-named-${id}}`,
      '',
      padding(),
    ));
    const codes = result.note.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('frontmatter.yaml') && codes.includes('claim.outside-article'), codes.join(', '));
    assertTextCollected(result);
  });
});

describe('the workspace keeps the texts of notes nobody edits as UTF-8', () => {
  /** About 1.6 million characters of Latin prose with typographic quotes: two bytes a character in V8, one in UTF-8. */
  function latinArticle(): string {
    const id = unique();
    const body = Array.from({ length: 40_000 }, (_, i) => `“Tokayev said” ${i} ${id} — no markup.`).join(' ');
    return joinLines('---', 'title: T', 'outlet: O', 'perspective: western', '---', '\uFEFFA BOM inside, a CRLF\r\nand an emoji 😀 stay.', body);
  }

  test('a note read from disk: the heap keeps no UTF-16 copy, and note.text reads the same text, BOM, CRLF and emoji included', async () => {
    const workspace = createWorkspace(['file:///ws/'], defaultConfig());
    const uri = 'file:///ws/articles/a.md';
    const before = await heapAfterCollection();
    const beforeBuffers = process.memoryUsage().arrayBuffers;
    let expected = '';
    (() => {
      const text = `\uFEFF${latinArticle()}`;
      expected = detached(text.slice(0, 200)) + detached(text.slice(-200));
      workspace.upsert(uri, text);
    })();
    // The texts read last stay decoded in a bounded cache: empty it, as reading other notes would.
    workspace.dropCaches();
    const retained = (await heapAfterCollection()) - before;
    const note = workspace.getNote(uri)!;
    assert.ok(retained < note.lines.lineCount * 64 + 2_000_000, `the heap keeps ${retained} bytes of a ${note.text.length * 2}-byte text`);
    assert.ok(process.memoryUsage().arrayBuffers - beforeBuffers > note.text.length * 0.9, 'the bytes are kept outside the heap');
    const text = note.text;
    assert.equal(text.slice(0, 200) + text.slice(-200), expected);
    assert.equal(text.charCodeAt(0), 0xfeff, 'the BOM is kept: offsets do not shift');
    assert.ok(text.includes('\r\nand an emoji 😀 stay.'));
  });

  test('an open note keeps its text as a string; a text with a lone surrogate half stays a string too', () => {
    const workspace = createWorkspace(['file:///ws/'], defaultConfig());
    const lone = 'Tokayev \uD83D said.';
    workspace.upsert('file:///ws/articles/open.md', 'Tokayev said.', { keepText: true });
    workspace.upsert('file:///ws/articles/lone.md', lone);
    workspace.upsert('file:///ws/articles/closed.md', 'Tokayev said.');
    const compact = (uri: string) => isCompact(workspace.getNote(uri)!);
    assert.equal(compact('file:///ws/articles/open.md'), false);
    assert.equal(compact('file:///ws/articles/lone.md'), false);
    assert.equal(workspace.getNote('file:///ws/articles/lone.md')!.text, lone);
    assert.equal(compact('file:///ws/articles/closed.md'), true);
  });

  test('many notes read one after another: each reads its own text, whatever the decoded cache has let go', () => {
    const workspace = createWorkspace(['file:///ws/'], defaultConfig());
    const texts = Array.from({ length: 300 }, (_, i) => `Note ${i} “${'x'.repeat(40_000)}” ${unique()}`);
    workspace.batch(() => texts.forEach((text, i) => workspace.upsert(`file:///ws/articles/n${i}.md`, text)));
    for (let round = 0; round < 2; round++) {
      texts.forEach((text, i) => assert.equal(workspace.getNote(`file:///ws/articles/n${i}.md`)!.text, text));
    }
  });
});
