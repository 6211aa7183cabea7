// Every diagnostic code: reported where it should be, with the right span, and not on valid input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, type WorkspaceConfig } from '../../server/src/model/config';
import { actorNote, articleNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';
import { DEFAULT_SEVERITIES, isDiagnosticCode, noteDiagnostics, type DiagnosticCode } from '../../server/src/rules/registry';

const TOKAYEV = actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] });
const VALID_ARTICLE = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian', url: 'https://24tv.ua/en/x' },
  '[[tokayev]] said [Kazakhstan does not recognise the DPR]{claim=k by=tokayev stance=reports}.');
const COUNTER_ARTICLE = articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=k stance=disputes}');

/** The diagnostics of one note of a workspace: [code, text under the span]. */
function reported(files: Record<string, string>, path: string, config: Partial<WorkspaceConfig> = {}): [string, string][] {
  const workspace = workspaceOf(files, config);
  const note = workspace.getNote(uriOf(path))!;
  return noteDiagnostics(workspace, note.uri).map((d) => [d.code, textOf(note.text, d.span)]);
}

/** The spans' texts of one code in an article note written with the given body (plus a counter-source). */
function inArticle(code: DiagnosticCode, ...body: string[]): string[] {
  const files = {
    'actors/tokayev.md': TOKAYEV,
    'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, ...body),
    'articles/counter.md': COUNTER_ARTICLE,
  };
  return reported(files, 'articles/a.md').filter(([c]) => c === code).map(([, text]) => text);
}

function inNote(code: DiagnosticCode, path: string, text: string, extra: Record<string, string> = {}): string[] {
  return reported({ 'actors/tokayev.md': TOKAYEV, ...extra, [path]: text }, path).filter(([c]) => c === code).map(([, t]) => t);
}

function codesOf(path: string, text: string, extra: Record<string, string> = {}): string[] {
  return reported({ 'actors/tokayev.md': TOKAYEV, 'articles/counter.md': COUNTER_ARTICLE, ...extra, [path]: text }, path).map(([c]) => c);
}

function assertClean(code: DiagnosticCode, path: string, text: string, extra: Record<string, string> = {}) {
  assert.ok(!codesOf(path, text, extra).includes(code), `${code} is not reported on ${JSON.stringify(text)}`);
}

