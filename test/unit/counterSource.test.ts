// counterSource.ts and the claim.no-counter-source diagnostic across notes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Workspace } from '../../server/src/model/workspace';
import { describeSources, outletKey, verdictOf } from '../../server/src/rules/counterSource';
import { judgeKey, verdictDetail } from '../../server/src/rules/claimVerdicts';
import { ROOT, joinLines, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

/** An article with any fields (perspective may be left out), and one claim per line of body. */
function article(fields: { outlet?: string; perspective?: string }, ...body: string[]): string {
  return joinLines(
    '---',
    'title: A report',
    ...(fields.outlet ? [`outlet: ${fields.outlet}`] : []),
    ...(fields.perspective ? [`perspective: ${fields.perspective}`] : []),
    '---',
    ...body,
  );
}

/** The claim keys flagged as lacking a counter-source in a note. */
function flagged(workspace: Workspace, path: string): string[] {
  return noteDiagnostics(workspace, uriOf(path)).filter((d) => d.code === 'claim.no-counter-source').map((d) => String(d.data?.key));
}

/** An occurrence's cross-sources (other outlets), counter-sources (those that contest or corroborate it) and verdict. */
function statusIn(workspace: Workspace, path: string, index = 0) {
  const note = workspace.getNote(uriOf(path))!;
  const { judgement, index: at } = verdictOf(workspace, note.uri, note.claims[index])!;
  const detail = verdictDetail(judgement, at);
  const counters = new Set([...detail.contesting, ...detail.corroborating].map((party) => party.occurrence));
  const verdict = judgement.verdicts[at];
  return {
    verdict,
    crossSources: judgement.occurrences.filter((o) => outletKey(o.note) !== outletKey(note)),
    counterSources: judgement.occurrences.filter((o) => counters.has(o)),
    hasCounterSource: verdict === 'contested' || verdict === 'corroborated' || verdict === 'cited',
  };
}

const outletsOf = (occurrences: readonly { note: { article?: { outlet?: string } } }[]) => occurrences.map((o) => o.note.article?.outlet);

describe('the counter-source rule', () => {
  test('a claim only one outlet carries is flagged', () => {
    const workspace = workspaceOf({ 'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}') });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    const status = statusIn(workspace, 'articles/a.md');
    assert.deepEqual(status.crossSources, []);
    assert.equal(status.hasCounterSource, false);
  });

  test('the same outlet in another note is not a cross-source, however it is spelled', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'channel  24', perspective: 'russian-state' }, '[X]{claim=k stance=disputes}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), ['k']);
    assert.deepEqual(statusIn(workspace, 'articles/a.md').crossSources, []);
  });

  test('another outlet of the same perspective is a cross-source but not a counter-source', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k stance=reports}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), ['k']);
    const status = statusIn(workspace, 'articles/a.md');
    assert.deepEqual(outletsOf(status.crossSources), ['Kyiv Post']);
    assert.deepEqual(status.counterSources, []);
  });

  test('an outlet of another perspective is a counter-source, both ways', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=k stance=reports}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), []);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), []);
    assert.deepEqual(outletsOf(statusIn(workspace, 'articles/a.md').counterSources), ['TASS']);
  });

  test('an outlet of the same perspective that disputes it is a counter-source, and the other way round', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k stance=asserts}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), [], 'A asserts, B disputes');
    assert.deepEqual(flagged(workspace, 'articles/b.md'), [], 'B disputes, A asserts');
  });

  test('reports counts as upholding: reports against disputes is a counter-source', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k stance=reports}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), []);
  });

  test('two outlets of the same perspective that both dispute it are not counter-sources', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), ['k']);
  });

  test('a counter= URL clears the claim it is on, and only that one', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k counter=https://tass.com/politics/1} [Y]{claim=k}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    const diagnostic = noteDiagnostics(workspace, note.uri).find((d) => d.code === 'claim.no-counter-source')!;
    assert.equal(diagnostic.span.start, note.claims[1].keySpan!.start, 'the second claim is the flagged one');
    const status = statusIn(workspace, 'articles/a.md', 0);
    assert.equal(status.verdict, 'cited');
    assert.equal(status.hasCounterSource, true);
  });

  test('.single-source suppresses the diagnostic but is not a counter-source', () => {
    const workspace = workspaceOf({ 'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k .single-source}') });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), []);
    const status = statusIn(workspace, 'articles/a.md');
    assert.equal(status.verdict, 'single-source');
    assert.equal(status.hasCounterSource, false);
  });

  test('a missing perspective never counts as a different one', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Unknown Blog' }, '[X]{claim=k}'),
      'articles/c.md': article({ outlet: 'Other Blog' }, '[X]{claim=k}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), ['k'], 'nor do two missing perspectives differ');
    assert.deepEqual(outletsOf(statusIn(workspace, 'articles/a.md').crossSources), ['Unknown Blog', 'Other Blog']);
  });

  test('a missing perspective with a dispute still has its counter-source', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Unknown Blog' }, '[X]{claim=k stance=disputes}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), []);
  });

  test('articles without an outlet are each their own outlet', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ perspective: 'russian-state' }, '[X]{claim=k}'),
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), []);
    const a = workspace.getNote(uriOf('articles/a.md'))!;
    const b = workspace.getNote(uriOf('articles/b.md'))!;
    assert.notEqual(outletKey(a), outletKey(b));
  });

  test('adding the claim in an article of another perspective clears the warning; removing it brings it back', () => {
    const workspace = workspaceOf({
      'articles/channel24.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[Kazakhstan will not recognise the DPR]{claim=no-recognition}'),
      'articles/tass.md': article({ outlet: 'TASS', perspective: 'russian-state' }, 'Nothing annotated yet.'),
    });
    assert.deepEqual(flagged(workspace, 'articles/channel24.md'), ['no-recognition']);

    const added = workspace.upsert(uriOf('articles/tass.md'), article({ outlet: 'TASS', perspective: 'russian-state' }, '[Astana will not recognise the DPR]{claim=no-recognition stance=reports}'));
    assert.ok(added.affected.has(uriOf('articles/channel24.md')), 'the first note is affected');
    assert.deepEqual(flagged(workspace, 'articles/channel24.md'), []);
    assert.deepEqual(flagged(workspace, 'articles/tass.md'), []);

    const edited = workspace.upsert(uriOf('articles/tass.md'), article({ outlet: 'TASS', perspective: 'russian-state' }, 'Nothing annotated yet.'));
    assert.ok(edited.affected.has(uriOf('articles/channel24.md')));
    assert.deepEqual(flagged(workspace, 'articles/channel24.md'), ['no-recognition']);

    workspace.upsert(uriOf('articles/tass.md'), article({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=no-recognition}'));
    assert.deepEqual(flagged(workspace, 'articles/channel24.md'), []);
    const removed = workspace.remove(uriOf('articles/tass.md'));
    assert.deepEqual([...removed.affected], [uriOf('articles/channel24.md')]);
    assert.deepEqual(flagged(workspace, 'articles/channel24.md'), ['no-recognition']);
  });

  test('changing the perspective of the other article re-flags the claim', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=k}'),
    });
    const result = workspace.upsert(uriOf('articles/b.md'), article({ outlet: 'TASS', perspective: 'ukrainian' }, '[X]{claim=k}'));
    assert.deepEqual([...result.affected].map((u) => u.slice(ROOT.length + 1)).sort(), ['articles/a.md', 'articles/b.md']);
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
  });

  test('invalid claims and claims outside articles do not count', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=k stray}'),
      'notes/c.md': '[X]{claim=k stance=disputes}',
    });
    assert.deepEqual(flagged(workspace, 'articles/a.md'), ['k']);
    assert.deepEqual(flagged(workspace, 'articles/b.md'), [], 'an invalid claim is not checked either');
  });
});

