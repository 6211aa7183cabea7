// config.ts: counterpoint.yaml, where anything invalid is reported and replaced by its default.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIG_FILE_NAME, DEFAULT_PERSPECTIVES, checkRule as checkRuleWith, defaultConfig, parseConfig as parseConfigWith, type WorkspaceConfig } from '../../server/src/model/config';
import { isDiagnosticCode } from '../../server/src/rules/registry';

/** The config as the hosts read it: the rule codes are the registry's. */
const parseConfig = (text: string, base?: WorkspaceConfig) => parseConfigWith(text, isDiagnosticCode, base);
const checkRule = (code: string, value: unknown) => checkRuleWith(code, value, isDiagnosticCode);
import { joinLines } from '../helpers/workspace';
import { DEFAULT_SEVERITIES } from '../../server/src/rules/registry';
import CONFIG_SCHEMA from '../../schemas/counterpoint.schema.json';
import { configValidatorSource } from '../../server/src/model/configValidatorSource';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const FOLDER_RULE = 'a folder inside the workspace or a list of them (`.` or names separated by `/`; no `..`, `./`, `/` or absolute path)';

describe('parseConfig', () => {
  test('a valid file sets every setting', () => {
    const { config, problems } = parseConfig(joinLines(
      'articles: [articles, ./press/, "archive/2022"]',
      'actors:',
      '  - people',
      'perspectives: [ukrainian, russian-state, central-asian]',
      'bareAliases: false',
      'rules:',
      '  claim.no-counter-source: error',
      '  claim.empty: "off"',
      '  actor.unknown: hint',
      '',
    ));
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      articleFolders: ['articles', 'press', 'archive/2022'],
      actorFolders: ['people'],
      perspectives: ['ukrainian', 'russian-state', 'central-asian'],
      bareAliases: false,
      rules: { 'claim.no-counter-source': 'error', 'claim.empty': 'off', 'actor.unknown': 'hint' },
    });
  });

  test('an empty file, or one with comments only, is the defaults', () => {
    for (const text of ['', '# nothing yet\n', '\n\n']) {
      const { config, problems } = parseConfig(text);
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.deepEqual(config, defaultConfig());
    }
  });

  test('a single folder written as a string is a list of one', () => {
    assert.deepEqual(parseConfig('articles: news\n').config.articleFolders, ['news']);
  });

  test('settings left out keep the base given', () => {
    const base = { ...defaultConfig(), perspectives: ['a', 'b'], rules: { 'claim.empty': 'off' as const } };
    const { config } = parseConfig('rules:\n  actor.unknown: error\n', base);
    assert.deepEqual(config.perspectives, ['a', 'b']);
    assert.deepEqual(config.rules, { 'claim.empty': 'off', 'actor.unknown': 'error' });
    assert.deepEqual(base.rules, { 'claim.empty': 'off' }, 'the base is not changed');
  });

  test('invalid YAML: one problem with the zero-based line, and the defaults', () => {
    const { config, problems } = parseConfig(joinLines('articles: [articles', 'rules:', '  claim.empty: off'));
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, new RegExp(`^${CONFIG_FILE_NAME.replace('.', '\\.')} is not valid YAML: .*; using the defaults\\.$`));
    assert.equal(problems[0].line, 1);
    assert.deepEqual(config, defaultConfig());

    const indented = parseConfig(joinLines('articles: [news]', 'actors: [people]', '  bad: indent'));
    assert.equal(indented.problems[0].line, 2);
  });

  test('a file that is not a mapping: a problem, and the defaults', () => {
    for (const text of ['- articles\n- actors\n', 'just words\n', '42\n']) {
      const { config, problems } = parseConfig(text);
      assert.deepEqual(problems, [{ message: `${CONFIG_FILE_NAME} must be a mapping of settings; using the defaults.`, line: 0 }], text);
      assert.deepEqual(config, defaultConfig());
    }
  });

  test('settings of the wrong type fall back to their defaults, each with a problem on its line', () => {
    const { config, problems } = parseConfig(joinLines(
      'articles: []',
      'actors: 42',
      'perspectives: [ukrainian, 7]',
      'bareAliases: "yes"',
      'rules: [claim.empty]',
    ));
    assert.deepEqual(config, defaultConfig());
    assert.deepEqual(problems, [
      { message: `\`articles\` must be ${FOLDER_RULE}; using the default (articles).`, line: 0 },
      { message: `\`actors\` must be ${FOLDER_RULE}; using the default (actors).`, line: 1 },
      { message: `\`perspectives\` must be a non-empty list of names, each once; using the default (${DEFAULT_PERSPECTIVES.join(', ')}).`, line: 2 },
      { message: '`bareAliases` must be true or false; using true.', line: 3 },
      { message: '`rules` must map diagnostic codes to error, warning, information, hint or off.', line: 4 },
    ]);
  });

  test('blank folder names are refused', () => {
    const { config, problems } = parseConfig('articles: [news, "  "]\n');
    assert.deepEqual(config.articleFolders, ['articles']);
    assert.equal(problems.length, 1);
  });

  test('unknown settings are reported and ignored', () => {
    const { config, problems } = parseConfig(joinLines('articles: [news]', 'outlets: [TASS]', 'bareAlias: false'));
    assert.deepEqual(config.articleFolders, ['news']);
    assert.equal(config.bareAliases, true);
    assert.deepEqual(problems, [
      { message: `Unknown setting \`outlets\` in ${CONFIG_FILE_NAME}; it is ignored.`, line: 1 },
      { message: `Unknown setting \`bareAlias\` in ${CONFIG_FILE_NAME}; it is ignored.`, line: 2 },
    ]);
  });

  test('unknown rule codes and unknown severities are reported; the valid rules still apply', () => {
    const { config, problems } = parseConfig(joinLines(
      'rules:',
      '  claim.no-counter-source: warning',
      '  claim.missing-source: error',
      '  claim.empty: fatal',
      '  actor.unknown: 2',
    ));
    assert.deepEqual(config.rules, { 'claim.no-counter-source': 'warning' });
    assert.deepEqual(problems, [
      { message: 'Unknown diagnostic code `claim.missing-source`; it is ignored.', line: 2 },
      { message: 'The severity of `claim.empty` must be one of error, warning, information, hint, off; keeping its default.', line: 3 },
      { message: 'The severity of `actor.unknown` must be one of error, warning, information, hint, off; keeping its default.', line: 4 },
    ]);
  });

  test('off unquoted is the string "off" (YAML 1.2), a valid severity; a boolean is not', () => {
    assert.deepEqual(parseConfig('rules:\n  claim.empty: off\n').config.rules, { 'claim.empty': 'off' });
    const { problems } = parseConfig('rules:\n  claim.empty: false\n');
    assert.equal(problems.length, 1);
  });

  test('CRLF files: problems still on the right line', () => {
    const { problems } = parseConfig('articles: [news]\r\nrules:\r\n  nope.code: error\r\n');
    assert.deepEqual(problems.map((p) => p.line), [2]);
  });

  test('prototype keys are not rule codes, and pollute nothing', () => {
    const { config, problems } = parseConfig('rules:\n  constructor: error\n  toString: hint\n  __proto__: {claim.empty: error}\n');
    assert.deepEqual(config.rules, {});
    assert.deepEqual(problems.map((p) => p.message), [
      'Unknown diagnostic code `constructor`; it is ignored.',
      'Unknown diagnostic code `toString`; it is ignored.',
      '`__proto__` is not a setting of counterpoint.yaml; it is ignored.',
    ]);
    assert.equal(({} as Record<string, unknown>)['claim.empty'], undefined);
  });
});

