// claimReview.ts: the mapping of a workspace's claims to schema.org ClaimReview drafts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CLAIM_KEY_PROPERTY,
  buildClaimReviews,
  httpUrl,
  serializeJsonLd,
  type ClaimReviewJsonLd,
  type WorkJsonLd,
} from '../../server/src/render/claimReview';
import { joinLines, workspaceOf } from '../helpers/workspace';

function actor(fields: { name: string; kind?: string; wikidata?: string }): string {
  return joinLines(
    '---',
    `name: ${fields.name}`,
    ...(fields.kind ? [`kind: ${fields.kind}`] : []),
    ...(fields.wikidata ? [`wikidata: ${fields.wikidata}`] : []),
    '---',
  );
}

/** An article; `date` and `url` are left out when not given. */
function article(fields: { title: string; outlet: string; perspective: string; date?: string; url?: string }, ...body: string[]): string {
  return joinLines(
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `outlet: ${fields.outlet}`,
    ...(fields.url ? [`url: ${JSON.stringify(fields.url)}`] : []),
    ...(fields.date ? [`date: ${fields.date}`] : []),
    `perspective: ${fields.perspective}`,
    'language: en',
    '---',
    ...body,
  );
}

const FILES: Record<string, string> = {
  'actors/tokayev.md': actor({ name: 'Kassym-Jomart Tokayev', kind: 'person', wikidata: 'Q123456' }),
  'actors/kazakhstan-mfa.md': actor({ name: 'Ministry of Foreign Affairs of Kazakhstan', kind: 'organization' }),
  'actors/kazakhstan.md': actor({ name: 'Kazakhstan', kind: 'state', wikidata: 'Q232' }),
  'actors/dpr.md': actor({ name: "Donetsk People's Republic", kind: 'territory' }),
  // Alphabetically first, but undated: never the first appearance.
  'articles/0-blog.md': article({ title: 'A blog post', outlet: 'Some Blog', perspective: 'other', url: 'https://blog.example/post' },
    '[Kazakhstan does not recognise them]{claim=no-recognition stance=asserts}'),
  'articles/a-ccd.md': article({ title: 'Kazakhstan’s new course', outlet: 'Center for Countering Disinformation', perspective: 'ukrainian', date: '2022-06-20', url: 'https://cpd.example/new-course' },
    'Tokayev said [Kazakhstan does not recognise the [[dpr|DPR]]]{claim=no-recognition by=tokayev stance=reports}.',
    '',
    '[Kazakhstan complies with the sanctions]{claim=sanctions by=kazakhstan-mfa stance=reports}'),
  // Dated earlier than a-ccd, and no url: the first appearance, named by its title.
  'articles/b-tass.md': article({ title: 'Tokayev at the forum', outlet: 'TASS', perspective: 'russian-state', date: '2022-06-18' },
    'At the forum [Kazakhstan will not recognise the republics, [[tokayev|Tokayev]] said]{claim=no-recognition by=tokayev stance=reports}.',
    '',
    '[Kazakhstan keeps to the sanctions regime]{claim=sanctions by=tokayev stance=reports counter=https://counter.example/sanctions}'),
  'articles/c-kyiv.md': article({ title: 'Sanctions hold', outlet: 'Kyiv Post', perspective: 'ukrainian', date: '2022-07-01', url: 'javascript:alert(1)' },
    '[The ministry confirmed that sanctions are respected]{claim=sanctions by=kazakhstan-mfa stance=reports}'),
  // Disputes only: a citation, and its by= (who disputes) is no claimant.
  'articles/d-hizb.md': article({ title: 'Is Kazakhstan moving away?', outlet: 'Hizb ut Tahrir', perspective: 'other', date: '2022-06-10' },
    '[Kazakhstan is a backdoor around the sanctions]{claim=sanctions by=kazakhstan stance=disputes}',
    '[Kazakhstan helps Russia bypass sanctions]{claim=sanctions by=kazakhstan stance=disputes counter=https://counter.example/sanctions}',
    '[Kazakhstan is under Russian influence]{claim=only-disputed by=kazakhstan stance=disputes}',
    '[Kazakhstan has troops in Ukraine]{claim=a-unknown-claimant by=some-pundit stance=reports}'),
};

function reviewsOf(files: Record<string, string> = FILES) {
  return buildClaimReviews(workspaceOf(files));
}

function reviewOf(key: string, files: Record<string, string> = FILES): ClaimReviewJsonLd {
  const review = reviewsOf(files).reviews.find((r) => r.itemReviewed.identifier.value === key);
  assert.ok(review, `no ClaimReview for ${key}`);
  return review;
}

