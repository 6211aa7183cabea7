// Actors across scripts: Cyrillic names found by Latin aliases (transliteration, case folding, the lexicon), with
// nothing new found where there is no Cyrillic.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caseBases, crossScriptKeys, romanize, romanizeAcronym, skeletons } from '../../server/src/syntax/transliteration';
import { CrossScriptMatcher } from '../../server/src/model/crossScriptAliases';
import { defaultConfig } from '../../server/src/model/config';
import { createWorkspace } from '../../server/src/rules/registry';
import { actorNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';

const ACTORS = {
  'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Kassym-Jomart Tokayev'] }),
  'actors/kazakhstan.md': actorNote({ name: 'Kazakhstan', aliases: ['Kazakhstan', 'Nur-Sultan'], kind: 'state' }),
  'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR', 'Donetsk'], kind: 'territory' }),
  'actors/lpr.md': actorNote({ name: "Luhansk People's Republic", aliases: ['LPR', 'LNR'], kind: 'territory' }),
  'actors/spief.md': actorNote({ name: 'St. Petersburg International Economic Forum', aliases: ['St. Petersburg forum'], kind: 'organization' }),
  'actors/russia.md': actorNote({ name: 'Russia', aliases: ['Russian Federation'], kind: 'state' }),
  'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }),
  'actors/peskov.md': actorNote({ name: 'Dmitry Peskov', aliases: ['Peskov'] }),
};

function russianArticle(...body: string[]): string {
  return joinLines('---', 'title: Заявление', 'outlet: ТАСС', 'perspective: russian-state', 'language: ru', '---', ...body);
}

function mentions(body: string): [string, string][] {
  const workspace = workspaceOf({ ...ACTORS, 'articles/ru.md': russianArticle(body) });
  const note = workspace.getNote(uriOf('articles/ru.md'))!;
  return workspace.mentionsIn(note.uri).map((m) => [m.actorId, textOf(note.text, m.span)]);
}

describe('transliteration and case folding', () => {
  test('iuliia romanises as English-language news spells Russian names', () => {
    assert.equal(romanize('Токаев'), 'Tokayev');
    assert.equal(romanize('Песков'), 'Peskov');
    assert.equal(romanizeAcronym('ДНР'), 'DNR');
  });

  test('case endings fold to the nominative: genitive, dative, instrumental, prepositional', () => {
    for (const form of ['Токаева', 'Токаеву', 'Токаевым', 'Токаеве']) assert.ok(caseBases(form).includes('токаев'), form);
    assert.ok(caseBases('Казахстане').includes('казахстан'));
    assert.ok(caseBases('Кремля').includes('кремль'));
    assert.ok(caseBases('Захаровой').includes('захарова'));
  });

  test('a short word keeps its ending: a stem has four letters at least', () => {
    assert.deepEqual(caseBases('Нура'), ['нура']);
  });

  test('an inflected Cyrillic name meets every Latin spelling of it', () => {
    const latin = new Set([...skeletons('Tokayev'), ...skeletons('Tokaev')]);
    assert.ok(crossScriptKeys('Токаевым').some((key) => latin.has(key)));
  });
});

describe('Cyrillic mentions in a note', () => {
  test('Токаев, Токаева, Казахстан, Казахстана, ДНР, ЛНР and ПМЭФ resolve to the Latin actors', () => {
    assert.deepEqual(mentions('Токаев заявил на ПМЭФ, что Казахстан не признает ДНР и ЛНР. Позиция Токаева и Казахстана.'), [
      ['tokayev', 'Токаев'], ['spief', 'ПМЭФ'], ['kazakhstan', 'Казахстан'], ['dpr', 'ДНР'], ['lpr', 'ЛНР'], ['tokayev', 'Токаева'], ['kazakhstan', 'Казахстана'],
    ]);
  });

  test('names English translates come from the lexicon: Россия, России; a name of two words is one mention', () => {
    assert.deepEqual(mentions('России и Владимиру Путину.'), [['russia', 'России'], ['putin', 'Владимиру Путину']]);
  });

  test('a full name over a hyphen and a blank is one mention', () => {
    assert.deepEqual(mentions('Касым-Жомарт Токаев приехал.'), [['tokayev', 'Касым-Жомарт Токаев']]);
  });

  test('precision: lower-case words, a name one letter away, a short stem and an acronym of other letters are not mentions', () => {
    assert.deepEqual(mentions('путин, токаев, Токарев, Путь, Песок, ДМР и Казах.'), []);
  });

  test('hover, references and definition see them: the note is among the actor\'s notes', () => {
    const workspace = workspaceOf({ ...ACTORS, 'articles/ru.md': russianArticle('Пресс-секретарь Пескова ответил.') });
    assert.deepEqual(workspace.mentionsOf('peskov').map((m) => m.uri), [uriOf('articles/ru.md')]);
  });
});

describe('the matcher on its own', () => {
  test('an acronym matches only an alias in capitals, letter for letter', () => {
    const matcher = new CrossScriptMatcher();
    matcher.add('dpr', 'DNR');
    matcher.add('dnepr', 'Dnr');
    assert.equal(matcher.match(['ДНР'])?.actorId, 'dpr');
    assert.equal(matcher.match(['ДНРы']), undefined);
  });
});

describe('precision on the samples', () => {
  test('the samples\' mentions are those an exact alias match finds: no Cyrillic word, no new mention', () => {
    const root = path.resolve(__dirname, '../../../samples');
    const workspace = createWorkspace([`file://${root}`], { ...defaultConfig(), articleFolders: ['articles'], actorFolders: ['actors'] });
    const files = (folder: string) => fs.readdirSync(path.join(root, folder)).filter((f) => f.endsWith('.md')).map((f) => path.join(root, folder, f));
    workspace.batch(() => {
      for (const file of [...files('actors'), ...files('articles')]) workspace.upsert(`file://${file}`, fs.readFileSync(file, 'utf8'));
    });
    let latin = 0;
    for (const note of workspace.notes()) {
      if (/[\u0400-\u04ff]/.test(note.text)) continue;
      for (const mention of workspace.mentionsIn(note.uri)) {
        if (mention.kind !== 'bare') continue;
        latin++;
        const written = textOf(note.text, mention.span).toLowerCase().replace(/\s+/g, ' ');
        const actor = workspace.actor(mention.actorId)!;
        const names = [actor.meta.name ?? '', ...actor.meta.aliases.map((a) => a.value)].map((n) => n.toLowerCase().replace(/\s+/g, ' '));
        assert.ok(names.includes(written), `${note.path}: «${written}» is not an alias of ${actor.id} as written`);
      }
    }
    assert.ok(latin > 100, `only ${latin} bare mentions found in the Latin-script samples`);
  });
});
