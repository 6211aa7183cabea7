// frontmatter.ts and the frontmatter readers of note.ts: fields, spans, fences and what is never run.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Finding } from '../../server/src/syntax/diagnostics';
import { parseFrontmatter } from '../../server/src/syntax/frontmatter';
import { LineMap } from '../../server/src/syntax/text';
import { joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

function codes(diagnostics: readonly Finding[]): string[] {
  return diagnostics.map((d) => d.code);
}

function fieldTexts(text: string) {
  const fm = parseFrontmatter(text).frontmatter!;
  return [...fm.fields.values()].map((f) => [f.key, textOf(text, f.keySpan), textOf(text, f.valueSpan), f.raw]);
}

function noteOf(path: string, text: string) {
  const workspace = workspaceOf({ [path]: text });
  return { workspace, note: workspace.getNote(uriOf(path))!, diagnostics: noteDiagnostics(workspace, uriOf(path)) };
}

describe('fields and their spans', () => {
  test('keys, values and raw text; quotes are not part of the value span; comments are not values', () => {
    const text = joinLines(
      '---',
      'title: "Tokayev: a new course"',
      "outlet: 'Channel 24'",
      '# a comment line',
      'url: https://24tv.ua/en/tokayev#section  # where it ran',
      'date: 2022-06-17',
      'perspective: ukrainian',
      '---',
      'Body.',
    );
    assert.deepEqual(fieldTexts(text), [
      ['title', 'title', 'Tokayev: a new course', 'Tokayev: a new course'],
      ['outlet', 'outlet', 'Channel 24', 'Channel 24'],
      ['url', 'url', 'https://24tv.ua/en/tokayev#section', 'https://24tv.ua/en/tokayev#section'],
      ['date', 'date', '2022-06-17', '2022-06-17'],
      ['perspective', 'perspective', 'ukrainian', 'ukrainian'],
    ]);
    const result = parseFrontmatter(text);
    assert.equal(result.frontmatter!.data.title, 'Tokayev: a new course');
    assert.equal(result.frontmatter!.data.url, 'https://24tv.ua/en/tokayev#section');
    assert.equal(textOf(text, result.frontmatter!.span), text.slice(0, text.indexOf('\nBody.')));
    assert.equal(text.slice(result.bodyStart), 'Body.');
    assert.deepEqual(result.diagnostics, []);
  });

  test('a block alias list: every item with its span, comments and quotes left out', () => {
    const text = joinLines(
      '---',
      'name: Kassym-Jomart Tokayev',
      'aliases:',
      '  - Tokayev',
      '  - "Tokaev"   # the Russian transliteration',
      "  - 'Токаев'",
      '',
      '  - Kasim-Jomart Tokayev',
      'kind: person',
      '---',
    );
    const aliases = parseFrontmatter(text).frontmatter!.fields.get('aliases')!;
    assert.equal(aliases.valueSpan.start, aliases.valueSpan.end, 'a block value has an empty span at the line end');
    assert.deepEqual(aliases.items!.map((i) => [i.value, textOf(text, i.span)]), [
      ['Tokayev', 'Tokayev'],
      ['Tokaev', 'Tokaev'],
      ['Токаев', 'Токаев'],
      ['Kasim-Jomart Tokayev', 'Kasim-Jomart Tokayev'],
    ]);
    assert.equal(parseFrontmatter(text).frontmatter!.fields.get('kind')!.items, undefined);
  });

  test('a quoted value followed by a comment: the span is the value inside the quotes', () => {
    const text = joinLines('---', 'title: "Tokayev: a new course"  # the headline', "outlet: 'Channel ''24'''   # sic", 'author: "A \\"B\\" C" # escaped', '---');
    assert.deepEqual(fieldTexts(text).map(([key, , value]) => [key, value]), [
      ['title', 'Tokayev: a new course'],
      ['outlet', "Channel ''24''"],
      ['author', 'A \\"B\\" C'],
    ]);
    const data = parseFrontmatter(text).frontmatter!.data;
    assert.deepEqual([data.title, data.outlet, data.author], ['Tokayev: a new course', "Channel '24'", 'A "B" C']);
  });

  test('a flow alias list: items split on commas outside quotes, each with its span', () => {
    const text = joinLines('---', 'name: DPR', `aliases: [DPR, "Donetsk People's Republic", 'DNR, the', ДНР]`, '---');
    const aliases = parseFrontmatter(text).frontmatter!.fields.get('aliases')!;
    assert.deepEqual(aliases.items!.map((i) => [i.value, textOf(text, i.span)]), [
      ['DPR', 'DPR'],
      ["Donetsk People's Republic", "Donetsk People's Republic"],
      ['DNR, the', 'DNR, the'],
      ['ДНР', 'ДНР'],
    ]);
    assert.deepEqual(parseFrontmatter(text).frontmatter!.data.aliases, ['DPR', "Donetsk People's Republic", 'DNR, the', 'ДНР']);
  });

  test('the actor note reads its aliases with the spans of the items', () => {
    const text = joinLines('---', 'name: Kassym-Jomart Tokayev', 'aliases: [Tokayev, "Tokaev"]', 'kind: person', '---');
    const { note } = noteOf('actors/tokayev.md', text);
    assert.equal(note.actor!.id, 'tokayev');
    assert.equal(note.actor!.name, 'Kassym-Jomart Tokayev');
    assert.equal(textOf(text, note.actor!.nameSpan!), 'Kassym-Jomart Tokayev');
    assert.deepEqual(note.actor!.aliases.map((a) => [a.value, textOf(text, a.span!)]), [['Tokayev', 'Tokayev'], ['Tokaev', 'Tokaev']]);
  });

  test('a single alias written as a string is one alias, spanning the value', () => {
    const text = joinLines('---', 'name: Vladimir Putin', 'aliases: Putin', '---');
    const { note } = noteOf('actors/putin.md', text);
    assert.deepEqual(note.actor!.aliases.map((a) => [a.value, textOf(text, a.span!)]), [['Putin', 'Putin']]);
  });

  test('an id field overrides the file name, with its span', () => {
    const text = joinLines('---', 'id: kjt', 'name: Kassym-Jomart Tokayev', '---');
    const { note } = noteOf('actors/tokayev.md', text);
    assert.equal(note.actor!.id, 'kjt');
    assert.equal(textOf(text, note.actor!.idSpan!), 'kjt');
  });

  test('YAML anchors and aliases resolve to their values', () => {
    const text = joinLines('---', 'title: &t Tokayev at SPIEF', 'outlet: Channel 24', 'perspective: &p ukrainian', 'author: *t', 'language: *p', '---');
    const { note, diagnostics } = noteOf('articles/a.md', text);
    assert.equal(note.article!.author, 'Tokayev at SPIEF');
    assert.equal(note.article!.language, 'ukrainian');
    assert.deepEqual(codes(diagnostics), []);
  });

  test('dates are kept as written, not turned into Date strings', () => {
    const text = joinLines('---', 'title: T', 'outlet: O', 'perspective: western', 'date: 2022-06-17', '---');
    assert.equal(noteOf('articles/a.md', text).note.article!.date, '2022-06-17');
    const withTime = text.replace('2022-06-17', '2022-06-17T10:30:00Z');
    assert.equal(noteOf('articles/a.md', withTime).note.article!.date, '2022-06-17T10:30:00Z');
    const commented = text.replace('2022-06-17', '2022-06-17 # publication day');
    assert.equal(noteOf('articles/a.md', commented).note.article!.date, '2022-06-17');
    const quoted = text.replace('2022-06-17', '"2022-06-17"');
    assert.equal(noteOf('articles/a.md', quoted).note.article!.date, '2022-06-17');
  });

  test('numbers are read as written too', () => {
    const text = joinLines('---', 'title: 1984', 'outlet: O', 'perspective: western', '---');
    assert.equal(noteOf('articles/a.md', text).note.article!.title, '1984');
  });

  test('an empty frontmatter has no fields and no diagnostic of its own', () => {
    const result = parseFrontmatter('---\n---\nBody');
    assert.deepEqual(result.frontmatter!.data, {});
    assert.equal(result.frontmatter!.fields.size, 0);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.bodyStart, 8);
    const comments = parseFrontmatter('---\n# only a comment\n---\n');
    assert.deepEqual(comments.diagnostics, []);
    assert.deepEqual(comments.frontmatter!.data, {});
  });

  test('an empty article frontmatter reports the missing required fields', () => {
    const { diagnostics } = noteOf('articles/a.md', '---\n---\nBody');
    assert.deepEqual(diagnostics.map((d) => [d.code, (d.data as { field?: string } | undefined)?.field]), [
      ['article.missing-field', 'title'],
      ['article.missing-field', 'outlet'],
      ['article.missing-field', 'perspective'],
    ]);
  });
});