describe('messages', () => {
  test('a claim no other outlet carries names its outlet and perspective', () => {
    const workspace = workspaceOf({ 'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=no-recognition}') });
    const [d] = noteDiagnostics(workspace, uriOf('articles/a.md'));
    assert.equal(d.message,
      'Only Channel 24 (ukrainian) carries claim `no-recognition`; no other outlet reports it. ' +
      'Annotate it in an article from another perspective, cite one with counter=<url>, or mark it .single-source.');
    assert.deepEqual(d.data, { key: 'no-recognition', outlet: 'Channel 24', perspective: 'ukrainian' });
    assert.equal(d.severity, 'warning');
  });

  test('a claim carried by outlets of one perspective names them all', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k}'),
    });
    const [d] = noteDiagnostics(workspace, uriOf('articles/a.md'));
    assert.equal(d.message,
      'Claim `k` is carried only by Channel 24, Kyiv Post (ukrainian): no outlet of another perspective carries it, and none contests it. ' +
      'Annotate it in an article from another perspective, cite one with counter=<url>, or mark it .single-source.');
  });

  test('a disputed claim asks for an outlet that upholds it', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k stance=disputes}'),
    });
    assert.match(noteDiagnostics(workspace, uriOf('articles/a.md'))[0].message, /and none upholds it\./);
  });

  test('an article without a perspective says so', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Unknown Blog' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
    });
    const d = noteDiagnostics(workspace, uriOf('articles/a.md')).find((x) => x.code === 'claim.no-counter-source')!;
    assert.match(d.message, /^Claim `k` is carried only by Unknown Blog \(no perspective\); Channel 24 \(ukrainian\): this article has no perspective, and no outlet contests it\./);
  });
});

describe('the rule on its own', () => {
  test('judgeKey, verdictDetail and describeSources on occurrences from a workspace', () => {
    const workspace = workspaceOf({
      'articles/a.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/b.md': article({ outlet: 'Kyiv Post', perspective: 'ukrainian' }, '[X]{claim=k}'),
      'articles/c.md': article({ outlet: 'TASS', perspective: 'russian-state' }, '[X]{claim=k}'),
      'articles/d.md': article({ outlet: 'Channel 24', perspective: 'ukrainian' }, '[X]{claim=k}'),
    });
    const all = workspace.occurrences('k');
    const judgement = judgeKey(all)!;
    assert.deepEqual(judgement.verdicts, ['corroborated', 'corroborated', 'corroborated', 'corroborated']);
    const detail = verdictDetail(judgement, 0);
    assert.equal(detail.crossSources, 2, 'Kyiv Post and TASS; the other Channel 24 note is the same outlet');
    assert.equal(judgement.crossSources(0), 2);
    assert.deepEqual(outletsOf(detail.corroborating.map((party) => party.occurrence)), ['TASS']);
    assert.equal(describeSources(all), 'Channel 24, Kyiv Post (ukrainian); TASS (russian-state)');
  });
});
