// The one sentence splitter (syntax/sentences.ts): abbreviations, initials, decimals, quotations, Cyrillic, headlines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceAround, splitSentences } from '../../server/src/syntax/sentences';

function split(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  test('abbreviations and initials do not end a sentence: St., Gen., Jan., Aug., U.S., R. Kadyrov', () => {
    assert.deepEqual(split('Gen. Smith spoke at the St. Petersburg forum on Aug. 5 and Jan. 3. R. Kadyrov replied. The U.S. Senate voted.'), [
      'Gen. Smith spoke at the St. Petersburg forum on Aug. 5 and Jan. 3.',
      'R. Kadyrov replied.',
      'The U.S. Senate voted.',
    ]);
  });

  test('"U.S." at the end of a sentence, before a sentence that starts with a function word, ends it', () => {
    assert.deepEqual(split('He flew to the U.S. The talks failed.'), ['He flew to the U.S.', 'The talks failed.']);
  });

  test('decimals and thousands are no boundaries', () => {
    assert.deepEqual(split('Loadings fell by 2.5 percent to 1.7 million tonnes. Prices rose.'), ['Loadings fell by 2.5 percent to 1.7 million tonnes.', 'Prices rose.']);
  });

  test('a quotation closes its sentence with its stop; an attribution after "!” is the same sentence', () => {
    assert.deepEqual(split('“It is false.” He left. “Welcome!” Putin said.'), ['“It is false.”', 'He left.', '“Welcome!” Putin said.']);
  });

  test('Cyrillic: sentences, initials and г. for год', () => {
    assert.deepEqual(split('«Это ложь», — заявил Песков. В. Путин в 2022 г. не приехал. Почему?'), [
      '«Это ложь», — заявил Песков.', 'В. Путин в 2022 г. не приехал.', 'Почему?',
    ]);
  });

  test('a headline line and the sentence after it are two sentences; a wrapped line is not cut', () => {
    assert.deepEqual(split('Kazakhstan halts oil loadings\nThe Kremlin said it was no retaliation.'), ['Kazakhstan halts oil loadings', 'The Kremlin said it was no retaliation.']);
    assert.deepEqual(split('The decision was taken by the\nKremlin on Monday.'), ['The decision was taken by the\nKremlin on Monday.']);
    assert.deepEqual(split('Tokayev said that Kazakhstan,\nRussia and China agreed.'), ['Tokayev said that Kazakhstan,\nRussia and China agreed.']);
  });

  test('a runaway sentence is cut into pieces of bounded length', () => {
    const long = 'word '.repeat(1000);
    for (const sentence of split(long)) assert.ok(sentence.length <= 800);
  });
});

describe('sentenceAround', () => {
  test('the sentence of a span, across an abbreviation', () => {
    const text = 'First one. He met Gen. Smith in St. Petersburg. Last one.';
    const at = text.indexOf('Smith');
    const span = sentenceAround(text, { start: at, end: at + 5 }, { start: 0, end: text.length });
    assert.equal(text.slice(span.start, span.end), 'He met Gen. Smith in St. Petersburg.');
  });

  test('a span over two sentences gets both', () => {
    const text = 'One. Two three. Four.';
    const span = sentenceAround(text, { start: 2, end: 8 }, { start: 0, end: text.length });
    assert.equal(text.slice(span.start, span.end), 'One. Two three.');
  });
});

describe('markdown inside sentences', () => {
  test('an image or a link after "!" or "?" is not a sentence boundary', () => {
    assert.deepEqual(split('Tokayev said ![t](https://example.org/t.png) and left. Next one.'), ['Tokayev said ![t](https://example.org/t.png) and left.', 'Next one.']);
  });
});