describe('fences', () => {
  test('a BOM before the fence: spans count it, fields are read', () => {
    const text = '\ufeff---\ntitle: Tokayev\n---\nBody';
    const result = parseFrontmatter(text);
    assert.deepEqual(result.frontmatter!.openFenceSpan, { start: 1, end: 4 });
    assert.equal(result.frontmatter!.data.title, 'Tokayev');
    assert.equal(textOf(text, result.frontmatter!.fields.get('title')!.valueSpan), 'Tokayev');
    assert.equal(text.slice(result.bodyStart), 'Body');
  });

  test('CRLF line ends: values hold no \\r, the body starts after the closing fence line', () => {
    const text = '---\r\ntitle: Tokayev\r\naliases:\r\n  - Tokaev\r\n---\r\nBody\r\n';
    const result = parseFrontmatter(text);
    assert.equal(result.frontmatter!.data.title, 'Tokayev');
    assert.equal(textOf(text, result.frontmatter!.fields.get('title')!.valueSpan), 'Tokayev');
    assert.deepEqual(result.frontmatter!.fields.get('aliases')!.items!.map((i) => textOf(text, i.span)), ['Tokaev']);
    assert.equal(text.slice(result.bodyStart), 'Body\r\n');
    assert.equal(textOf(text, result.frontmatter!.span), '---\r\ntitle: Tokayev\r\naliases:\r\n  - Tokaev\r\n---');
  });

  test('a BOM and CRLF together in a whole article', () => {
    const text = '\ufeff---\r\ntitle: T\r\noutlet: Channel 24\r\nperspective: ukrainian\r\ndate: 2022-06-17\r\n---\r\n[[tokayev]]\r\n';
    const { note, diagnostics } = noteOf('articles/a.md', text);
    assert.equal(note.article!.outlet, 'Channel 24');
    assert.equal(note.article!.date, '2022-06-17');
    assert.deepEqual(note.wikiLinks.map((l) => note.lines.rangeOf(l.span)), [{ start: { line: 6, character: 0 }, end: { line: 6, character: 11 } }]);
    assert.deepEqual(codes(diagnostics), ['actor.unknown']);
  });

  test('... closes a frontmatter too', () => {
    const result = parseFrontmatter('---\ntitle: T\n...\nBody');
    assert.equal(result.frontmatter!.data.title, 'T');
  });

  test('no fence, or a thematic break of four dashes, is no frontmatter', () => {
    assert.equal(parseFrontmatter('Body only').frontmatter, undefined);
    assert.equal(parseFrontmatter('----\ntitle: T\n----\n').frontmatter, undefined);
    assert.equal(parseFrontmatter('\n---\ntitle: T\n---\n').frontmatter, undefined, 'the fence must be the first line');
  });

  test('an unclosed fence: frontmatter.unclosed on the fence, the body is still parsed, nothing reported missing', () => {
    const text = joinLines('---', 'title: Tokayev', 'outlet: Channel 24', '', 'Later [[tokayev]] said [X]{claim=k}.');
    const result = parseFrontmatter(text);
    assert.equal(result.frontmatter, undefined);
    assert.deepEqual(codes(result.diagnostics), ['frontmatter.unclosed']);
    assert.equal(textOf(text, result.diagnostics[0].span), '---');
    assert.equal(result.bodyStart, 4);

    const { note, diagnostics } = noteOf('articles/a.md', text);
    assert.deepEqual(note.wikiLinks.map((l) => l.target), ['tokayev']);
    assert.deepEqual(note.claims.map((c) => c.key), ['k']);
    assert.ok(!codes(diagnostics).includes('frontmatter.missing'), 'an unclosed fence is not also a missing frontmatter');
    assert.ok(!codes(diagnostics).includes('article.missing-field'));
    assert.equal(codes(diagnostics).filter((c) => c === 'frontmatter.unclosed').length, 1);
  });

  test('an unclosed fence in an actor note is not reported as missing either', () => {
    const { diagnostics } = noteOf('actors/tokayev.md', joinLines('---', 'name: Kassym-Jomart Tokayev'));
    assert.deepEqual(codes(diagnostics), ['frontmatter.unclosed']);
  });

  test('a fence with a language other than YAML is refused and never run', () => {
    const marker = join(tmpdir(), `counterpoint-pwned-${process.pid}-${Date.now()}`);
    const globals = globalThis as { __counterpointPwned?: unknown };
    const payload = `global.__counterpointPwned = true; require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); ({ title: 'pwned' })`;
    for (const language of ['js', 'javascript', 'coffee', 'json']) {
      const text = joinLines(`---${language}`, payload, '---', 'Body [[tokayev]]');
      const result = parseFrontmatter(text);
      assert.deepEqual(codes(result.diagnostics), ['frontmatter.language'], language);
      assert.equal(textOf(text, result.diagnostics[0].span), `---${language}`);
      assert.deepEqual(result.frontmatter!.data, {});
      assert.equal(text.slice(result.bodyStart), 'Body [[tokayev]]');

      const { note, diagnostics } = noteOf('articles/pwn.md', text);
      assert.equal(note.article!.title, undefined);
      assert.deepEqual(codes(diagnostics).filter((c) => c.startsWith('frontmatter.') || c.startsWith('article.')), ['frontmatter.language']);
    }
    assert.equal(globals.__counterpointPwned, undefined, 'no code from the note ran');
    assert.equal(existsSync(marker), false, 'no file was written');
  });

  test('--- yaml is YAML', () => {
    const result = parseFrontmatter('--- yaml\ntitle: T\n---\n');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.frontmatter!.data.title, 'T');
  });

  test('JavaScript tags in YAML are refused, not run', () => {
    const globals = globalThis as { __counterpointPwned?: unknown };
    const text = joinLines('---', 'title: T', 'x: !!js/function "function () { global.__counterpointPwned = true }"', '---');
    const result = parseFrontmatter(text);
    assert.deepEqual(codes(result.diagnostics), ['frontmatter.yaml']);
    assert.match(result.diagnostics[0].message, /unknown tag/);
    assert.equal(globals.__counterpointPwned, undefined);
  });
});