const publishers = (works: readonly WorkJsonLd[] | undefined) => (works ?? []).map((w) => w.publisher?.name);

/**
 * The properties each type may carry in the export: all of them schema.org properties of that type,
 * as https://schema.org lists them. Catches an invented property (such as additionalProperty on a
 * ClaimReview, which schema.org does not allow there).
 */
const ALLOWED: Record<string, string[]> = {
  ClaimReview: ['@context', '@type', 'claimReviewed', 'itemReviewed', 'citation', 'url', 'author', 'datePublished', 'reviewRating'],
  Claim: ['@type', 'identifier', 'author', 'contributor', 'datePublished', 'firstAppearance', 'appearance'],
  CreativeWork: ['@type', 'name', 'url', 'datePublished', 'inLanguage', 'publisher'],
  Person: ['@type', 'name', 'sameAs', 'url'],
  Organization: ['@type', 'name', 'sameAs', 'url'],
  PropertyValue: ['@type', 'propertyID', 'value'],
  Rating: ['@type', 'alternateName', 'ratingValue', 'bestRating', 'worstRating'],
};

/** Problems with the JSON-LD shape: unknown properties, and Google's required and recommended ClaimReview properties. */
function shapeProblems(review: ClaimReviewJsonLd): string[] {
  const problems: string[] = [];
  const visit = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${where}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    const type = (node as Record<string, unknown>)['@type'];
    const allowed = ALLOWED[String(type)];
    if (!allowed) problems.push(`${where}: unexpected @type ${String(type)}`);
    for (const [property, value] of Object.entries(node)) {
      if (allowed && !allowed.includes(property)) problems.push(`${where}.${property} is not exported for ${String(type)}`);
      if (value === undefined) problems.push(`${where}.${property} is undefined`);
      visit(value, `${where}.${property}`);
    }
  };
  visit(review, 'ClaimReview');
  const has = (object: object, property: string) => Object.prototype.hasOwnProperty.call(object, property);
  if (review['@context'] !== 'https://schema.org' || review['@type'] !== 'ClaimReview') problems.push('not a schema.org ClaimReview');
  // Required by Google: claimReviewed, reviewRating (with alternateName), url. Recommended: author, datePublished, itemReviewed.
  for (const property of ['claimReviewed', 'reviewRating', 'url', 'author', 'datePublished', 'itemReviewed']) if (!has(review, property)) problems.push(`no ${property}`);
  for (const property of ['alternateName', 'ratingValue', 'bestRating', 'worstRating']) if (!has(review.reviewRating, property)) problems.push(`no reviewRating.${property}`);
  if (review.itemReviewed['@type'] !== 'Claim') problems.push('itemReviewed is not a Claim');
  if (!Array.isArray(review.itemReviewed.appearance)) problems.push('no itemReviewed.appearance');
  for (const work of [...review.itemReviewed.appearance, ...(review.citation ?? [])]) {
    if (!work.url && !work.name) problems.push('a CreativeWork with neither url nor name');
    if (work.url && !/^https?:\/\//.test(work.url)) problems.push(`a non-web url ${work.url}`);
  }
  return problems;
}

