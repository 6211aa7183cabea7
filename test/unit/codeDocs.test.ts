import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { provideDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
import { FORMAT_DOCS_URL } from '../../shared/src/projectLinks';
import { CODE_DOCS, codeDocsHref, firstSentence, rulesSettingProperties } from '../../server/src/rules/codeDocs';
import { DEFAULT_SEVERITIES, noteDiagnostics } from '../../server/src/rules/registry';
import { articleNote, uriOf, workspaceOf } from '../helpers/workspace';

const REPO = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** GitHub's anchor for a heading: lower case, punctuation other than `-` dropped, blanks to `-`. */
function githubAnchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

test('every code links to a heading of docs/format.md, on the repository package.json names', () => {
  const anchors = new Set(readFileSync(path.join(REPO, 'docs', 'format.md'), 'utf8').split('\n')
    .filter((line) => /^#{1,6} /.test(line)).map((line) => githubAnchor(line.replace(/^#+ /, ''))));
  for (const [code, docs] of Object.entries(CODE_DOCS)) assert.ok(anchors.has(docs.section), `${code}: #${docs.section} in ${[...anchors].join(', ')}`);
  assert.deepEqual(Object.keys(CODE_DOCS).sort(), Object.keys(DEFAULT_SEVERITIES).sort());
  const repository = String(manifest.repository.url).replace(/\.git$/, '');
  assert.equal(FORMAT_DOCS_URL, `${repository}/blob/main/docs/format.md`);
  assert.equal(codeDocsHref('claim.no-counter-source'), `${FORMAT_DOCS_URL}#7-the-counter-source-rule`);
});

test('the counterpoint.rules setting lists exactly the codes, each with its default (scripts/sync-manifest-rules.mjs writes them)', () => {
  const setting = manifest.contributes.configuration.properties['counterpoint.rules'];
  assert.deepEqual(setting.properties, rulesSettingProperties());
  assert.equal(setting.additionalProperties, false, 'an unknown code is flagged in settings.json');
  assert.match(setting.properties['claim.no-counter-source'].markdownDescription, /Default: `warning`/);
  assert.deepEqual(setting.properties['actor.candidate'].enum, ['error', 'warning', 'information', 'hint', 'off']);
});

test('firstSentence keeps the first sentence, not one cut inside a name, a quotation or code', () => {
  assert.equal(
    firstSentence('Only Channel 24 (ukrainian) carries claim `k`; no other outlet reports it. Annotate it in an article from another perspective.'),
    'Only Channel 24 (ukrainian) carries claim `k`; no other outlet reports it.',
  );
  assert.equal(firstSentence('The U.S. Embassy is no actor. Create it.'), 'The U.S. Embassy is no actor.');
  assert.equal(firstSentence('«Dr. Who. Ltd» looks like a name. Create it?'), '«Dr. Who. Ltd» looks like a name.');
  assert.equal(firstSentence('No actor is called `a. B`. Create its actor note.'), 'No actor is called `a. B`.');
  assert.equal(firstSentence('Create it? Or not.'), 'Create it?');
  assert.equal(firstSentence('One sentence only.'), 'One sentence only.');
  assert.equal(firstSentence('version 2. then more'), 'version 2. then more');
});

test('a problem in the editor is the message\'s first sentence, with its code linked to the docs', () => {
  const workspace = workspaceOf({
    'articles/a.md': articleNote({ outlet: 'Outlet A', perspective: 'western' }, '[Borders are inviolable]{claim=borders stance=asserts}'),
  });
  const uri = uriOf('articles/a.md');
  const [core] = noteDiagnostics(workspace, uri).filter((d) => d.code === 'claim.no-counter-source');
  assert.match(core.message, /\. Annotate it/, 'the rule still says what to do (the command line prints it)');
  const [lsp] = provideDiagnostics({ workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null }, uri)
    .filter((d) => d.code === 'claim.no-counter-source');
  assert.equal(lsp.message, core.message.slice(0, core.message.indexOf('. Annotate') + 1));
  assert.ok(lsp.message.length < 160, lsp.message);
  assert.equal(lsp.codeDescription?.href, codeDocsHref('claim.no-counter-source'));
});
