// Actor slugs for new actor notes (the former TF-IDF similarity is replaced by the counter-source finder, tested in counterSourceFinder.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorSlug } from '../../server/src/features/codeActions/createActor';

test('actor slugs are lowercase ASCII with dashes', () => {
  assert.equal(actorSlug('Kassym-Jomart Tokayev'), 'kassym-jomart-tokayev');
  assert.equal(actorSlug('Ömer Çelik'), 'omer-celik');
  assert.equal(actorSlug("Donetsk People's Republic"), 'donetsk-peoples-republic');
  assert.equal(actorSlug('Łukasz Straße'), 'lukasz-strasse');
  assert.equal(actorSlug('  --Channel 24!! '), 'channel-24');
  // No Latin letters at all: the name's own letters, not an empty file name.
  assert.equal(actorSlug('Токаев'), 'токаев');
});