describe('invalid frontmatter', () => {
  test('invalid YAML: the message names the line, the span is on that line', () => {
    const text = joinLines('---', 'title: Tokayev', 'outlet: Channel 24', '  perspective: ukrainian', '---', 'Body');
    const [d] = parseFrontmatter(text).diagnostics;
    assert.equal(d.code, 'frontmatter.yaml');
    assert.match(d.message, /^The frontmatter is not valid YAML \(line 4\): bad indentation/);
    assert.equal(textOf(text, d.span), '  perspective: ukrainian');
    assert.equal(new LineMap(text).positionAt(d.span.start).line, 3);
  });

  test('invalid YAML with CRLF and a BOM: still the right line', () => {
    const text = '\ufeff---\r\ntitle: T\r\n\r\nfoo: bar: baz\r\n---\r\n';
    const [d] = parseFrontmatter(text).diagnostics;
    assert.match(d.message, /\(line 4\)/);
    assert.equal(textOf(text, d.span), 'foo: bar: baz');
    assert.equal(new LineMap(text).positionAt(d.span.start).line, 3);
  });

  test('an unclosed quote or bracket: reported where the parser ran out, the closing fence', () => {
    for (const bad of ['outlet: [Channel 24', 'outlet: "Channel 24']) {
      const text = joinLines('---', 'title: Tokayev', bad, '---', 'Body');
      const [d] = parseFrontmatter(text).diagnostics;
      assert.equal(d.code, 'frontmatter.yaml');
      assert.match(d.message, /^The frontmatter is not valid YAML \(line 4\): unexpected end of the stream/, bad);
      assert.match(d.message, /at line 4, column 1$/, 'the parser names the same line, and no dangling colon');
      assert.equal(new LineMap(text).positionAt(d.span.start).line, 3);
      assert.equal(textOf(text, d.span), '---');
    }
  });

  test('invalid YAML leaves the article unread rather than half read', () => {
    const text = joinLines('---', 'title: Tokayev', 'outlet: [Channel 24', 'perspective: ukrainian', '---');
    const { note, diagnostics } = noteOf('articles/a.md', text);
    assert.deepEqual(note.article, {});
    assert.deepEqual(codes(diagnostics), ['frontmatter.yaml']);
  });

  test('a list or a scalar is not a mapping', () => {
    for (const content of ['- Tokayev\n- Putin', 'just a sentence', '42']) {
      const text = `---\n${content}\n---\nBody`;
      const result = parseFrontmatter(text);
      assert.deepEqual(codes(result.diagnostics), ['frontmatter.not-mapping'], content);
      assert.equal(textOf(text, result.diagnostics[0].span), '---');
      assert.deepEqual(result.frontmatter!.data, {});
      const { diagnostics } = noteOf('articles/a.md', text);
      assert.deepEqual(codes(diagnostics), ['frontmatter.not-mapping'], 'no missing-field reports on top');
    }
  });

  test('a field that is a list or a mapping where a single value is expected', () => {
    const text = joinLines('---', 'title: [Tokayev, speech]', 'outlet: Channel 24', 'perspective: ukrainian', '---');
    const { note, diagnostics } = noteOf('articles/a.md', text);
    assert.equal(note.article!.title, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.code, textOf(text, d.span)]), [
      ['article.missing-field', '---'],
      ['article.invalid-field', '[Tokayev, speech]'],
    ]);
  });
});