const cases: { [C in DiagnosticCode]: { positive: () => void; negative: () => void } } = {
  'frontmatter.missing': {
    positive: () => {
      assert.deepEqual(inNote('frontmatter.missing', 'articles/a.md', 'Tokayev spoke.\nMore.'), ['Tokayev spoke.']);
      assert.deepEqual(inNote('frontmatter.missing', 'actors/x.md', 'Just text'), ['Just text']);
    },
    negative: () => {
      assertClean('frontmatter.missing', 'articles/a.md', VALID_ARTICLE);
      assertClean('frontmatter.missing', 'notes/n.md', 'Other notes need no frontmatter.');
      assertClean('frontmatter.missing', 'articles/a.md', '---\ntitle: T\n');
    },
  },
  'frontmatter.unclosed': {
    positive: () => assert.deepEqual(inNote('frontmatter.unclosed', 'articles/a.md', '---\ntitle: T\noutlet: O\n\nBody.'), ['---']),
    negative: () => assertClean('frontmatter.unclosed', 'articles/a.md', VALID_ARTICLE),
  },
  'frontmatter.yaml': {
    positive: () => assert.deepEqual(inNote('frontmatter.yaml', 'articles/a.md', '---\ntitle: T\noutlet: O: P\n---\n'), ['outlet: O: P']),
    negative: () => assertClean('frontmatter.yaml', 'articles/a.md', '---\ntitle: "T: a title"\noutlet: O\nperspective: other\n---\n'),
  },
  'frontmatter.language': {
    positive: () => assert.deepEqual(inNote('frontmatter.language', 'articles/a.md', '---js\n({ title: "T" })\n---\n'), ['---js']),
    negative: () => assertClean('frontmatter.language', 'articles/a.md', '--- yaml\ntitle: T\noutlet: O\nperspective: other\n---\n'),
  },
  'frontmatter.not-mapping': {
    positive: () => assert.deepEqual(inNote('frontmatter.not-mapping', 'actors/x.md', '---\n- name: X\n---\n'), ['---']),
    negative: () => assertClean('frontmatter.not-mapping', 'actors/x.md', '---\nname: X\n---\n'),
  },
  'frontmatter.duplicate-key': {
    positive: () => {
      const text = '---\ntitle: T\noutlet: O\nperspective: ukrainian\ndate: 2022-06-17\nperspective: russian-state\n---\nBody.\n';
      assert.deepEqual(inNote('frontmatter.duplicate-key', 'articles/a.md', text), ['perspective']);
      const workspace = workspaceOf({ 'articles/a.md': text });
      const note = workspace.getNote(uriOf('articles/a.md'))!;
      const [d] = noteDiagnostics(workspace, note.uri).filter((x) => x.code === 'frontmatter.duplicate-key');
      assert.equal(d.message, '`perspective` is given again on line 6: YAML keeps the last value, so this one is ignored.');
      assert.deepEqual(d.data, { key: 'perspective' });
      assert.equal(d.span.start, text.indexOf('perspective'), 'on the first one, the one ignored');
      assert.equal(note.article?.perspective, 'russian-state', 'the last value is the one used');
      assert.equal(note.frontmatter!.fields.get('perspective')!.raw, 'russian-state', 'the field spans point at the value used');
    },
    negative: () => {
      assertClean('frontmatter.duplicate-key', 'articles/a.md', VALID_ARTICLE);
      assertClean('frontmatter.duplicate-key', 'actors/x.md', '---\nname: X\naliases:\n  - name: nested keys are not top-level keys\n  - name: again\n---\n');
      assertClean('frontmatter.duplicate-key', 'actors/x.md', '---\nname: X\nname: [unclosed\n---\n');
    },
  },
  'article.missing-field': {
    positive: () => {
      const workspace = workspaceOf({ 'articles/a.md': '---\ntitle: T\n---\n' });
      const missing = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((d) => d.code === 'article.missing-field');
      assert.deepEqual(missing.map((d) => d.data), [{ field: 'outlet' }, { field: 'perspective' }]);
      assert.match(missing[1].message, /no `perspective`: set one of ukrainian, russian-state/);
      assert.deepEqual(missing.map((d) => d.span), [{ start: 0, end: 3 }, { start: 0, end: 3 }]);
      assert.deepEqual(inNote('article.missing-field', 'articles/a.md', '---\ntitle: T\noutlet: ""\nperspective: other\n---\n'), ['---'], 'empty counts as missing');
    },
    negative: () => {
      assertClean('article.missing-field', 'articles/a.md', VALID_ARTICLE);
      assertClean('article.missing-field', 'notes/n.md', '---\ntitle: T\n---\n');
    },
  },
  'article.invalid-field': {
    positive: () => {
      const note = (url: string) => joinLines('---', 'title: T', 'outlet: O', 'perspective: other', `url: ${url}`, '---');
      assert.deepEqual(inNote('article.invalid-field', 'articles/a.md', note('ftp://tass.com/x')), ['ftp://tass.com/x']);
      assert.deepEqual(inNote('article.invalid-field', 'articles/a.md', note('tass.com/x')), ['tass.com/x']);
      assert.deepEqual(inNote('article.invalid-field', 'articles/a.md', note('{a: 1}')), ['{a: 1}'], 'a mapping is not a single value');
    },
    negative: () => assertClean('article.invalid-field', 'articles/a.md', VALID_ARTICLE),
  },
  'article.invalid-date': {
    positive: () => {
      for (const date of ['2022-02-30', '2022-13-01', '17 June 2022', '2022-06-17T25:00']) {
        const text = articleNote({ outlet: 'O', perspective: 'other', date });
        assert.deepEqual(inNote('article.invalid-date', 'articles/a.md', text), [date], date);
      }
    },
    negative: () => {
      for (const date of ['2022-02-28', '2024-02-29', '2022-06', '2022', '2022-06-17T10:30:00+05:00', '2022-06-17 10:30']) {
        assertClean('article.invalid-date', 'articles/a.md', articleNote({ outlet: 'O', perspective: 'other', date }));
      }
    },
  },
  'article.unknown-perspective': {
    positive: () => {
      const workspace = workspaceOf({ 'articles/a.md': articleNote({ outlet: 'O', perspective: 'martian' }) });
      const [d] = noteDiagnostics(workspace, uriOf('articles/a.md'));
      assert.equal(d.code, 'article.unknown-perspective');
      assert.equal(textOf(workspace.getNote(uriOf('articles/a.md'))!.text, d.span), 'martian');
      assert.deepEqual(d.data, { perspective: 'martian' });
    },
    negative: () => {
      assertClean('article.unknown-perspective', 'articles/a.md', articleNote({ outlet: 'O', perspective: 'kazakh-independent' }));
      const custom = reported({ 'articles/a.md': articleNote({ outlet: 'O', perspective: 'martian' }) }, 'articles/a.md', { perspectives: ['martian', 'venusian'] });
      assert.deepEqual(custom, []);
    },
  },
  'actor.missing-field': {
    positive: () => assert.deepEqual(inNote('actor.missing-field', 'actors/x.md', '---\nkind: person\n---\n'), ['---']),
    negative: () => assertClean('actor.missing-field', 'actors/x.md', actorNote({ name: 'X' })),
  },
  'actor.invalid-field': {
    positive: () => {
      assert.deepEqual(inNote('actor.invalid-field', 'actors/x.md', '---\nname: X\nkind: robot\n---\n'), ['robot']);
      assert.deepEqual(inNote('actor.invalid-field', 'actors/x.md', '---\nname: X\nwikidata: X12\n---\n'), ['X12']);
      assert.deepEqual(inNote('actor.invalid-field', 'actors/x.md', '---\nname: X\nwikidata: Q0123\n---\n'), ['Q0123']);
      assert.deepEqual(inNote('actor.invalid-field', 'actors/x.md', '---\nname: X\naliases: {short: Y}\n---\n'), ['{short: Y}']);
      assert.deepEqual(inNote('actor.invalid-field', 'actors/x.md', '---\nname: [X, Y]\n---\n'), ['[X, Y]']);
    },
    negative: () => {
      for (const kind of ['person', 'organization', 'state', 'territory', 'media']) {
        assertClean('actor.invalid-field', 'actors/x.md', `---\nname: X\nkind: ${kind}\nwikidata: Q3288\naliases: [Y, 42]\n---\n`);
      }
    },
  },
  'actor.unknown': {
    positive: () => {
      const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[[lukashenko|Lukashenko]] and [X]{claim=k by=Mirziyoyev .single-source}') });
      const unknown = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((d) => d.code === 'actor.unknown');
      const text = workspace.getNote(uriOf('articles/a.md'))!.text;
      assert.deepEqual(unknown.map((d) => [textOf(text, d.span), d.data]), [['lukashenko', { name: 'lukashenko' }], ['Mirziyoyev', { name: 'Mirziyoyev' }]]);
      assert.match(unknown[0].message, /No actor or note is called `lukashenko`/);
    },
    negative: () => {
      const body = '[[tokayev]] [[Tokaev]] [[background]] [[background#History|history]] [X]{claim=k by=Tokayev}';
      assertClean('actor.unknown', 'articles/a.md', articleNote({ outlet: 'O', perspective: 'other' }, body), { 'notes/background.md': '# Background' });
    },
  },
  'actor.duplicate-id': {
    positive: () => {
      const workspace = workspaceOf({ 'actors/tokayev.md': TOKAYEV, 'actors/kjt.md': actorNote({ id: 'Tokayev', name: 'K.-J. Tokayev' }) });
      const [d] = noteDiagnostics(workspace, uriOf('actors/kjt.md')).filter((x) => x.code === 'actor.duplicate-id');
      assert.equal(textOf(workspace.getNote(uriOf('actors/kjt.md'))!.text, d.span), 'Tokayev');
      assert.match(d.message, /also defined by actors\/tokayev\.md; mentions resolve to actors\/tokayev\.md/);
      assert.deepEqual(d.related!.map((r) => r.uri), [uriOf('actors/tokayev.md')]);
      assert.deepEqual(noteDiagnostics(workspace, uriOf('actors/tokayev.md')).filter((x) => x.code === 'actor.duplicate-id').length, 1, 'both notes say so');
    },
    negative: () => assertClean('actor.duplicate-id', 'actors/putin.md', actorNote({ name: 'Vladimir Putin' })),
  },
  'actor.duplicate-alias': {
    positive: () => {
      const files = { 'actors/tokayev.md': TOKAYEV, 'actors/other.md': actorNote({ name: 'Someone Else', aliases: ['Other', 'tokaev'] }) };
      const workspace = workspaceOf(files);
      const [d] = noteDiagnostics(workspace, uriOf('actors/other.md')).filter((x) => x.code === 'actor.duplicate-alias');
      assert.equal(textOf(files['actors/other.md'], d.span), 'tokaev');
      assert.deepEqual(d.data, { alias: 'tokaev', actors: ['other', 'tokayev'] });
      assert.match(d.message, /a mention of it resolves to tokayev/);
    },
    negative: () => assertClean('actor.duplicate-alias', 'actors/putin.md', actorNote({ name: 'Vladimir Putin', aliases: ['Putin', 'putin'] })),
  },
  'claim.malformed': {
    positive: () => {
      assert.deepEqual(inArticle('claim.malformed', 'Said [X]{claim=k by=tokayev and more', 'Next line.'), ['[X]{claim=k by=tokayev and more'], 'unterminated {');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim="k by=tokayev}'), ['claim="k by=tokayev'], 'unterminated quote');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=k oops}'), ['oops'], 'bare token');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=k counter=tass.com/x}'), ['counter=tass.com/x'], 'counter not a URL');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=k claim=j}'), ['claim=j'], 'duplicate attribute');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=k by=}'), ['by='], 'empty by');
      assert.deepEqual(inArticle('claim.malformed', "[X]{by='tokayev claim=k}"), ["by='tokayev claim=k"], 'unterminated quote in the first attribute');
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=a [Y]{claim=b} and on'), ['[X]{claim=a [Y]{claim=b} and on'], 'a block never closed before the next opens');
    },
    negative: () => {
      assert.deepEqual(inArticle('claim.malformed', '[X]{claim=k by=tokayev stance=reports counter=https://tass.com/x .single-source}'), []);
      assert.deepEqual(inArticle('claim.malformed', '[X]{.smallcaps} and [Y]{lang=fr', 'Next.'), [], 'a Pandoc span left open is not a claim');
    },
  },
  'claim.missing-key': {
    positive: () => assert.deepEqual(inArticle('claim.missing-key', '[X]{by=tokayev stance=reports}', '[Y]{.single-source}'), ['{by=tokayev stance=reports}', '{.single-source}']),
    negative: () => {
      assert.deepEqual(inArticle('claim.missing-key', '[X]{claim=k by=tokayev}'), []);
      assert.deepEqual(inArticle('claim.missing-key', '[X]{by=tokayev oops}'), [], 'a malformed block is reported as malformed only');
    },
  },
  'claim.invalid-key': {
    positive: () => {
      assert.deepEqual(inArticle('claim.invalid-key', '[X]{claim=-leading}', '[Y]{claim=a/b}', '[Z]{claim=""}'), ['-leading', 'a/b', 'claim=""']);
      const workspace = workspaceOf({ 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[Z]{claim=""}') });
      assert.match(noteDiagnostics(workspace, uriOf('articles/a.md'))[0].message, /The claim key is empty/);
    },
    negative: () => assert.deepEqual(inArticle('claim.invalid-key', '[X]{claim=no-recognition_2022.v2}', '[Y]{claim=непризнание}'), []),
  },
  'claim.invalid-stance': {
    positive: () => {
      assert.deepEqual(inArticle('claim.invalid-stance', '[X]{claim=k stance=maybe}', '[Y]{claim=k stance=Disputes}'), ['maybe', 'Disputes']);
      // A mistyped stance keeps the claim out of the counter-source rule rather than counting it as `asserts`.
      assert.deepEqual(inArticle('claim.no-counter-source', '[X]{claim=k stance=dispute}'), []);
    },
    negative: () => assert.deepEqual(inArticle('claim.invalid-stance', '[X]{claim=k stance=asserts} [Y]{claim=k stance=reports} [Z]{claim=k stance=disputes}'), []),
  },
  'claim.unknown-attribute': {
    positive: () => assert.deepEqual(inArticle('claim.unknown-attribute', '[X]{claim=k lang=fr source=tass}'), ['lang', 'source']),
    negative: () => assert.deepEqual(inArticle('claim.unknown-attribute', '[X]{claim=k .single-source #anchor}'), []),
  },
  'claim.empty': {
    positive: () => assert.deepEqual(inArticle('claim.empty', '[]{claim=k} and [  ]{claim=j}'), ['[]{claim=k}', '[  ]{claim=j}']),
    negative: () => assert.deepEqual(inArticle('claim.empty', '[X]{claim=k}'), []),
  },
  'claim.outside-article': {
    positive: () => {
      assert.deepEqual(inNote('claim.outside-article', 'notes/n.md', 'Draft: [X]{claim=k}'), ['[X]{claim=k}']);
      assert.deepEqual(inNote('claim.outside-article', 'actors/x.md', actorNote({ name: 'X' }, '[X]{claim=k}')), ['[X]{claim=k}']);
      const workspace = workspaceOf({ 'notes/n.md': '[X]{claim=k}' });
      assert.equal(noteDiagnostics(workspace, uriOf('notes/n.md'))[0].severity, 'information');
    },
    negative: () => assert.deepEqual(inArticle('claim.outside-article', '[X]{claim=k}'), []),
  },
  'claim.no-counter-source': {
    positive: () => {
      const files = { 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[X]{claim=lonely}') };
      assert.deepEqual(reported(files, 'articles/a.md'), [['claim.no-counter-source', 'lonely']]);
    },
    negative: () => assert.deepEqual(inArticle('claim.no-counter-source', '[X]{claim=k}'), [], 'TASS disputes k from another perspective'),
  },
  'claim.claimant-mismatch': {
    positive: () => {
      const putin = { 'articles/b.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[Y]{claim=k by=putin}') };
      assert.deepEqual(inNote('claim.claimant-mismatch', 'articles/a.md', VALID_ARTICLE, putin), ['tokayev']);
    },
    negative: () => {
      // The same actor by another of its names; a denial (it names who disputes, not who claims).
      assertClean('claim.claimant-mismatch', 'articles/a.md', VALID_ARTICLE, { 'articles/b.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[Y]{claim=k by=Tokaev}') });
      assertClean('claim.claimant-mismatch', 'articles/a.md', VALID_ARTICLE, { 'articles/b.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' }, '[Y]{claim=k by=putin stance=disputes}') });
    },
  },
  'alias.near-match': {
    positive: () => assert.deepEqual(inArticle('alias.near-match', 'Tokaiev met Qasym-Jomart Tokaev.'), ['Tokaiev', 'Qasym-Jomart Tokaev']),
    negative: () => assert.deepEqual(inArticle('alias.near-match', 'Tokaev, Tokayev and Russian troops; `Tokaiev`; [[tokayev|Tokaiev]].'), []),
  },
  'actor.candidate': {
    positive: () => assert.deepEqual(inArticle('actor.candidate', 'Later Arman Shuraev spoke to Tokayev.'), ['Arman Shuraev']),
    negative: () => assert.deepEqual(inArticle('actor.candidate', 'Later [[tokayev]] and Tokaev spoke in the morning.'), []),
  },
  'claim.candidate': {
    positive: () => assert.deepEqual(inArticle('claim.candidate', 'Tokayev said that the borders of the country will not change at all.'), ['Tokayev said that the borders of the country will not change at all.']),
    negative: () => assert.deepEqual(inArticle('claim.candidate', 'Tokayev said that [the borders will not change]{claim=k}.'), []),
  },
  'config.invalid': {
    positive: () => {
      const { problems } = parseConfig('perspectives: western\nrules:\n  claim.empty: loud\n', isDiagnosticCode);
      assert.deepEqual(problems.map((p) => p.line), [2]);
      assert.equal(DEFAULT_SEVERITIES['config.invalid'], 'error');
    },
    negative: () => assert.deepEqual(parseConfig('rules:\n  claim.empty: off\n', isDiagnosticCode).problems, []),
  },
};