describe('checkRule', () => {
  test('accepts known codes with known severities only', () => {
    assert.equal(checkRule('claim.empty', 'hint'), undefined);
    assert.match(checkRule('claim.nope', 'hint')!, /Unknown diagnostic code/);
    assert.match(checkRule('claim.empty', 'loud')!, /must be one of/);
    assert.match(checkRule('toString', 'error')!, /Unknown diagnostic code/);
  });
});

describe('counterpoint.yaml against its schema', () => {
  test('the rule codes the schema accepts are exactly the diagnostic codes (run scripts/config-schema.mjs after changing them)', () => {
    assert.deepEqual(CONFIG_SCHEMA.properties.rules.propertyNames.enum, Object.keys(DEFAULT_SEVERITIES).sort());
    for (const code of Object.keys(DEFAULT_SEVERITIES)) assert.equal(checkRule(code, 'off'), undefined, code);
    assert.equal(checkRule('made.up', 'off'), 'Unknown diagnostic code `made.up`; it is ignored.');
  });

  test('the validator the server runs is compiled from the schema as it is now (run scripts/config-schema.mjs after changing it)', () => {
    const generated = readFileSync(path.join(__dirname, '../../../server/src/model/configValidator.generated.ts'), 'utf8');
    assert.equal(generated, configValidatorSource(CONFIG_SCHEMA));
  });

  test('folders outside the workspace, blank or the filesystem root are refused as problems, and the default stays', () => {
    for (const folders of ['["../esc/pwn", articles]', '"/etc"', '""', '"./"', '"/"', '[a/../../b]', '"C:/notes"', '[".."]', '"articles/.."', '"  "']) {
      const { config, problems } = parseConfig(`articles: ${folders}\nactors: ${folders}\n`);
      assert.deepEqual(config.articleFolders, ['articles'], folders);
      assert.deepEqual(config.actorFolders, ['actors'], folders);
      assert.deepEqual(problems.map((p) => p.line), [0, 1], folders);
      assert.match(problems[0].message, /^`articles` must be a folder inside the workspace/, folders);
    }
  });

  test('folders inside the workspace are taken, `./` and a trailing slash dropped', () => {
    const { config, problems } = parseConfig('articles: [./press/, notes/articles, .]\nactors: .hidden-actors\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.articleFolders, ['press', 'notes/articles', '.']);
    assert.deepEqual(config.actorFolders, ['.hidden-actors']);
  });

  test('a top-level `__proto__` is reported, and the settings under it are not applied', () => {
    const { config, problems } = parseConfig('__proto__:\n  rules:\n    claim.no-counter-source: "off"\n  articles: [../x]\narticles: [news]\n');
    assert.deepEqual(config.rules, {});
    assert.deepEqual(config.articleFolders, ['news']);
    assert.deepEqual(problems, [{ message: '`__proto__` is not a setting of counterpoint.yaml; it is ignored.', line: 0 }]);
  });

  test('16,000 unknown rule codes are read in under a second, each a problem on its own line', () => {
    const codes = Array.from({ length: 16_000 }, (_, i) => `  made.up-rule-${i}: error`);
    const text = ['rules:', '  claim.empty: "off"', ...codes, ''].join('\n');
    const started = performance.now();
    const { config, problems } = parseConfig(text);
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
    assert.equal(problems.length, 16_000);
    assert.equal(problems[15_999].line, 16_001);
    assert.deepEqual(config.rules, { 'claim.empty': 'off' });
  });
});
