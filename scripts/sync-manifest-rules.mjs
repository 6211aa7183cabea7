#!/usr/bin/env node
// Writes the diagnostic codes into package.json's `counterpoint.rules` setting (after `npm run build`), so that the
// settings editor lists every code it accepts. test/unit/codeDocs.test.ts fails when the manifest is out of step.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { rulesSettingProperties } = require(path.join(repoRoot, 'out', 'server', 'src', 'rules', 'codeDocs.js'));

const manifestPath = path.join(repoRoot, 'package.json');
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const rules = manifest.contributes.configuration.properties['counterpoint.rules'];
rules.properties = rulesSettingProperties();
rules.additionalProperties = false;
fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`counterpoint.rules lists ${Object.keys(rules.properties).length} codes`);