describe('claim and claimant', () => {
  test('one ClaimReview per claim key, ordered by key, each naming its key', () => {
    const { reviews } = reviewsOf();
    assert.deepEqual(reviews.map((r) => r.itemReviewed.identifier), ['a-unknown-claimant', 'no-recognition', 'only-disputed', 'sanctions']
      .map((value) => ({ '@type': 'PropertyValue', propertyID: CLAIM_KEY_PROPERTY, value })));
  });

  test('claimReviewed is the plain text of the earliest dated occurrence, without wiki-link markup', () => {
    assert.equal(reviewOf('no-recognition').claimReviewed, 'Kazakhstan will not recognise the republics, Tokayev said');
  });

  test('the claimant is a Person with its Wikidata item as sameAs, or an Organization by actor kind', () => {
    assert.deepEqual(reviewOf('no-recognition').itemReviewed.author,
      { '@type': 'Person', name: 'Kassym-Jomart Tokayev', sameAs: 'https://www.wikidata.org/wiki/Q123456' });
    assert.deepEqual(reviewOf('sanctions').itemReviewed.author, { '@type': 'Organization', name: 'Ministry of Foreign Affairs of Kazakhstan' });
  });

  test('the most frequent claimant is the author and the others are contributors; who disputes the claim is neither', () => {
    const claim = reviewOf('sanctions').itemReviewed;
    assert.equal(claim.author?.name, 'Ministry of Foreign Affairs of Kazakhstan');
    assert.deepEqual(claim.contributor?.map((c) => c.name), ['Kassym-Jomart Tokayev']);
  });

  test('a claim without by= has no author; a claimant without an actor note is a Person, with a notice', () => {
    const { notices } = reviewsOf();
    assert.equal(reviewOf('only-disputed').itemReviewed.author, undefined);
    assert.deepEqual(reviewOf('a-unknown-claimant').itemReviewed.author, { '@type': 'Person', name: 'some-pundit' });
    assert.ok(notices.some((n) => n.key === 'a-unknown-claimant' && /`some-pundit`.*no actor note/.test(n.message)));
  });

  test('a wikidata value that is not an item id gives no sameAs', () => {
    const review = reviewOf('k', {
      'actors/tokayev.md': actor({ name: 'Kassym-Jomart Tokayev', kind: 'person', wikidata: 'javascript:alert(1)' }),
      'articles/a.md': article({ title: 'A', outlet: 'A', perspective: 'other' }, '[x]{claim=k by=tokayev}'),
    });
    assert.deepEqual(review.itemReviewed.author, { '@type': 'Person', name: 'Kassym-Jomart Tokayev' });
  });

  test('a state and a territory are Organizations', () => {
    const { reviews } = reviewsOf({
      'actors/kazakhstan.md': actor({ name: 'Kazakhstan', kind: 'state', wikidata: 'Q232' }),
      'actors/dpr.md': actor({ name: "Donetsk People's Republic", kind: 'territory' }),
      'articles/a.md': article({ title: 'A', outlet: 'A', perspective: 'other' }, '[x]{claim=k1 by=kazakhstan} [y]{claim=k2 by=dpr}'),
    });
    assert.deepEqual(reviews.map((r) => r.itemReviewed.author), [
      { '@type': 'Organization', name: 'Kazakhstan', sameAs: 'https://www.wikidata.org/wiki/Q232' },
      { '@type': 'Organization', name: "Donetsk People's Republic" },
    ]);
  });
});

describe('appearances', () => {
  test('one CreativeWork per article carrying the claim, dated ones first by date, then undated ones', () => {
    const claim = reviewOf('no-recognition').itemReviewed;
    assert.deepEqual(claim.appearance, [
      { '@type': 'CreativeWork', name: 'Tokayev at the forum', datePublished: '2022-06-18', inLanguage: 'en', publisher: { '@type': 'Organization', name: 'TASS' } },
      { '@type': 'CreativeWork', name: 'Kazakhstan’s new course', url: 'https://cpd.example/new-course', datePublished: '2022-06-20', inLanguage: 'en', publisher: { '@type': 'Organization', name: 'Center for Countering Disinformation' } },
      { '@type': 'CreativeWork', name: 'A blog post', url: 'https://blog.example/post', inLanguage: 'en', publisher: { '@type': 'Organization', name: 'Some Blog' } },
    ]);
  });

  test('firstAppearance is the earliest dated appearance, and the Claim is dated by it', () => {
    const claim = reviewOf('no-recognition').itemReviewed;
    assert.equal(claim.firstAppearance?.publisher?.name, 'TASS');
    assert.equal(claim.datePublished, '2022-06-18');
  });

  test('no firstAppearance when no appearance is dated', () => {
    const review = reviewOf('k', {
      'articles/a.md': article({ title: 'A', outlet: 'A', perspective: 'other' }, '[x]{claim=k}'),
      'articles/b.md': article({ title: 'B', outlet: 'B', perspective: 'western', date: 'June 2022' }, '[x]{claim=k}'),
    });
    assert.equal(review.itemReviewed.firstAppearance, undefined);
    assert.equal(review.itemReviewed.datePublished, undefined);
    assert.deepEqual(review.itemReviewed.appearance.map((w) => [w.name, w.datePublished]), [['A', undefined], ['B', undefined]]);
  });

  test('an article whose url is not http(s) appears by its title only', () => {
    const kyiv = reviewOf('sanctions').itemReviewed.appearance.find((w) => w.publisher?.name === 'Kyiv Post');
    assert.deepEqual(kyiv, { '@type': 'CreativeWork', name: 'Sanctions hold', datePublished: '2022-07-01', inLanguage: 'en', publisher: { '@type': 'Organization', name: 'Kyiv Post' } });
  });

  test('articles that only dispute the claim and counter= URLs are citations, not appearances', () => {
    const review = reviewOf('sanctions');
    assert.deepEqual(publishers(review.itemReviewed.appearance), ['TASS', 'Center for Countering Disinformation', 'Kyiv Post']);
    assert.deepEqual(review.citation, [
      { '@type': 'CreativeWork', name: 'Is Kazakhstan moving away?', datePublished: '2022-06-10', inLanguage: 'en', publisher: { '@type': 'Organization', name: 'Hizb ut Tahrir' } },
      { '@type': 'CreativeWork', url: 'https://counter.example/sanctions' },
    ]);
    assert.equal(reviewOf('no-recognition').citation, undefined);
  });

  test('a claim that is only disputed leaves claimReviewed empty (the disputing text says the opposite), with a notice', () => {
    const review = reviewOf('only-disputed');
    assert.equal(review.claimReviewed, '');
    assert.deepEqual(review.itemReviewed.appearance, []);
    assert.deepEqual(publishers(review.citation), ['Hizb ut Tahrir']);
    assert.ok(reviewsOf().notices.some((n) => n.key === 'only-disputed' && /only disputed/.test(n.message)));
  });
});

