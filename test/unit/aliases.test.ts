// aliases.ts: bare aliases in prose, as the workspace finds them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasMatcher } from '../../server/src/model/aliases';
import { type Workspace } from '../../server/src/model/workspace';
import { actorNote, articleNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';

const ACTORS = {
  'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Токаев'] }),
  'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'] }),
  'actors/russia.md': actorNote({ name: 'Russia', aliases: ['Russian Federation', 'RF'], kind: 'state' }),
  'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR'], kind: 'territory' }),
  'actors/us.md': actorNote({ name: 'United States', aliases: ['US'], kind: 'state' }),
};

function workspaceWith(body: string, config = {}): Workspace {
  return workspaceOf({ ...ACTORS, 'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, body) }, config);
}

/** The bare mentions in the article: actor id and the words as written. */
function bare(body: string, config = {}): [string, string][] {
  const workspace = workspaceWith(body, config);
  const note = workspace.getNote(uriOf('articles/a.md'))!;
  return workspace.mentionsIn(note.uri).filter((m) => m.kind === 'bare').map((m) => [m.actorId, textOf(note.text, m.span)]);
}

describe('whole words only', () => {
  test('an alias inside a longer word is not a mention', () => {
    assert.deepEqual(bare('Tokayevich and Putinism and Russians and DPRK.'), []);
  });

  test('a possessive is a mention of the alias, without the apostrophe', () => {
    assert.deepEqual(bare("Tokayev's speech and Putin’s face."), [['tokayev', 'Tokayev'], ['putin', 'Putin']]);
  });

  test('punctuation and quotes around an alias', () => {
    assert.deepEqual(bare('"Tokayev", (Putin) and «Токаев».'), [['tokayev', 'Tokayev'], ['putin', 'Putin'], ['tokayev', 'Токаев']]);
  });

  test('a Cyrillic alias in an inflected form is a mention of it: its case ending is folded (crossScriptAliases.ts)', () => {
    assert.deepEqual(bare('Токаева и Токаеву.'), [['tokayev', 'Токаева'], ['tokayev', 'Токаеву']]);
  });

  test('a combining mark belongs to the word it is on', () => {
    assert.deepEqual(bare('Putin\u0301 is not Putin.'), [['putin', 'Putin']]);
  });
});

describe('case', () => {
  test('acronyms match only in capitals', () => {
    assert.deepEqual(bare('The DPR, the dpr, the Dpr.'), [['dpr', 'DPR']]);
    assert.deepEqual(bare('Tell us about the US.'), [['us', 'US']]);
  });

  test('other aliases match whatever the case, as sources write "russia" and "putin"', () => {
    assert.deepEqual(bare('russia and putin and RUSSIA.'), [['russia', 'russia'], ['putin', 'putin'], ['russia', 'RUSSIA']]);
  });
});

describe('multi-word aliases', () => {
  test('across a line break, but not across a full stop', () => {
    const body = joinLines('President Kassym-Jomart', 'Tokayev spoke. Then Kassym-Jomart. Tokayev left.');
    assert.deepEqual(bare(body), [
      ['tokayev', 'Kassym-Jomart\nTokayev'],
      ['tokayev', 'Tokayev'],
    ]);
  });

  test('any dash for a hyphen: en dash, non-breaking hyphen, minus', () => {
    assert.deepEqual(bare('Kassym–Jomart Tokayev, Kassym\u2011Jomart Tokayev and Kassym\u2212Jomart Tokayev.').map(([, t]) => t), [
      'Kassym–Jomart Tokayev', 'Kassym\u2011Jomart Tokayev', 'Kassym\u2212Jomart Tokayev',
    ]);
  });

  test('a hyphen is not a space: "Kassym Jomart Tokayev" is only Tokayev', () => {
    assert.deepEqual(bare('Kassym Jomart Tokayev'), [['tokayev', 'Tokayev']]);
  });

  test('the longest alias wins: one mention, not two', () => {
    assert.deepEqual(bare('Kassym-Jomart Tokayev met Vladimir Putin in the Russian Federation.'), [
      ['tokayev', 'Kassym-Jomart Tokayev'],
      ['putin', 'Vladimir Putin'],
      ['russia', 'Russian Federation'],
    ]);
  });

  test('a run of blanks between words matches one space', () => {
    assert.deepEqual(bare('Vladimir    Putin'), [['putin', 'Vladimir    Putin']]);
  });
});

describe('where aliases are not looked for', () => {
  test('never in code, URLs, link destinations, wiki links, attribute blocks or comments', () => {
    const body = joinLines(
      '`Tokayev` and ``Putin`` in code; https://akorda.kz/Tokayev; <https://kremlin.ru/Putin>',
      '[the speech](https://akorda.kz/Tokayev/Putin) [[tokayev|Tokayev]] [X]{claim=k by=Putin} <!-- Tokayev -->',
      '',
      '```',
      'Putin and Tokayev',
      '```',
    );
    assert.deepEqual(bare(body), []);
  });

  test('never in the frontmatter', () => {
    const workspace = workspaceOf({
      ...ACTORS,
      'articles/a.md': joinLines('---', 'title: Tokayev distances himself from Putin', 'outlet: Channel 24', 'perspective: ukrainian', '---', 'Body.'),
    });
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/a.md')), []);
  });

  test('link text and claim text are prose', () => {
    assert.deepEqual(bare('[Tokayev spoke](https://x.kz) and [Putin listened]{claim=k}'), [['tokayev', 'Tokayev'], ['putin', 'Putin']]);
  });

  test('a wiki link is one mention of its kind, not also a bare one', () => {
    const workspace = workspaceWith('[[tokayev|Tokayev]] and [X]{claim=k by=Putin}');
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    assert.deepEqual(workspace.mentionsIn(note.uri).map((m) => [m.kind, m.actorId, textOf(note.text, m.span)]), [
      ['wikilink', 'tokayev', 'tokayev'],
      ['by', 'putin', 'Putin'],
    ]);
  });

  test('bareAliases disabled in the configuration: no bare mentions, wiki links still count', () => {
    const workspace = workspaceWith('Tokayev and [[putin]]', { bareAliases: false });
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/a.md')).map((m) => [m.kind, m.actorId]), [['wikilink', 'putin']]);
  });

  test('the actor id alone is not a bare alias', () => {
    const workspace = workspaceOf({
      'actors/kjt.md': actorNote({ name: 'Kassym-Jomart Tokayev' }),
      'articles/a.md': articleNote({ outlet: 'O', perspective: 'western' }, 'The kjt acronym is not prose about him.'),
    });
    assert.deepEqual(workspace.mentionsIn(uriOf('articles/a.md')), []);
  });
});

describe('ranges', () => {
  test('spans are exact after non-ASCII text and across CRLF and lone CR', () => {
    const body = 'Привет 👍🏽 e\u0301.\r\nСказал Токаев.\rThen Kassym-Jomart\r\nTokayev.';
    const workspace = workspaceWith(body);
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    const ranges = workspace.mentionsIn(note.uri).map((m) => [textOf(note.text, m.span), note.lines.rangeOf(m.span)]);
    // The article's frontmatter takes lines 0-6: the body starts on line 7.
    assert.deepEqual(ranges, [
      ['Токаев', { start: { line: 8, character: 7 }, end: { line: 8, character: 13 } }],
      ['Kassym-Jomart\r\nTokayev', { start: { line: 9, character: 5 }, end: { line: 10, character: 7 } }],
    ]);
  });

  test('NFC-changing text before an alias keeps offsets exact', () => {
    // A decomposed é in the same paragraph: the matcher must not use offsets of the composed text.
    const text = 'Cafe\u0301 talk: Tokayev.';
    const matcher = new AliasMatcher();
    matcher.add('tokayev', 'Tokayev');
    const [mention] = matcher.scan(text, [{ start: 0, end: text.length }]);
    assert.equal(textOf(text, mention.span), 'Tokayev');
  });
});

describe('AliasMatcher', () => {
  test('two actors sharing an alias: the first added wins, the match is reported once', () => {
    const matcher = new AliasMatcher();
    matcher.add('kazakhstan', 'Astana');
    matcher.add('astana-city', 'Astana');
    const mentions = matcher.scan('In Astana.', [{ start: 0, end: 10 }]);
    assert.deepEqual(mentions.map((m) => [m.actorId, m.alias]), [['kazakhstan', 'Astana']]);
  });

  test('only the regions given are scanned', () => {
    const matcher = new AliasMatcher();
    matcher.add('putin', 'Putin');
    const text = 'Putin | Putin | Putin';
    assert.deepEqual(matcher.scan(text, [{ start: 8, end: 13 }]).map((m) => m.span), [{ start: 8, end: 13 }]);
  });

  test('an alias without letters or digits is ignored', () => {
    const matcher = new AliasMatcher();
    matcher.add('x', '—');
    assert.equal(matcher.isEmpty, true);
  });
});
