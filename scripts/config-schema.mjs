// Writes the diagnostic codes into schemas/counterpoint.schema.json (the rules a counterpoint.yaml may set).
// Run after `npm run build` whenever a diagnostic code is added or removed; test/unit/configSchema.test.ts checks
// that the schema and the codes agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SCHEMA = new URL('../schemas/counterpoint.schema.json', import.meta.url);
const { DEFAULT_SEVERITIES } = require('../out/server/src/rules/registry.js');

const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
schema.properties.rules.propertyNames.enum = Object.keys(DEFAULT_SEVERITIES).sort();
writeFileSync(SCHEMA, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`schemas/counterpoint.schema.json: ${schema.properties.rules.propertyNames.enum.length} rule codes\n`);
