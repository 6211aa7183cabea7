// counterpoint export --claimreview, run as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, SEEDS, runCli, tempFolder } from '../helpers/cli';
import type { ClaimReviewJsonLd } from '../../server/src/render/claimReview';
import { joinLines } from '../helpers/workspace';

const SAMPLES = path.join(REPO, 'samples');
const run = runCli;

function exported(...args: string[]): ClaimReviewJsonLd[] {
  const { code, stdout, stderr } = run('export', ...args, '--claimreview');
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as ClaimReviewJsonLd[];
}

/** Raw article texts without frontmatter or annotations: the seed texts the samples were annotated from. */
function rawTexts(): Record<string, string> {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  return Object.fromEntries(seeds.map((f) => [`articles/${f.replace(/\.txt$/, '.md')}`, readFileSync(path.join(SEEDS, f), 'utf8')]));
}

test('on the samples: one ClaimReview per claim key, as many as the claim matrix has rows, in key order', () => {
  const reviews = exported('samples');
  const rows = (JSON.parse(run('report', 'samples', '--format', 'json').stdout) as { rows: { key: string }[] }).rows;
  assert.ok(rows.length > 0);
  assert.equal(reviews.length, rows.length);
  const keys = reviews.map((r) => r.itemReviewed.identifier.value);
  assert.deepEqual(keys, rows.map((r) => r.key).sort());
  assert.deepEqual(keys, [...keys].sort());
  for (const review of reviews) {
    assert.equal(review['@context'], 'https://schema.org');
    assert.equal(review['@type'], 'ClaimReview');
    assert.equal(review.itemReviewed['@type'], 'Claim');
    assert.equal(review.reviewRating.alternateName, '');
  }
});

test('on the samples: the SPIEF claim appears in four articles, by four publishers, claimed by Tokayev', () => {
  const spief = exported('samples').find((r) => r.itemReviewed.identifier.value === 'no-recognition-dpr-lpr');
  assert.ok(spief);
  const { appearance, author, firstAppearance } = spief.itemReviewed;
  assert.equal(appearance.length, 4);
  assert.deepEqual(appearance.map((w) => w.publisher?.name).sort(),
    ['Center for Countering Disinformation', 'Central Media Office of Hizb ut Tahrir', 'Channel 24', 'World Today News']);
  assert.deepEqual(author, { '@type': 'Person', name: 'Kassym-Jomart Tokayev' });
  assert.equal(firstAppearance?.publisher?.name, 'Center for Countering Disinformation');
  assert.equal(firstAppearance?.datePublished, '2022-06-20');
  assert.match(firstAppearance?.url ?? '', /^https:\/\/cpd\.gov\.ua\//);
  assert.equal(spief.claimReviewed, 'Kazakhstan does not recognize the independence of the so-called DPR and LPR');
});

test('on the samples: an article that disputes a claim is cited, not listed as an appearance', () => {
  const distancing = exported('samples').find((r) => r.itemReviewed.identifier.value === 'kazakhstan-distancing-from-russia');
  assert.ok(distancing);
  assert.ok(!distancing.itemReviewed.appearance.some((w) => w.publisher?.name === 'Central Media Office of Hizb ut Tahrir'));
  assert.deepEqual(distancing.citation?.map((w) => w.publisher?.name), ['Central Media Office of Hizb ut Tahrir']);
});

test('--out writes the same JSON-LD to a file, and --date dates the reviews', () => {
  const root = tempFolder();
  try {
    const out = path.join(root, 'claimreview.jsonld');
    const { code, stdout, stderr } = run('export', 'samples', '--claimreview', '--out', out);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /Wrote \d+ ClaimReview drafts to .*claimreview\.jsonld/);
    assert.equal(readFileSync(out, 'utf8'), run('export', 'samples', '--claimreview').stdout);
    const dated = exported('samples', '--date=2024-05-31');
    assert.ok(dated.every((r) => r.datePublished === '2024-05-31'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the output is the same from run to run', () => {
  assert.equal(run('export', 'samples', '--claimreview').stdout, run('export', 'samples', '--claimreview').stdout);
});

test('on a folder of raw texts: an empty array, and a note on stderr saying how to get claims', () => {
  const files = rawTexts();
  assert.ok(Object.keys(files).length > 0);
  const root = tempFolder(files);
  try {
    const { code, stdout, stderr } = run('export', root, '--claimreview');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), []);
    assert.match(stderr, /no claims: annotate claims with \[text\]\{claim=…\} or run counterpoint import first/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('note text cannot break out of a <script> element, and only http(s) URLs are exported', () => {
  const root = tempFolder({
    'articles/evil.md': joinLines('---', 'title: "</script><script>alert(1)</script>"', 'outlet: Evil', 'url: "javascript:alert(1)"', 'perspective: other', '---',
      '[</script><img src=x onerror=alert(1)> & more]{claim=evil}'),
  });
  try {
    const { code, stdout } = run('export', root, '--claimreview');
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /[<>&]/);
    assert.doesNotMatch(stdout, /javascript:/);
    const [review] = JSON.parse(stdout) as ClaimReviewJsonLd[];
    assert.equal(review.claimReviewed, '</script><img src=x onerror=alert(1)> & more');
    assert.deepEqual(review.itemReviewed.appearance[0], { '@type': 'CreativeWork', name: '</script><script>alert(1)</script>', publisher: { '@type': 'Organization', name: 'Evil' } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('usage errors exit 2: no format, a bad date, another --format', () => {
  const noFormat = run('export', 'samples');
  assert.equal(noFormat.code, 2);
  assert.match(noFormat.stderr, /export needs a format: --claimreview \(schema\.org ClaimReview JSON-LD\)/);
  assert.equal(noFormat.stdout, '');
  const badDate = run('export', 'samples', '--claimreview', '--date', 'yesterday');
  assert.equal(badDate.code, 2);
  assert.match(badDate.stderr, /--date must be an ISO 8601 date/);
  assert.equal(run('export', 'samples', '--claimreview', '--format', 'text').code, 2);
  assert.equal(run('export', 'samples', '--claimreview=yes').code, 2);
  assert.match(run('--help').stdout, /counterpoint export \[folder\] --claimreview \[--out file\]/);
});
