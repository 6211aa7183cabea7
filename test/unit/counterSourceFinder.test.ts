// The counter-source finder's parts: stance cues, speakers, language-aware terms and the ranking.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CounterSourceFinder, speakerOf } from '../../server/src/analysis/counterSourceFinder';
import { TermAnalyzer, numberTerm } from '../../server/src/analysis/finderTerms';
import { candidateStance, stanceCues } from '../../server/src/analysis/stanceCues';
import { suggestClaimKey } from '../../server/src/analysis/importHints';
import { actorNote, joinLines, uriOf, workspaceOf } from '../helpers/workspace';

describe('stance cues', () => {
  const stance = (claim: string, candidate: string) => candidateStance(stanceCues(claim), stanceCues(candidate));

  test('English denials and negations dispute a claim that has none', () => {
    assert.equal(stance('Russia blew up the pipeline', 'Peskov denied that Russia blew up the pipeline'), 'disputes');
    assert.equal(stance('Russia blew up the pipeline', 'The Kremlin called the report a lie'), 'disputes');
    assert.equal(stance('Armenian troops are in Karabakh', 'Armenia has no troops in Karabakh'), 'disputes');
  });

  test('Russian denials and negations: не, нет, опроверг, отверг, назвал … ложью', () => {
    assert.equal(stance('Russia blew up the pipeline', 'Песков опроверг эти сообщения'), 'disputes');
    assert.equal(stance('Russia blew up the pipeline', 'В Кремле назвали это ложью'), 'disputes');
    assert.equal(stance('Armenian troops are in Karabakh', 'Войск Армении в Карабахе нет'), 'disputes');
    assert.equal(stance('Russia blew up the pipeline', 'Россия отвергла обвинения'), 'disputes');
  });

  test('a sentence negated as the claim is agrees with it; a denial word disputes even a negated claim', () => {
    assert.equal(stance('Kazakhstan will not recognise the DPR', 'Казахстан не признает ДНР'), undefined);
    assert.equal(stance('Kazakhstan will not recognise the DPR', 'Peskov rejected reports that Kazakhstan would not recognise the DPR'), 'disputes');
  });

  test('hedges qualify: apparently, may, partly, якобы, возможно, частично; "not fully" narrows', () => {
    assert.equal(stance('The deal is over', 'The deal is apparently over'), 'qualifies');
    assert.equal(stance('The deal is over', 'Сделка якобы прекращена'), 'qualifies');
    assert.equal(stance('The deal is over', 'Сделка частично выполнена'), 'qualifies');
    assert.equal(stance('The terms were met', 'The terms were not fully met'), 'qualifies');
    assert.equal(stance('The deal is over', 'The deal ends in May'), undefined);
  });
});

describe('terms across languages', () => {
  const analyzer = new TermAnalyzer();
  const terms = (text: string, language: string) => analyzer.terms(text, language);

  test('stems and stop words by language; British and American spellings meet', () => {
    assert.deepEqual(terms('recognises', 'en'), terms('recognized', 'en'));
    assert.deepEqual(terms('the and of', 'en'), []);
    assert.deepEqual(terms('и в не', 'ru'), []);
  });

  test('a Russian name meets its Latin spelling, its case ending folded', () => {
    assert.deepEqual(terms('Пескова', 'ru'), terms('Peskov', 'en'));
    assert.deepEqual(terms('Токаеву', 'ru'), terms('Tokayev', 'en'));
  });

  test('the lexicon bridges the domain\'s words: признает and recognise, санкции and sanctions, нефть and oil', () => {
    assert.deepEqual(terms('признает', 'ru'), terms('recognise', 'en'));
    assert.deepEqual(terms('санкции', 'ru'), terms('sanctions', 'en'));
    assert.deepEqual(terms('нефти', 'ru'), terms('oil', 'en'));
  });

  test('numbers meet however grouped: 1,700, 1 700 and 1700; 2.5 and 2,5', () => {
    assert.equal(numberTerm('1,700'), '#1700');
    assert.equal(numberTerm('2,5'), '#2.5');
    assert.deepEqual(terms('1 700 вагонов', 'ru').slice(0, 1), ['#1700']);
  });
});

describe('new keys keep their negation', () => {
  test('"no such award had been planned" gives a key with no-', () => {
    assert.match(suggestClaimKey('The Kremlin said no such award had been planned'), /(^|-)no-award/);
    assert.equal(suggestClaimKey('Kazakhstan will not recognise the DPR'), 'kazakhstan-no-recognise-dpr');
  });
});

