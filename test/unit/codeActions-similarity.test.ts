import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TermStatistics, stem, termsOf, wordTerms } from '../../server/src/analysis/similarity';
import { actorSlug } from '../../server/src/features/codeActions/createActor';

test('stemming folds the inflections and spellings news text mixes', () => {
  const same = (words: string[]) => assert.equal(new Set(words.map(stem)).size, 1, `${words.join(', ')} -> ${words.map(stem).join(', ')}`);
  same(['recognise', 'recognises', 'recognised', 'recognising', 'recognize', 'recognizes', 'recognized']);
  same(['ally', 'allies', 'allied']);
  same(['border', 'borders']);
  same(['sanction', 'sanctions']);
  same(['nation', 'nations']);
  // Short words and words that only look inflected are left alone.
  assert.equal(stem('news'), 'new');
  assert.equal(stem('status'), 'status');
  assert.equal(stem('us'), 'us');
  assert.equal(stem('мир'), 'мир');
});

test('terms drop stop words and reporting verbs, fold case and diacritics, and let replacements stand for their span', () => {
  assert.deepEqual(wordTerms('Kazakhstán does NOT recognise the republics, he said.'), ['kazakhstan', 'recognis', 'republic']);
  const text = 'Tokaev met Putin in Astana.';
  assert.deepEqual(termsOf(text, { start: 0, end: text.length }, [
    { span: { start: 0, end: 6 }, terms: ['@tokayev'] },
    { span: { start: 11, end: 16 }, terms: ['@putin'] },
  ]), ['@tokayev', 'met', '@putin', 'astana']);
  // Skipped markup contributes nothing.
  const claim = '[Talks failed]{claim=talks-failed stance=reports}';
  assert.deepEqual(termsOf(claim, { start: 0, end: claim.length }, [], [{ start: 13, end: claim.length }]), ['talk', 'fail']);
});

test('TF-IDF cosine: the sentence sharing the rare, specific terms ranks above one sharing only the common ones', () => {
  const sentences = [
    ['@kazakhstan', 'remain', 'ally', '@russia'],
    ['@kazakhstan', 'recognis', 'donba', 'republic', '@tokayev'],
    ['@kazakhstan', 'weather', 'warm'],
    ['@kazakhstan', 'trade', 'grew'],
  ];
  const statistics = new TermStatistics();
  for (const sentence of sentences) statistics.add(sentence);
  const query = statistics.vector(['@kazakhstan', 'recognis', '@dpr', '@tokayev']);
  const scores = sentences.map((sentence) => statistics.similarity(query, sentence));
  assert.deepEqual(scores.map((s) => s.shared), [1, 3, 1, 1]);
  const best = scores.indexOf(scores.reduce((a, b) => (b.score > a.score ? b : a)));
  assert.equal(best, 1);
  // A term every sentence has weighs almost nothing.
  assert.ok(statistics.idf('@kazakhstan') < statistics.idf('recognis') / 4);
  for (const { score } of scores) assert.ok(score >= 0 && score <= 1);
});

test('actor slugs are lowercase ASCII with dashes', () => {
  assert.equal(actorSlug('Kassym-Jomart Tokayev'), 'kassym-jomart-tokayev');
  assert.equal(actorSlug('Ömer Çelik'), 'omer-celik');
  assert.equal(actorSlug("Donetsk People's Republic"), 'donetsk-peoples-republic');
  assert.equal(actorSlug('Łukasz Straße'), 'lukasz-strasse');
  assert.equal(actorSlug('  --Channel 24!! '), 'channel-24');
  // No Latin letters at all: the name's own letters, not an empty file name.
  assert.equal(actorSlug('Токаев'), 'токаев');
});
