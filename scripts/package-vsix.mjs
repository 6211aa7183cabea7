#!/usr/bin/env node
// Builds the .vsix from a staging folder that holds only what the extension needs:
//   node scripts/package-vsix.mjs [--out file.vsix]      (after npm run build)
// package.json's `files` is the npm package's list, and vsce refuses a `files` list and a .vscodeignore together,
// so the .vsix gets its own list here (STAGED, below, is what a .vscodeignore would admit). The extension's page is
// docs/marketplace.md, not the developers' README.md: it becomes the .vsix's README, and every picture it shows by
// a relative link is copied beside it at the same relative path, so the page shows them from the package itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repoRoot, 'package.json'));

/** Files and folders copied as they are, relative to the repository. */
const STAGED = [
  'dist/extension.js',
  'dist/server.js',
  'syntaxes',
  'schemas/counterpoint.schema.json',
  'snippets',
  'media',
  'images/icon.png',
  'LICENSE',
  'CHANGELOG.md',
];
const MARKETPLACE_README = 'docs/marketplace.md';

/** Relative targets of markdown links and images, and of HTML src/href attributes, in a README. */
export function relativeTargets(markdown) {
  const targets = [];
  const patterns = [/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /\b(?:src|href)="([^"]+)"/g];
  for (const pattern of patterns) {
    for (const match of markdown.matchAll(pattern)) {
      const target = match[1].split('#')[0];
      if (target && !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/')) targets.push(decodeURI(target));
    }
  }
  return [...new Set(targets)];
}

function copyInto(stage, relative, from = relative) {
  const source = path.join(repoRoot, from);
  if (!fs.existsSync(source)) throw new Error(`${from} is missing (run npm run build first?)`);
  fs.cpSync(source, path.join(stage, relative), { recursive: true });
}

function stageExtension(stage) {
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  for (const entry of STAGED) copyInto(stage, entry);
  copyInto(stage, 'README.md', MARKETPLACE_README);
  const readmeDir = path.dirname(MARKETPLACE_README);
  for (const target of relativeTargets(fs.readFileSync(path.join(repoRoot, MARKETPLACE_README), 'utf8'))) {
    if (target.split('/').includes('..')) throw new Error(`${MARKETPLACE_README} links ${target}, outside its folder: the .vsix cannot hold it`);
    if (!fs.existsSync(path.join(stage, target))) copyInto(stage, target, path.join(readmeDir, target));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  // The npm package's file list and scripts mean nothing inside the .vsix (and `files` would override the staging).
  delete manifest.files;
  delete manifest.scripts;
  delete manifest.devDependencies;
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(stage, '.vscodeignore'), '.vscodeignore\n');
}

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(repoRoot, 'counterpoint.vsix'));
  const stage = path.join(repoRoot, 'out', 'vsix-stage');
  stageExtension(stage);
  const vsce = require.resolve('@vscode/vsce/vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out], { cwd: stage, stdio: 'inherit' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
