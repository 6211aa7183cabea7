// What the extension's manifest promises VS Code: Restricted Mode support, and the schema of counterpoint.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

test('the manifest declares Restricted Mode support: nothing from a workspace runs, so nothing waits for trust', () => {
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, true);
  assert.equal(untrusted?.restrictedConfigurations, undefined, 'no setting waits for trust');
  assert.match(untrusted.description, /Restricted Mode/);
});

test('counterpoint.yaml gets the schema the server validates it with, through yamlValidation', () => {
  const contributed = manifest.contributes.yamlValidation as { fileMatch: string; url: string }[];
  assert.deepEqual(contributed.map((c) => c.fileMatch), ['counterpoint.yaml']);
  const schemaFile = path.join(REPO, contributed[0].url);
  assert.ok(existsSync(schemaFile), schemaFile);
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  assert.deepEqual(Object.keys(schema.properties).sort(), ['actors', 'articles', 'bareAliases', 'perspectives', 'rules']);
  // test/cli/package.test.ts checks that the .vsix holds it.
});

test('the version the server and the CLI report is the manifest\'s', async () => {
  const { COUNTERPOINT_VERSION } = await import('../../shared/src/version');
  assert.equal(COUNTERPOINT_VERSION, manifest.version);
});
