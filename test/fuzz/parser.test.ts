// Property tests of the parser on any text: it never throws, every span it returns lies in the note and names what is
// written there, and offsets and LSP positions convert back and forth exactly.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { defaultConfig } from '../../server/src/model/config';
import { parseNote, type NoteKind } from '../../server/src/syntax/note';
import { LineMap } from '../../server/src/syntax/text';
import { assertWellFormed, fuzzParameters, mutatedNote, noteText, sampleActors, sampleArticles } from './support';

const CONFIG = defaultConfig();
const KINDS: readonly [NoteKind, string][] = [
  ['article', 'articles/fuzzed.md'],
  ['actor', 'actors/fuzzed.md'],
  ['other', 'notes/fuzzed.md'],
];

function parseAs(kind: NoteKind, path: string, text: string) {
  return parseNote(`file:///ws/${path}`, path, text, kind, CONFIG);
}

test('parsing any text, as any kind of note, never throws and every span lies inside the note', () => {
  fc.assert(
    fc.property(noteText, (text) => {
      for (const [kind, path] of KINDS) assertWellFormed(parseAs(kind, path, text));
    }),
    fuzzParameters(),
  );
});

test('mutated articles and actor notes parse into well-formed notes', () => {
  fc.assert(
    fc.property(mutatedNote(sampleArticles, 16), mutatedNote(sampleActors, 16), (article, actor) => {
      assertWellFormed(parseAs('article', 'articles/a.md', article));
      assertWellFormed(parseAs('actor', 'actors/a.md', actor));
    }),
    fuzzParameters(),
  );
});

test('parsing is deterministic: the same text gives the same note', () => {
  fc.assert(
    fc.property(noteText, (text) => {
      const { lines: _a, ...first } = parseAs('article', 'articles/a.md', text);
      const { lines: _b, ...second } = parseAs('article', 'articles/a.md', text);
      assert.deepEqual(second, first);
    }),
    fuzzParameters(),
  );
});

/** An offset between the \r and \n of a CRLF has no LSP position of its own. */
function insideLineBreak(text: string, offset: number): boolean {
  return text[offset - 1] === '\r' && text[offset] === '\n';
}

test('LineMap: every offset maps to a position and back (except between \\r and \\n), and positions are valid', () => {
  fc.assert(
    fc.property(noteText, (text) => {
      const lines = new LineMap(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = lines.positionAt(offset);
        assert.ok(position.line >= 0 && position.line < lines.lineCount, `line of ${offset}`);
        assert.ok(position.character >= 0, `character of ${offset}`);
        if (insideLineBreak(text, offset)) assert.equal(lines.offsetAt(position), offset - 1, 'inside a CRLF: the offset of its \\r');
        else assert.equal(lines.offsetAt(position), offset, `offset ${offset} → ${JSON.stringify(position)} → back`);
      }
      // Beyond the text, or before it, offsets clamp.
      assert.deepEqual(lines.positionAt(text.length + 5), lines.positionAt(text.length));
      assert.deepEqual(lines.positionAt(-3), { line: 0, character: 0 });
    }),
    fuzzParameters(),
  );
});

test('LineMap: every position within a line maps to an offset and back; positions past a line end clamp to it', () => {
  fc.assert(
    fc.property(noteText, fc.nat(), fc.nat({ max: 500 }), (text, lineSeed, character) => {
      const lines = new LineMap(text);
      const line = lineSeed % lines.lineCount;
      const lineLength = lines.lineEnd(line) - lines.lineStart(line);
      const offset = lines.offsetAt({ line, character });
      assert.ok(offset >= 0 && offset <= text.length);
      if (character <= lineLength) assert.deepEqual(lines.positionAt(offset), { line, character });
      else assert.deepEqual(lines.positionAt(offset), { line, character: lineLength });
      // Lines beyond the last clamp to the end, negative lines to the start.
      assert.equal(lines.offsetAt({ line: lines.lineCount + line, character }), text.length);
      assert.equal(lines.offsetAt({ line: -1 - line, character }), 0);
    }),
    fuzzParameters(),
  );
});

test('LineMap agrees with a plain line split on \\r\\n, \\r and \\n', () => {
  fc.assert(
    fc.property(noteText, (text) => {
      const lines = new LineMap(text);
      const expected = text.split(/\r\n|\r|\n/);
      assert.equal(lines.lineCount, expected.length);
      expected.forEach((content, line) => assert.equal(text.slice(lines.lineStart(line), lines.lineEnd(line)), content, `line ${line}`));
    }),
    fuzzParameters(),
  );
});
