import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokayevWorkspace, uriOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

test('the shared test workspace flags the claims only Ukrainian outlets carry', () => {
  const workspace = tokayevWorkspace();
  const codes = noteDiagnostics(workspace, uriOf('articles/channel24.md')).map((d) => d.code);
  assert.deepEqual(codes.filter((c) => c === 'claim.no-counter-source').length, 2);
});
