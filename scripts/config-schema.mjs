// Keeps the config schema's derived files in step:
//  - writes the diagnostic codes into schemas/counterpoint.schema.json (the rules a counterpoint.yaml may set);
//  - compiles the schema into server/src/model/configValidator.generated.ts with Ajv's standalone code, so that
//    neither the server nor the CLI loads Ajv or compiles the schema when it starts.
// Run `npm run build && node scripts/config-schema.mjs && npm run build` whenever a diagnostic code or the schema
// changes; test/unit/config.test.ts fails while either file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SCHEMA = new URL('../schemas/counterpoint.schema.json', import.meta.url);
const VALIDATOR = new URL('../server/src/model/configValidator.generated.ts', import.meta.url);
const { DEFAULT_SEVERITIES } = require('../out/server/src/rules/registry.js');
const { configValidatorSource } = require('../out/server/src/model/configValidatorSource.js');

const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
schema.properties.rules.propertyNames.enum = Object.keys(DEFAULT_SEVERITIES).sort();
writeFileSync(SCHEMA, `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(VALIDATOR, configValidatorSource(schema));
process.stdout.write(`${fileURLToPath(SCHEMA)}: ${schema.properties.rules.propertyNames.enum.length} rule codes; ${fileURLToPath(VALIDATOR)} compiled from it\n`);
