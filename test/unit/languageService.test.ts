// The language service: every method takes a cancellation token, and the long ones (rename across notes, the claim
// matrix) stop inside their loops when it is cancelled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cancellation } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
import { createLanguageService } from '../../server/src/languageService';
import { actorNote, articleNote, uriOf, workspaceOf } from '../helpers/workspace';

const NOTES = 40;

function service() {
  const files: Record<string, string> = { 'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev'] }) };
  for (let i = 0; i < NOTES; i++) {
    files[`articles/a${i}.md`] = articleNote({ outlet: `Outlet ${i}`, perspective: i % 2 ? 'western' : 'ukrainian' }, `[[tokayev]] said [it]{claim=key-${i} by=tokayev}.`);
  }
  const workspace = workspaceOf(files);
  return createLanguageService({ workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null });
}

/** A token that is cancelled once it has been looked at `reads` times: the request is cancelled midway. */
function cancelledAfter(reads: number): Cancellation & { reads: number } {
  const token = { reads: 0, get isCancellationRequested() { return ++token.reads > reads; } };
  return token;
}

test('the claim matrix stops at the key it is at when cancelled', () => {
  const all = service().claimMatrix();
  assert.equal(all.rows.length, NOTES);
  assert.deepEqual(service().claimMatrix({ isCancellationRequested: true }).rows, []);
  const partial = service().claimMatrix(cancelledAfter(5)).rows.length;
  assert.ok(partial > 0 && partial < NOTES, `${partial} rows`);
});

test('a rename across notes stops when cancelled, and says so instead of returning half of the edits', () => {
  const note = service().context.workspace.getNote(uriOf('articles/a0.md'))!;
  const position = note.lines.positionAt(note.text.indexOf('tokayev]]') + 1);
  const whole = service().rename(uriOf('articles/a0.md'), position, 'tokaev');
  assert.ok(!('error' in whole), JSON.stringify(whole));
  assert.equal(whole.documentChanges?.length, NOTES + 1);
  const token = cancelledAfter(3);
  assert.deepEqual(service().rename(uriOf('articles/a0.md'), position, 'tokaev', token), { error: 'The rename was cancelled.' });
  assert.ok(token.reads < NOTES, `stopped after ${token.reads} looks at the token`);
});
