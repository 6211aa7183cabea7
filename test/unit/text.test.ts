// text.ts: the LineMap every range goes through, and the name and character helpers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineMap, codePointAt, codePointBefore, contains, isBlank, isWordChar, normalizeName } from '../../server/src/syntax/text';

/** Line and character of an offset, counted naively, as an independent oracle for LineMap. */
function naivePosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offsets between a \r and its \n: no LSP position names them. */
function insideCrLf(text: string, offset: number): boolean {
  return text[offset - 1] === '\r' && text[offset] === '\n';
}

describe('LineMap', () => {
  const mixed = 'ab\r\ncd\ref\n\ngh\r\r\nij\r';

  test('counts \\n, \\r\\n and a lone \\r as line ends, and a final line after the last one', () => {
    const lines = new LineMap(mixed);
    // ab | cd | ef | (empty) | gh | (empty) | ij | (empty)
    assert.equal(lines.lineCount, 8);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((l) => lines.lineStart(l)), [0, 4, 7, 10, 11, 14, 16, 19]);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((l) => mixed.slice(lines.lineStart(l), lines.lineEnd(l))), ['ab', 'cd', 'ef', '', 'gh', '', 'ij', '']);
  });

  test('positionAt agrees with a naive count at every offset of a mixed-line-end text', () => {
    const lines = new LineMap(mixed);
    for (let offset = 0; offset <= mixed.length; offset++) {
      assert.deepEqual(lines.positionAt(offset), naivePosition(mixed, offset), `offset ${offset}`);
    }
  });

  test('offsetAt(positionAt(o)) is o for every offset not between a \\r and its \\n', () => {
    const lines = new LineMap(mixed);
    let checked = 0;
    for (let offset = 0; offset <= mixed.length; offset++) {
      if (insideCrLf(mixed, offset)) continue;
      assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
      checked++;
    }
    assert.equal(checked, mixed.length + 1 - 2);
  });

  test('the offset between \\r and \\n maps back to the end of its line, before the \\r', () => {
    const lines = new LineMap('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
    assert.equal(lines.offsetAt(lines.positionAt(3)), 2);
  });

  test('positionAt(offsetAt(p)) is p for every position inside the text', () => {
    const lines = new LineMap(mixed);
    for (let line = 0; line < lines.lineCount; line++) {
      const length = lines.lineEnd(line) - lines.lineStart(line);
      for (let character = 0; character <= length; character++) {
        assert.deepEqual(lines.positionAt(lines.offsetAt({ line, character })), { line, character });
      }
    }
  });

  test('clamps positions and offsets outside the text', () => {
    const lines = new LineMap('ab\ncd');
    assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2, 'past the line end: the line end, not the next line');
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(lines.offsetAt({ line: 1, character: -4 }), 3);
  });

  test('an empty text has one empty line', () => {
    const lines = new LineMap('');
    assert.equal(lines.lineCount, 1);
    assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
    assert.equal(lines.offsetAt({ line: 0, character: 4 }), 0);
  });

  test('characters are UTF-16 code units: an emoji counts two, a combining mark one', () => {
    // "Ж😀e\u0301x": Ж (1) + 😀 (2) + e (1) + combining acute (1) → x at character 5.
    const text = 'Ж😀e\u0301x\r\ny';
    const lines = new LineMap(text);
    const x = text.indexOf('x');
    assert.equal(x, 5);
    assert.deepEqual(lines.rangeOf({ start: x, end: x + 1 }), { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } });
    assert.deepEqual(lines.rangeOf({ start: text.indexOf('y'), end: text.length }), { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });
});

describe('normalizeName', () => {
  test('folds case, curly apostrophes, dashes and runs of blanks', () => {
    assert.equal(normalizeName('  Donetsk People’s   Republic '), "donetsk people's republic");
    assert.equal(normalizeName('Kassym–Jomart\nTokayev'), 'kassym-jomart tokayev');
    assert.equal(normalizeName('Kassym\u2212Jomart'), 'kassym-jomart');
    assert.equal(normalizeName('ТОКАЕВ'), 'токаев');
  });

  test('composes combining marks, so a decomposed é equals a precomposed one', () => {
    assert.equal(normalizeName('Caf\u0065\u0301'), normalizeName('Caf\u00e9'));
  });
});

describe('character helpers', () => {
  test('isWordChar: letters, digits and combining marks only', () => {
    assert.equal(isWordChar('a'), true);
    assert.equal(isWordChar('Ж'), true);
    assert.equal(isWordChar('7'), true);
    assert.equal(isWordChar('\u0301'), true);
    assert.equal(isWordChar("'"), false);
    assert.equal(isWordChar('-'), false);
    assert.equal(isWordChar(' '), false);
    assert.equal(isWordChar(''), false);
    assert.equal(isWordChar(undefined), false);
  });

  test('codePointAt and codePointBefore keep surrogate pairs whole', () => {
    const text = 'a😀b';
    assert.equal(codePointAt(text, 1), '😀');
    assert.equal(codePointBefore(text, 3), '😀');
    assert.equal(codePointBefore(text, 1), 'a');
    assert.equal(codePointBefore(text, 0), '');
    assert.equal(codePointAt(text, 4), '');
  });

  test('contains includes both ends of a span', () => {
    const span = { start: 2, end: 5 };
    assert.deepEqual([1, 2, 3, 5, 6].map((o) => contains(span, o)), [false, true, true, true, false]);
  });

  test('isBlank: spaces, tabs and line ends only', () => {
    assert.equal(isBlank('a \t\r\n b', 1, 6), true);
    assert.equal(isBlank('a \t\r\n b', 0, 6), false);
    assert.equal(isBlank('a\u00a0b', 1, 2), false, 'a no-break space is not a blank here');
    assert.equal(isBlank('', 0, 0), true);
  });
});
