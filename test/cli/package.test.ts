// The .vsix as `npm run package` builds it (scripts/package-vsix.mjs, after the build): what it holds, and that its
// page (the README the Marketplace, Open VSX and VS Code's extension view show) is the users' page with every
// picture and relative link inside the package.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readZip } from '../helpers/zip';

const REPO = path.resolve(__dirname, '../../..');

let out = '';
let entries = new Map<string, Buffer>();

before(() => {
  out = mkdtempSync(path.join(tmpdir(), 'counterpoint-vsix-'));
  const vsix = path.join(out, 'counterpoint.vsix');
  const packaged = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'package-vsix.mjs'), '--out', vsix], { cwd: REPO, encoding: 'utf8' });
  assert.equal(packaged.status, 0, packaged.stderr + packaged.stdout);
  entries = readZip(vsix);
});

after(() => rmSync(out, { recursive: true, force: true }));

const text = (name: string): string => {
  const entry = entries.get(`extension/${name}`);
  assert.ok(entry, `extension/${name} in ${[...entries.keys()].join(', ')}`);
  return entry.toString('utf8');
};

/** Targets of markdown links and images and of HTML src/href attributes, without their #fragment. */
function linkTargets(markdown: string): { target: string; image: boolean }[] {
  const found: { target: string; image: boolean }[] = [];
  for (const match of markdown.matchAll(/(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g)) found.push({ target: match[2], image: match[1] === '!' });
  for (const match of markdown.matchAll(/<(img|a)\b[^>]*\b(?:src|href)="([^"]+)"/g)) found.push({ target: match[2], image: match[1] === 'img' });
  return found.map(({ target, image }) => ({ target: target.split('#')[0], image })).filter(({ target }) => target !== '');
}

const isRelative = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/');

test('the .vsix holds the bundles, the grammar, the snippets and the walkthrough, and no sources', () => {
  const names = [...entries.keys()];
  for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'syntaxes/counterpoint.injection.tmLanguage.json', 'schemas/counterpoint.schema.json', 'images/icon.png', 'LICENSE.txt', 'changelog.md', 'readme.md']) {
    assert.ok(entries.has(`extension/${file}`), `${file} in ${names.join(', ')}`);
  }
  assert.deepEqual(names.filter((name) => /^extension\/(server|client|test|samples|bench|node_modules|out)\/|\.(ts|map)$/.test(name)), []);
  const manifest = JSON.parse(text('package.json'));
  for (const snippets of manifest.contributes.snippets) text(path.posix.normalize(snippets.path));
  const media = manifest.contributes.walkthroughs.flatMap((walkthrough: { steps: { media: Record<string, string> }[] }) =>
    walkthrough.steps.flatMap((step) => Object.values(step.media).filter((value) => /\.(md|png|svg)$/.test(value))));
  assert.ok(media.length > 0);
  for (const file of media) text(path.posix.normalize(file));
});

test('the .vsix README is the users\' page: the tour\'s pictures are packaged and no relative link is dead', () => {
  const readme = text('readme.md');
  assert.match(readme, /^# Counterpoint/);
  assert.doesNotMatch(readme, /npm test|benchmark|test suite/i, 'not the developers\' README');
  assert.match(readme, /## Settings/);
  assert.match(readme, /counterpoint\.rules/);
  const links = linkTargets(readme);
  const images = links.filter((link) => link.image);
  assert.ok(images.length >= 3, `a tour with screenshots: ${JSON.stringify(images)}`);
  for (const { target } of images) assert.ok(isRelative(target), `${target}: packaged, not fetched from the web`);
  for (const { target } of links.filter((link) => isRelative(link.target))) {
    assert.ok(entries.has(`extension/${path.posix.normalize(decodeURI(target))}`), `${target} is in the .vsix`);
  }
  for (const { target } of images) assert.ok(entries.get(`extension/${decodeURI(target)}`)!.subarray(1, 4).toString('latin1') === 'PNG', `${target} is a PNG`);
});

test('the changelog is the project\'s and the manifest names its repository', () => {
  assert.match(text('changelog.md'), /^# Changelog/);
  const manifest = JSON.parse(text('package.json'));
  assert.match(manifest.repository.url, /^https:\/\/github\.com\//);
  assert.equal(manifest.files, undefined, 'the npm package\'s list is not the .vsix\'s');
});
