// `counterpoint check` for CI: SARIF validated against the SARIF 2.1.0 schema, GitHub workflow commands that no
// note can forge, the exit codes of --fail-on and --max-warnings, and each command's own --help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DEFAULT_SEVERITIES } from '../../server/src/rules/registry';
import { REPO, runCli, runCliIn, tempFolder } from '../helpers/cli';
import { articleNote, joinLines } from '../helpers/workspace';

const SCHEMA = JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));

function validateSarif(log: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(SCHEMA);
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Two warnings (one claim each in two outlets of one perspective), one error (a claim without a key) and one information. */
function mixedFolder(): string {
  return tempFolder({
    'articles/a.md': articleNote({ outlet: 'Outlet A', perspective: 'western' }, '[Borders are inviolable]{claim=borders}'),
    'articles/b.md': articleNote({ outlet: 'Outlet B', perspective: 'western' }, '[Borders hold]{claim=borders}', '', '[No key]{by=x}'),
    'notes/working.md': joinLines('# Working note', '', '[A claim in a working note]{claim=borders}'),
  });
}

test('--format sarif is a SARIF 2.1.0 log valid against the schema, with a rule per code and located results', () => {
  const { code, stdout } = runCli('check', 'samples', '--format', 'sarif');
  assert.equal(code, 0);
  const log = JSON.parse(stdout);
  assert.deepEqual(validateSarif(log), []);
  const [run] = log.runs;
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), Object.keys(DEFAULT_SEVERITIES));
  const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'claim.no-counter-source');
  assert.equal(rule.defaultConfiguration.level, 'warning');
  assert.match(rule.helpUri, /docs\/format\.md#7-the-counter-source-rule$/);
  assert.ok(rule.help.text.length > 20);
  assert.equal(run.tool.driver.rules.find((r: { id: string }) => r.id === 'claim.outside-article').defaultConfiguration.level, 'note');

  const text = runCli('check', 'samples').stdout.trim().split('\n').slice(0, -1);
  assert.equal(run.results.length, text.length, 'the same diagnostics as the text format');
  const first = run.results[0];
  const location = first.locations[0].physicalLocation;
  assert.equal(`${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn} ${first.level === 'note' ? 'information' : first.level} ${first.ruleId} ${first.message.text}`, text[0]);
  assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.equal(run.tool.driver.rules[first.ruleIndex].id, first.ruleId);
});

test('the SARIF check fails the schema when a result is broken (the validation is real)', () => {
  const log = JSON.parse(runCli('check', 'samples', '--format', 'sarif').stdout);
  log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.notDeepEqual(validateSarif(log), []);
  delete log.runs[0].results[0].locations[0].physicalLocation.region.startLine;
  log.version = '2.0.0';
  assert.notDeepEqual(validateSarif(log), []);
});

test('--format github prints one workflow command per diagnostic, with its file, line, column and code', () => {
  const folder = mixedFolder();
  try {
    const { code, stdout } = runCliIn(folder, 'check', '.', '--format', 'github');
    assert.equal(code, 1, 'a claim without a key is an error');
    const lines = stdout.trim().split('\n');
    assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=Counterpoint [a-z]+\.[a-z-]+::\S/.test(line)), stdout);
    assert.ok(lines.some((line) => line.startsWith('::warning file=articles/a.md,line=8,') && line.includes('title=Counterpoint claim.no-counter-source::')), stdout);
    assert.ok(lines.some((line) => line.startsWith('::error file=articles/b.md,line=10,') && line.includes('claim.missing-key')), stdout);
    assert.ok(lines.some((line) => line.startsWith('::notice file=notes/working.md,')), stdout);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a note cannot forge a workflow command: CR, LF and % are encoded in messages, and : and , in properties', () => {
  const hostile = 'x\n::error file=README.md,line=1::forged\r\n::add-mask::y %0A';
  const folder = tempFolder({
    [`articles/odd, name::${'a'}.md`]: joinLines('---', 'title: A', 'outlet: Outlet A', `perspective: ${JSON.stringify(hostile)}`, '---', 'Text.'),
  });
  try {
    const { stdout } = runCliIn(folder, 'check', '.', '--format', 'github');
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, stdout);
    assert.match(lines[0], /^::warning file=articles\/odd%2C name%3A%3Aa\.md,line=4,/);
    assert.ok(lines[0].includes('x%0A::error file=README.md,line=1::forged%0D%0A::add-mask::y %250A'), lines[0]);
    assert.ok(!/[\r\n]/.test(lines[0]));
    // The text format keeps each diagnostic on its one line too (a CI log reads workflow commands from any output).
    const text = runCliIn(folder, 'check', '.').stdout.trim().split('\n');
    assert.equal(text.length, 2, text.join('\n'));
    assert.ok(text.every((line) => !line.startsWith('::')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('--fail-on and --max-warnings decide the exit code; a wrong value is a usage error (2)', () => {
  const folder = tempFolder({
    'articles/a.md': articleNote({ outlet: 'Outlet A', perspective: 'western' }, '[Borders are inviolable]{claim=borders}'),
    'articles/b.md': articleNote({ outlet: 'Outlet B', perspective: 'western' }, '[Borders hold]{claim=borders}'),
    'notes/working.md': joinLines('# Working note', '', '[A claim in a working note]{claim=borders}'),
  });
  try {
    const exit = (...args: string[]) => runCliIn(folder, 'check', '.', ...args).code;
    assert.equal(exit(), 0, 'warnings and information pass by default');
    assert.equal(exit('--fail-on', 'error'), 0);
    assert.equal(exit('--fail-on', 'warning'), 1);
    assert.equal(exit('--fail-on=information'), 1);
    assert.equal(exit('--max-warnings', '2'), 0);
    assert.equal(exit('--max-warnings', '1'), 1);
    assert.equal(exit('--max-warnings', '0', '--format', 'sarif'), 1);
    const failed = runCliIn(folder, 'check', '.', '--max-warnings', '1');
    assert.match(failed.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal(exit('--fail-on', 'hint'), 2);
    assert.equal(exit('--fail-on', 'warnings'), 2);
    assert.equal(exit('--max-warnings', '-1'), 2);
    assert.equal(exit('--max-warnings', 'ten'), 2);
    assert.equal(exit('--format', 'xml'), 2);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('check\'s summary says "hints", never "notices"', () => {
  const { stdout } = runCli('check', 'samples');
  assert.match(stdout.trim().split('\n').at(-1)!, /: 0 errors, \d+ warnings, \d+ information, \d+ hints not shown \(--hints shows them\)\.$/);
  assert.doesNotMatch(stdout + runCli('check', 'samples', '--hints').stdout + runCli('check', '--help').stdout, /notice/i);
});

test('each command has its own --help; the general --help lists every command', () => {
  const check = runCli('check', '--help');
  assert.equal(check.code, 0);
  assert.match(check.stdout, /^Usage:\n {2}counterpoint check /);
  assert.match(check.stdout, /--format sarif/);
  assert.match(check.stdout, /--max-warnings N/);
  assert.match(check.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  assert.doesNotMatch(check.stdout, /counterpoint report/);
  assert.equal(runCli('help', 'check').stdout, check.stdout);
  assert.match(runCli('init', '-h').stdout, /^Usage:\n {2}counterpoint init \[folder\]/);
  assert.match(runCli('report', '--help').stdout, /^Usage:\n {2}counterpoint report /);
  const general = runCli('--help').stdout;
  for (const name of ['init', 'check', 'report', 'export', 'import']) assert.match(general, new RegExp(`counterpoint ${name} `));
});
