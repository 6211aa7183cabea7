// The rule registry: every code declared once, the docs' table derived from it, payloads read back as declared.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CODES_WAITING_FOR_INDEX,
  DEFAULT_SEVERITIES,
  RULES,
  RULE_DEPENDENCIES,
  isDiagnosticCode,
  payloadOf,
  ruleOf,
  type DiagnosticCode,
  type PayloadOfCode,
} from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/rule';

const REPO = path.resolve(__dirname, '../../..');

/** The rows of the table of codes in docs/format.md, section 10: [code, default severity], in order. */
function documentedCodes(): [string, string][] {
  const text = readFileSync(path.join(REPO, 'docs/format.md'), 'utf8');
  const section = text.slice(text.indexOf('## 10. Diagnostics'), text.indexOf('## 11.'));
  const rows: [string, string][] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const code = /^`([a-z]+\.[a-z-]+)`$/.exec(cells[1] ?? '')?.[1];
    if (code) rows.push([code, cells[2]]);
  }
  return rows;
}

// Compile-time checks of the derived types: a payload is typed by its code, an unknown code is no code.
const unknownPayload: PayloadOfCode<'actor.unknown'> = { name: 'Tokaiev' };
const counterPayload: PayloadOfCode<'claim.no-counter-source'> = { key: 'k' };
// @ts-expect-error: not a code
const notACode: DiagnosticCode = 'claim.nope';
// @ts-expect-error: `name` is required
const missingName: PayloadOfCode<'actor.unknown'> = {};
void [unknownPayload, counterPayload, notACode, missingName];

describe('the rule registry', () => {
  test('every code is declared by exactly one rule', () => {
    const all = (RULES as readonly Rule[]).flatMap((rule) => Object.keys(rule.codes));
    assert.equal(new Set(all).size, all.length);
    assert.deepEqual(Object.keys(DEFAULT_SEVERITIES), all);
    for (const code of all) assert.ok(isDiagnosticCode(code) && Object.keys(ruleOf(code).codes).includes(code), code);
    assert.equal(isDiagnosticCode('toString'), false);
    assert.equal(isDiagnosticCode('__proto__'), false);
  });

  test('the table of codes in docs/format.md lists the registry\'s codes, defaults and order', () => {
    assert.deepEqual(documentedCodes(), Object.entries(DEFAULT_SEVERITIES));
  });

  test('a rule that reads other notes declares what it reads; a rule of one note declares nothing', () => {
    for (const rule of RULES as readonly Rule[]) {
      if (rule.scope === 'note' || rule.scope === 'config') assert.deepEqual(rule.dependencies, [], rule.name);
      else assert.ok(rule.dependencies.length > 0, `${rule.name} reads other notes but declares no dependency`);
      assert.equal(rule.check !== undefined, rule.producedBy === 'check', rule.name);
    }
    for (const dependency of RULE_DEPENDENCIES) assert.equal(RULE_DEPENDENCIES.filter((d) => d === dependency).length, 1, dependency.join);
  });

  test('the codes that wait for indexing are those of rules that read notes of any kind', () => {
    for (const code of ['actor.unknown', 'claim.no-counter-source'] as const) assert.ok(CODES_WAITING_FOR_INDEX.has(code), code);
    for (const code of ['claim.empty', 'actor.duplicate-id', 'alias.near-match', 'actor.candidate', 'config.invalid'] as const) assert.ok(!CODES_WAITING_FOR_INDEX.has(code), code);
    for (const code of Object.keys(DEFAULT_SEVERITIES) as DiagnosticCode[]) assert.equal(CODES_WAITING_FOR_INDEX.has(code), ruleOf(code).scope === 'workspace', code);
  });

  test('payloads come back typed when they hold what the code declares, and not otherwise', () => {
    assert.deepEqual(payloadOf('actor.unknown', { name: 'Tokaiev', extra: 1 }), { name: 'Tokaiev' });
    assert.equal(payloadOf('actor.unknown', { name: 42 }), undefined);
    assert.equal(payloadOf('actor.unknown', { name: '' }), undefined);
    assert.equal(payloadOf('actor.unknown', ['Tokaiev']), undefined);
    assert.equal(payloadOf('actor.unknown', null), undefined);
    assert.equal(payloadOf('actor.unknown', Object.create({ name: 'inherited' })), undefined);
    assert.deepEqual(payloadOf('claim.no-counter-source', { key: 'k', outlet: 7, perspective: 'western' }), { key: 'k', perspective: 'western' });
    assert.deepEqual(payloadOf('actor.duplicate-alias', { alias: 'DNR', actors: ['dpr', 'lpr'] }), { alias: 'DNR', actors: ['dpr', 'lpr'] });
    assert.equal(payloadOf('actor.duplicate-alias', { alias: 'DNR', actors: ['dpr', 3] }), undefined);
    assert.deepEqual(payloadOf('claim.empty', undefined), {});
    assert.deepEqual(payloadOf('claim.empty', {}), {});
  });
});