describe('every diagnostic code', () => {
  test('the table below covers every code of the registry', () => {
    assert.deepEqual(Object.keys(cases).sort(), Object.keys(DEFAULT_SEVERITIES).sort());
  });
  for (const code of Object.keys(DEFAULT_SEVERITIES) as DiagnosticCode[]) {
    test(`${code}: reported`, () => cases[code].positive());
    test(`${code}: not reported on valid input`, () => cases[code].negative());
  }
});

describe('a valid workspace', () => {
  test('reports nothing at all', () => {
    const files = {
      'actors/tokayev.md': TOKAYEV,
      'actors/kazakhstan.md': actorNote({ name: 'Kazakhstan', kind: 'state' }),
      'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR'], kind: 'territory' }),
      'articles/a.md': VALID_ARTICLE,
      'articles/counter.md': COUNTER_ARTICLE,
      'notes/n.md': 'Background on [[tokayev]].',
    };
    const workspace = workspaceOf(files);
    for (const path of Object.keys(files)) assert.deepEqual(noteDiagnostics(workspace, uriOf(path)), [], path);
  });
});

describe('severities', () => {
  test('defaults come from the registry', () => {
    const workspace = workspaceOf({ 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[X]{claim=k} [Y]{claim=j stance=maybe}') });
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => [d.code, d.severity]), [
      ['claim.no-counter-source', 'warning'],
      ['claim.invalid-stance', 'error'],
    ]);
  });

  test('configured rules change severities, and off drops the diagnostic', () => {
    const files = { 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[[nobody]] [X]{claim=k stance=maybe}') };
    const { config, problems } = parseConfig('rules:\n  claim.no-counter-source: "off"\n  actor.unknown: error\n  claim.invalid-stance: hint\n', isDiagnosticCode);
    assert.deepEqual(problems, []);
    const workspace = workspaceOf(files, config);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => [d.code, d.severity]), [
      ['actor.unknown', 'error'],
      ['claim.invalid-stance', 'hint'],
    ]);
  });

  test('configured severities leave unconfigured codes alone and do not change the parse', () => {
    const files = { 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, '[]{claim=k .single-source} [[nobody]] [X]{claim=j stance=maybe}') };
    const workspace = workspaceOf(files, { rules: { 'claim.empty': 'information', 'actor.unknown': 'off' } });
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => [d.code, d.severity]), [['claim.empty', 'information'], ['claim.invalid-stance', 'error']]);
    assert.deepEqual(workspace.getNote(uriOf('articles/a.md'))!.diagnostics.map((d) => [d.code, 'severity' in d]), [['claim.empty', false], ['claim.invalid-stance', false]]);
  });
});