describe('ranking', () => {
  const ACTORS = {
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] }),
    'actors/peskov.md': actorNote({ name: 'Dmitry Peskov', aliases: ['Peskov'] }),
    'actors/kazakhstan.md': actorNote({ name: 'Kazakhstan', aliases: ['Kazakhstan'], kind: 'state' }),
    'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR'], kind: 'territory' }),
  };
  const note = (outlet: string, perspective: string, language: string, ...body: string[]) =>
    joinLines('---', `title: ${outlet}`, `outlet: ${outlet}`, `perspective: ${perspective}`, `language: ${language}`, '---', ...body);

  function ranked(files: Record<string, string>) {
    const workspace = workspaceOf({ ...ACTORS, ...files });
    const claimNote = workspace.getNote(uriOf('articles/claim.md'))!;
    const finder = new CounterSourceFinder();
    const query = finder.claimQuery(workspace, claimNote, claimNote.claims[0]);
    const pool = finder.pool(workspace, query, { exclude: (n) => n.uri === claimNote.uri || n.article?.outlet === claimNote.article?.outlet });
    return { workspace, ranking: finder.rank(finder.candidates(workspace, query, pool)!).map((c) => ({ ...c, text: c.note.text.slice(c.sentence.span.start, c.sentence.span.end) })) };
  }

  test('a Russian sentence naming the claim\'s actors in Cyrillic outranks unrelated English ones; no hard filter on actors', () => {
    const { ranking } = ranked({
      'articles/claim.md': note('Kyiv Independent', 'ukrainian', 'en', '[Kazakhstan will not recognise the DPR, Tokayev said]{claim=k}.'),
      'articles/ru.md': note('РИА Новости', 'russian-state', 'ru', 'Погода была тёплой. Токаев заявил, что Казахстан не признает ДНР.'),
      'articles/en.md': note('Reuters', 'western', 'en', 'Grain prices rose in Kazakhstan. The parliament will recognise new holidays.'),
    });
    assert.equal(ranking[0].text, 'Токаев заявил, что Казахстан не признает ДНР.');
    assert.ok(ranking.some((c) => c.text.startsWith('The parliament will recognise')), 'a sentence without the claim\'s actors is still a candidate');
  });

  test('never a heading, a question, or the claim\'s own outlet; a headline and the sentence after it are two', () => {
    const { ranking } = ranked({
      'articles/claim.md': note('Kyiv Independent', 'ukrainian', 'en', '[Kazakhstan will not recognise the DPR]{claim=k}.'),
      'articles/same.md': note('Kyiv Independent', 'ukrainian', 'en', 'Kazakhstan will not recognise the DPR, it said again.'),
      'articles/other.md': note('TASS', 'russian-state', 'en',
        '# Kazakhstan will not recognise the DPR', '', 'Will Kazakhstan recognise the DPR?', '', 'Kazakhstan rejects the DPR', 'Tokayev said Kazakhstan will not recognise the DPR.'),
    });
    const texts = ranking.map((c) => c.text);
    assert.ok(!texts.includes('Kazakhstan will not recognise the DPR'), 'no heading');
    assert.ok(!texts.some((t) => t.endsWith('?')), 'no question');
    assert.ok(!texts.some((t) => t.includes('it said again')), 'not the own outlet');
    assert.ok(texts.includes('Kazakhstan rejects the DPR') && texts.includes('Tokayev said Kazakhstan will not recognise the DPR.'), texts.join(' | '));
  });

  test('the speaker of a denial is the actor next to the verb of saying', () => {
    const { workspace, ranking } = ranked({
      'articles/claim.md': note('Kyiv Independent', 'ukrainian', 'en', '[Kazakhstan will recognise the DPR]{claim=k}.'),
      'articles/other.md': note('TASS', 'russian-state', 'en', 'Kazakhstan will not recognise the DPR, Peskov said.'),
    });
    assert.equal(ranking[0].stance, 'disputes');
    assert.equal(speakerOf(workspace, ranking[0].sentence), 'peskov');
  });

  test('the baseline ranks by plain words only', () => {
    const { ranking } = ranked({
      'articles/claim.md': note('Kyiv Independent', 'ukrainian', 'en', '[Kazakhstan will not recognise the DPR]{claim=k}.'),
      'articles/ru.md': note('РИА Новости', 'russian-state', 'ru', 'Казахстан не признает ДНР.'),
    });
    assert.equal(ranking[0].baseline, 0, 'plain BM25 cannot read the Russian sentence');
    assert.ok(ranking[0].score > 0);
  });

  test('key suggestion: the workspace\'s key most like a sentence comes first, whatever its language', () => {
    const workspace = workspaceOf({
      ...ACTORS,
      'articles/a.md': note('Kyiv Independent', 'ukrainian', 'en', '[Kazakhstan will not recognise the DPR]{claim=no-recognition}. [Grain prices rose sharply]{claim=grain-prices}.'),
      'articles/ru.md': note('РИА Новости', 'russian-state', 'ru', 'Токаев заявил, что Казахстан не признает ДНР.'),
    });
    const finder = new CounterSourceFinder();
    const ru = workspace.getNote(uriOf('articles/ru.md'))!;
    const query = finder.spanQuery(workspace, ru, ru.claims[0]?.textSpan ?? { start: ru.text.indexOf('Токаев'), end: ru.text.length });
    assert.deepEqual(finder.rankKeys(workspace, query, () => false)!.map((k) => k.key), ['no-recognition', 'grain-prices']);
  });
});