describe('review fields and shape', () => {
  test('the review fields are present and empty, for the fact-checker to fill in', () => {
    const review = reviewOf('no-recognition');
    assert.equal(review.url, '');
    assert.equal(review.datePublished, '');
    assert.deepEqual(review.author, { '@type': 'Organization', name: '', url: '' });
    assert.deepEqual(review.reviewRating, { '@type': 'Rating', alternateName: '', ratingValue: '', bestRating: '', worstRating: '' });
  });

  test('a review date, when given, is the ClaimReview datePublished', () => {
    const { reviews } = buildClaimReviews(workspaceOf(FILES), { reviewDate: '2024-05-31' });
    assert.ok(reviews.every((r) => r.datePublished === '2024-05-31'));
  });

  test('every ClaimReview has the properties Google requires and recommends, and only schema.org properties of each type', () => {
    for (const review of reviewsOf().reviews) assert.deepEqual(shapeProblems(review), [], review.itemReviewed.identifier.value);
  });

  test('an empty workspace, or one without claims, exports nothing', () => {
    assert.deepEqual(reviewsOf({}).reviews, []);
    assert.deepEqual(reviewsOf({ 'articles/raw.md': 'Tokayev spoke at the forum. Kazakhstan does not recognise the DPR.' }).reviews, []);
  });

  test('the output does not depend on the order the notes were loaded in', () => {
    const reversed = Object.fromEntries(Object.entries(FILES).reverse());
    assert.equal(serializeJsonLd(reviewsOf(reversed).reviews), serializeJsonLd(reviewsOf().reviews));
  });
});

describe('untrusted note text', () => {
  const hostile = '</script><script>alert(1)</script> "quoted" \\ & \u2028 done';
  const title = '</script><!-- <img src=x onerror=alert(1)>';
  const files = {
    'articles/evil.md': article({ title, outlet: 'Evil & Co', perspective: 'other', url: 'https://evil.example/a?x=<b>' },
      `[${hostile}]{claim=evil counter=https://evil.example/c}`),
  };

  test('serialized JSON-LD has no < > & or line separators left to break out of a <script> element, and parses back to the same text', () => {
    const json = serializeJsonLd(reviewsOf(files).reviews);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.match(json, /\\u003c\/script\\u003e/);
    const [review] = JSON.parse(json) as ClaimReviewJsonLd[];
    assert.equal(review.claimReviewed, hostile.replace(/\s+/g, ' '));
    assert.equal(review.itemReviewed.appearance[0].name, title);
    assert.equal(review.itemReviewed.appearance[0].publisher?.name, 'Evil & Co');
    assert.equal(review.itemReviewed.appearance[0].url, 'https://evil.example/a?x=<b>');
    assert.equal(serializeJsonLd(['a\u2028b\u2029c']), '[\n  "a\\u2028b\\u2029c"\n]');
  });

  test('only absolute http(s) URLs are kept', () => {
    assert.equal(httpUrl('https://example.org/a?b=c'), 'https://example.org/a?b=c');
    assert.equal(httpUrl(' http://example.org '), 'http://example.org');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', '//example.org', 'https://exa mple.org', 'http://', 'ftp://example.org', '', undefined]) {
      assert.equal(httpUrl(bad), undefined, String(bad));
    }
  });
});
