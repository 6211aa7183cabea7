// Notes written to the earlier docs still parse and mean the same: over a copy of the samples as they were before
// `qualifies`, `original-outlet` and the verdicts (test/fixtures/samples-round2), the same claims with the same keys,
// stances and claimants, and claim.no-counter-source on exactly the occurrences the earlier rule flagged (recorded from
// it in test/fixtures/samples-round2-old-rule.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadFolder } from '../../server/src/cli/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

const REPO = path.resolve(__dirname, '..', '..', '..');
const FOLDER = path.join(REPO, 'test', 'fixtures', 'samples-round2');

interface Recorded {
  claims: { path: string; line: number; key?: string; stance: string; by: string | null; valid: boolean }[];
  flagged: string[];
}

test('the round-2 samples: the same claims, keys, stances and claimants, and the same claim.no-counter-source occurrences', async () => {
  const recorded = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'samples-round2-old-rule.json'), 'utf8')) as Recorded;
  const { workspace } = await loadFolder(FOLDER);
  const articles = [...workspace.notes()].filter((note) => note.kind === 'article').sort((a, b) => (a.path < b.path ? -1 : 1));
  const claims: Recorded['claims'] = [];
  const flagged: string[] = [];
  for (const note of articles) {
    for (const claim of note.claims) {
      claims.push({ path: note.path, line: note.lines.positionAt(claim.span.start).line, key: claim.key, stance: claim.stance, by: claim.by ?? null, valid: claim.valid });
    }
    for (const diagnostic of noteDiagnostics(workspace, note.uri)) {
      if (diagnostic.code !== 'claim.no-counter-source') continue;
      const at = note.lines.positionAt(diagnostic.span.start);
      flagged.push(`${note.path}:${at.line}:${at.character}`);
    }
  }
  assert.equal(recorded.claims.length, 51);
  assert.deepEqual(claims, recorded.claims);
  assert.equal(recorded.flagged.length, 28);
  assert.deepEqual(flagged.sort(), [...recorded.flagged].sort());
});
