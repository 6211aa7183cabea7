import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, runCli, tempFolder } from '../helpers/cli';
import { joinLines } from '../helpers/workspace';

const SAMPLES = path.join(REPO, 'samples');
const run = runCli;

function noteCount(folder: string): number {
  return readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
}

test('check prints each diagnostic as path:line:col severity code message and exits 0 on warnings only', () => {
  const { code, stdout } = run('check', 'samples');
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  const diagnostics = lines.slice(0, -1);
  assert.ok(diagnostics.length > 0);
  for (const line of diagnostics) assert.match(line, /^samples\/\S+\.md:\d+:\d+ (error|warning|information|hint) [a-z]+\.[a-z-]+ \S.*$/);
  assert.match(lines.at(-1)!, /^\d+ notes \(\d+ actors, \d+ claim keys\): 0 errors, \d+ warnings/);
});

test('check flags the samples\' single-perspective claims and not the SPIEF statement every side reports', () => {
  const { stdout } = run('check', 'samples');
  assert.match(stdout, /claim\.no-counter-source Only World Today News \(ukrainian\) carries claim `russia-wants-northern-kazakhstan`/);
  assert.match(stdout, /claim\.no-counter-source Claim `tokayev-first-visit-russia` is carried only by Channel 24, Insight News Media \(ukrainian\)/);
  assert.doesNotMatch(stdout, /`no-recognition-dpr-lpr`/);
});

test('check --format json gives the same diagnostics as data, with a summary', () => {
  const text = run('check', 'samples').stdout;
  const { code, stdout } = run('check', 'samples', '--format', 'json');
  assert.equal(code, 0);
  const result = JSON.parse(stdout) as { summary: { notes: number; errors: number; warnings: number }; diagnostics: { path: string; line: number; column: number; code: string }[] };
  assert.equal(result.summary.notes, noteCount(SAMPLES));
  assert.equal(result.summary.errors, 0);
  assert.equal(result.diagnostics.length, text.trim().split('\n').length - 1);
  assert.ok(result.diagnostics.every((d) => d.line >= 1 && d.column >= 1 && d.path.startsWith('samples/')));
});

test('check exits 1 when a note has an error, and names the line of the YAML error', () => {
  const root = tempFolder({
    'articles/bad.md': joinLines('---', 'title: Broken', 'outlet: [unclosed', 'perspective: western', '---', 'Body.'),
  });
  try {
    const { code, stdout } = run('check', root);
    assert.equal(code, 1);
    assert.match(stdout, /bad\.md:\d+:\d+ error frontmatter\.yaml The frontmatter is not valid YAML \(line \d+\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('check and report work on an empty folder', () => {
  const root = tempFolder();
  try {
    const check = run('check', root);
    assert.equal(check.code, 0);
    assert.match(check.stdout, /^0 notes \(0 actors, 0 claim keys\): 0 errors, 0 warnings, 0 information, 0 hints\.$/m);
    const report = run('report', root);
    assert.equal(report.code, 0);
    assert.match(report.stdout, /^No claims in this workspace yet\.\nAnnotate a claim in an article as \[the claimed words\]\{claim=key by=actor stance=asserts\}/);
    assert.match(report.stdout, /How: https:\/\/\S+\/docs\/format\.md#6-claims\n$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('report prints the claim matrix grouped by perspective, marking claims without a counter-source', () => {
  const { code, stdout } = run('report', 'samples');
  assert.equal(code, 0);
  const [groups, header] = stdout.split('\n');
  assert.match(groups, /ukrainian.*\|.*other/);
  for (const outlet of ['Channel 24', 'World Today News', 'Insight News Media', 'Center for Countering Disinformation']) assert.ok(header.includes(outlet), outlet);
  const spief = stdout.split('\n').find((line) => line.includes('no-recognition-dpr-lpr'))!;
  assert.match(spief, /^ {2}no-recognition-dpr-lpr/);
  assert.equal(spief.split('|').filter((cell) => /reports|asserts/.test(cell)).length, 4);
  assert.match(stdout, /^! russia-wants-northern-kazakhstan/m);
  assert.match(stdout, /\d+ claims, \d+ outlets in \d+ perspectives; \d+ marked ! lack a counter-source\.\n$/);
});

test('report --format json and markdown', () => {
  const json = JSON.parse(run('report', 'samples', '--format=json').stdout) as { rows: { key: string; hasCounterSource: boolean }[] };
  assert.equal(json.rows.find((r) => r.key === 'no-recognition-dpr-lpr')?.hasCounterSource, true);
  assert.equal(json.rows.find((r) => r.key === 'russia-wants-northern-kazakhstan')?.hasCounterSource, false);
  const markdown = run('report', 'samples', '--format', 'markdown').stdout;
  assert.match(markdown, /^# Claim matrix/);
  assert.match(markdown, /\| ⚠ `russia-wants-northern-kazakhstan` \|/);
});

test('usage errors exit 2 with a message', () => {
  assert.equal(run().code, 2);
  assert.match(run('frobnicate').stderr, /Unknown command frobnicate/);
  assert.match(run('check', 'samples', '--format', 'xml').stderr, /--format must be one of text, json/);
  const missing = run('check', 'no-such-folder');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-folder is not a folder/);
  assert.equal(run('--help').code, 0);
});
