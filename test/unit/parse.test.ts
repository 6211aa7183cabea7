// markdown.ts: wiki links, claim spans, headings, what is excluded from prose, and exact ranges.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBody, type MarkdownBody } from '../../server/src/syntax/markdown';
import { LineMap } from '../../server/src/syntax/text';
import { articleNote, joinLines, textOf, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

function parse(text: string): MarkdownBody {
  return parseBody(text, 0);
}

/** The prose of a body as the text it covers, joined: what bare aliases are looked for in. */
function proseText(text: string, body: MarkdownBody): string {
  return body.prose.map((span) => textOf(text, span)).join('');
}

function linkTargets(body: MarkdownBody): string[] {
  return body.wikiLinks.map((link) => link.target);
}

function claimKeys(body: MarkdownBody): (string | undefined)[] {
  return body.claims.map((claim) => claim.key);
}

describe('wiki links', () => {
  test('a plain link: target and spans', () => {
    const text = 'At the forum [[tokayev]] spoke.';
    const [link] = parse(text).wikiLinks;
    assert.equal(link.target, 'tokayev');
    assert.equal(textOf(text, link.span), '[[tokayev]]');
    assert.equal(textOf(text, link.targetSpan), 'tokayev');
    assert.equal(link.label, undefined);
    assert.equal(link.labelSpan, undefined);
  });

  test('a labelled link: the label and its span', () => {
    const text = 'Then [[tokayev|Kassym-Jomart Tokayev]] said';
    const [link] = parse(text).wikiLinks;
    assert.equal(link.target, 'tokayev');
    assert.equal(link.label, 'Kassym-Jomart Tokayev');
    assert.equal(textOf(text, link.labelSpan!), 'Kassym-Jomart Tokayev');
    assert.equal(textOf(text, link.span), '[[tokayev|Kassym-Jomart Tokayev]]');
  });

  test('a #heading part is not part of the target', () => {
    const text = 'See [[spief#Plenary session|the plenary]] and [[tass#Background]].';
    const links = parse(text).wikiLinks;
    assert.deepEqual(linkTargets(parse(text)), ['spief', 'tass']);
    assert.equal(textOf(text, links[0].targetSpan), 'spief');
    assert.equal(links[0].label, 'the plenary');
    assert.equal(textOf(text, links[1].span), '[[tass#Background]]');
    assert.equal(links[1].label, undefined);
  });

  test('blanks around the target and label are trimmed from their spans', () => {
    const text = '[[  tokayev  |  Tokaev ]]';
    const [link] = parse(text).wikiLinks;
    assert.equal(link.target, 'tokayev');
    assert.equal(textOf(text, link.targetSpan), 'tokayev');
    assert.equal(textOf(text, link.labelSpan!), 'Tokaev');
  });

  test('empty links, links across lines and links with brackets inside are not links', () => {
    assert.deepEqual(linkTargets(parse('[[]] and [[ ]] and [[|label]]')), []);
    assert.deepEqual(linkTargets(parse('[[toka\nyev]]')), []);
    assert.deepEqual(linkTargets(parse('[[a [b] c]]')), []);
  });

  test('several links on a line, each with its own span', () => {
    const text = '[[putin]] met [[tokayev|Tokaev]], not [[lukashenko]].';
    const body = parse(text);
    assert.deepEqual(body.wikiLinks.map((l) => textOf(text, l.span)), ['[[putin]]', '[[tokayev|Tokaev]]', '[[lukashenko]]']);
  });
});

describe('claim spans', () => {
  test('claim, by and stance: values and the spans they are written at', () => {
    const text = 'Tokayev said [Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.';
    const body = parse(text);
    assert.equal(body.claims.length, 1);
    const claim = body.claims[0];
    assert.equal(claim.key, 'no-recognition');
    assert.equal(claim.by, 'tokayev');
    assert.equal(claim.stance, 'reports');
    assert.equal(claim.valid, true);
    assert.equal(claim.singleSource, false);
    assert.equal(claim.counter, undefined);
    assert.equal(textOf(text, claim.span), '[Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}');
    assert.equal(textOf(text, claim.textSpan), 'Kazakhstan does not recognise the DPR');
    assert.equal(textOf(text, claim.attributesSpan), '{claim=no-recognition by=tokayev stance=reports}');
    assert.equal(textOf(text, claim.keySpan!), 'no-recognition');
    assert.equal(textOf(text, claim.bySpan!), 'tokayev');
    assert.equal(textOf(text, claim.stanceSpan!), 'reports');
    assert.deepEqual(claim.attributes.map((a) => [a.name, a.value, textOf(text, a.span), textOf(text, a.nameSpan), textOf(text, a.valueSpan)]), [
      ['claim', 'no-recognition', 'claim=no-recognition', 'claim', 'no-recognition'],
      ['by', 'tokayev', 'by=tokayev', 'by', 'tokayev'],
      ['stance', 'reports', 'stance=reports', 'stance', 'reports'],
    ]);
    assert.deepEqual(body.diagnostics, []);
  });

  test('the stance defaults to asserts', () => {
    const [claim] = parse('[Putin is losing allies]{claim=putin-losing-allies}').claims;
    assert.equal(claim.stance, 'asserts');
    assert.equal(claim.stanceSpan, undefined);
  });

  test('counter= keeps the URL; .single-source is a class that marks the claim', () => {
    const text = '[A]{claim=a counter=https://tass.com/politics/1468811} [B]{claim=b .single-source} [C]{.single-source claim=c .other}';
    const body = parse(text);
    assert.deepEqual(claimKeys(body), ['a', 'b', 'c']);
    assert.equal(body.claims[0].counter, 'https://tass.com/politics/1468811');
    assert.deepEqual(body.claims.map((c) => c.singleSource), [false, true, true]);
    assert.deepEqual(body.claims[2].classes, ['single-source', 'other']);
    assert.deepEqual(body.diagnostics, []);
  });

  test('quoted values: the value span excludes the quotes, the value may hold blanks', () => {
    const text = `[X]{claim="no-recognition" by='Kassym-Jomart Tokayev' stance="disputes"}`;
    const [claim] = parse(text).claims;
    assert.equal(claim.key, 'no-recognition');
    assert.equal(textOf(text, claim.keySpan!), 'no-recognition');
    assert.equal(claim.by, 'Kassym-Jomart Tokayev');
    assert.equal(textOf(text, claim.bySpan!), 'Kassym-Jomart Tokayev');
    assert.equal(claim.stance, 'disputes');
    assert.equal(textOf(text, claim.attributes[1].span), `by='Kassym-Jomart Tokayev'`);
  });

  test('claim text may contain a wiki link: [[[tokayev]] said X]{claim=k}', () => {
    const text = '[[[tokayev]] said Kazakhstan will not recognise the DPR]{claim=k by=tokayev}';
    const body = parse(text);
    assert.deepEqual(linkTargets(body), ['tokayev']);
    assert.equal(textOf(text, body.wikiLinks[0].span), '[[tokayev]]');
    assert.equal(body.claims.length, 1);
    assert.equal(textOf(text, body.claims[0].textSpan), '[[tokayev]] said Kazakhstan will not recognise the DPR');
    assert.equal(body.claims[0].span.start, 0);
    assert.equal(body.claims[0].key, 'k');
  });

  test('a labelled wiki link and brackets inside the claim text', () => {
    const text = 'So [the [[tokayev|President]] rejected [sic] it]{claim=rejected}.';
    const body = parse(text);
    assert.equal(body.claims.length, 1);
    assert.equal(textOf(text, body.claims[0].textSpan), 'the [[tokayev|President]] rejected [sic] it');
    assert.deepEqual(linkTargets(body), ['tokayev']);
  });

  test('nested claims: both are found, each with its own text', () => {
    const text = '[Tokayev said [the DPR is not recognised]{claim=inner}]{claim=outer}';
    const body = parse(text);
    assert.deepEqual(body.claims.map((c) => [c.key, textOf(text, c.textSpan)]), [
      ['inner', 'the DPR is not recognised'],
      ['outer', 'Tokayev said [the DPR is not recognised]{claim=inner}'],
    ]);
  });

  test('a claim spanning a line break inside its paragraph', () => {
    const text = 'He said [Kazakhstan will\nnot recognise the DPR]{claim=k}.';
    const [claim] = parse(text).claims;
    assert.equal(textOf(text, claim.textSpan), 'Kazakhstan will\nnot recognise the DPR');
  });

  test('Pandoc spans that are not claims are ignored: no claim, no diagnostic', () => {
    const text = '[Small caps]{.smallcaps} and [Bonjour]{lang=fr} and [anchor]{#here} and [x]{.underline key=value}';
    const body = parse(text);
    assert.deepEqual(body.claims, []);
    assert.deepEqual(body.diagnostics, []);
  });

  test('an unclosed quote in the first attribute still makes a claim, an invalid one', () => {
    const text = '[X]{claim="k by=tokayev}';
    const body = parse(text);
    assert.equal(body.claims.length, 1);
    assert.equal(body.claims[0].valid, false);
    assert.deepEqual(body.diagnostics.map((d) => [d.code, textOf(text, d.span)]), [['claim.malformed', 'claim="k by=tokayev']]);
  });

  test('a Pandoc span left open does not swallow the claim after it', () => {
    const text = '[x]{lang=fr and then [Tokayev spoke]{claim=k}';
    const body = parse(text);
    assert.deepEqual(body.claims.map((c) => [c.key, textOf(text, c.textSpan)]), [['k', 'Tokayev spoke']]);
    assert.deepEqual(body.diagnostics, []);
  });

  test('a claim block left open before the next one opens is malformed to the line end', () => {
    const text = 'A [X]{claim=a [Y]{claim=b}\n[Z]{claim=c}';
    const body = parse(text);
    assert.deepEqual(body.diagnostics.map((d) => [d.code, textOf(text, d.span)]), [['claim.malformed', '[X]{claim=a [Y]{claim=b}']]);
    assert.deepEqual(claimKeys(body), ['c'], 'the next line is parsed again');
  });

  test('attributes may continue on the next line of the paragraph', () => {
    const text = '[X]{claim=k\nby=tokayev}';
    const [claim] = parse(text).claims;
    assert.equal(claim.key, 'k');
    assert.equal(claim.by, 'tokayev');
  });

  test('a claim does not reach across a blank line into the next paragraph', () => {
    const text = '[Kazakhstan does not\n\nrecognise]{claim=k}';
    assert.deepEqual(parse(text).claims, []);
  });

  test('an escaped bracket does not open a claim or a link', () => {
    const body = parse('\\[not a claim]{claim=k} and \\[[tokayev]]');
    assert.deepEqual(body.claims, []);
    assert.deepEqual(body.wikiLinks, []);
  });
});

describe('headings', () => {
  test('ATX headings: level, text without the closing hashes, spans', () => {
    const text = joinLines('# Tokayev distances himself', '', '## The words of a serious leader ##', '', '### C# and F#', '####### not a heading', '#hashtag');
    const headings = parse(text).headings;
    assert.deepEqual(headings.map((h) => [h.level, h.text, textOf(text, h.textSpan)]), [
      [1, 'Tokayev distances himself', 'Tokayev distances himself'],
      [2, 'The words of a serious leader', 'The words of a serious leader'],
      [3, 'C# and F#', 'C# and F#'],
    ]);
    assert.equal(textOf(text, headings[1].span), '## The words of a serious leader ##');
  });

  test('setext headings: = is level 1, - is level 2; the underline is not text', () => {
    const text = joinLines('Tokayev at SPIEF', '================', '', 'The forum', '---', '', 'A paragraph.');
    const body = parse(text);
    assert.deepEqual(body.headings.map((h) => [h.level, h.text]), [[1, 'Tokayev at SPIEF'], [2, 'The forum']]);
    assert.equal(textOf(text, body.headings[0].span), 'Tokayev at SPIEF\n================');
    assert.ok(!proseText(text, body).includes('==='), 'the underline is excluded from prose');
  });

  test('claims and links inside a heading are parsed', () => {
    const text = '## [[tokayev]] says [no to the DPR]{claim=k}';
    const body = parse(text);
    assert.deepEqual(linkTargets(body), ['tokayev']);
    assert.deepEqual(claimKeys(body), ['k']);
  });

  test('paragraphs and heading texts are the blocks', () => {
    const text = joinLines('# Title', '', 'First paragraph', 'still first.', '', 'Second.  ');
    assert.deepEqual(parse(text).blocks.map((b) => textOf(text, b)), ['Title', 'First paragraph\nstill first.', 'Second.']);
  });
});

describe('exclusions: nothing inside them is a mention or a claim', () => {
  const inside = '[[tokayev]] [X]{claim=hidden}';

  function assertExcluded(text: string, hidden: string) {
    const body = parse(text);
    assert.deepEqual(linkTargets(body), ['outside'], `only the link outside: ${JSON.stringify(text)}`);
    assert.deepEqual(claimKeys(body), ['visible'], `only the claim outside: ${JSON.stringify(text)}`);
    assert.ok(!proseText(text, body).includes(hidden), `${JSON.stringify(hidden)} is not prose`);
  }

  test('code spans, single and double backticks', () => {
    assertExcluded(`Code \`${inside}\` then [[outside]] [Y]{claim=visible}`, 'tokayev');
    assertExcluded(`Code \`\` a \` ${inside} \`\` then [[outside]] [Y]{claim=visible}`, 'tokayev');
  });

  test('a backtick run closes only on a run of the same length', () => {
    const text = '``open ` still code [[tokayev]]`` and [[outside]] [Y]{claim=visible}';
    assertExcluded(text, 'tokayev');
  });

  test('an unmatched backtick is literal: what follows is still parsed', () => {
    const body = parse('A lone ` backtick and [[tokayev]].');
    assert.deepEqual(linkTargets(body), ['tokayev']);
  });

  test('fenced code blocks with ``` and ~~~, closed by a fence at least as long', () => {
    const text = joinLines(
      '```markdown', inside, '```',
      '~~~~', inside, '~~~', 'still fenced Tokayev', '~~~~',
      '', '[[outside]] [Y]{claim=visible}',
    );
    assertExcluded(text, 'tokayev');
    assert.ok(!proseText(text, parse(text)).includes('Tokayev'));
  });

  test('an unclosed fence runs to the end of the note', () => {
    const text = joinLines('[[outside]] [Y]{claim=visible}', '', '```', inside);
    assertExcluded(text, 'tokayev');
  });

  test('HTML comments, inline and over several lines', () => {
    assertExcluded(`Before <!-- ${inside} --> after [[outside]] [Y]{claim=visible}`, 'tokayev');
    assertExcluded(joinLines('<!--', inside, 'Tokayev', '-->', '', '[[outside]] [Y]{claim=visible}'), 'tokayev');
    assertExcluded(joinLines('[[outside]] [Y]{claim=visible} <!-- a comment', `over ${inside}`, 'lines -->'), 'tokayev');
  });

  test('bare URLs, with the trailing full stop left out', () => {
    const text = 'See https://example.com/[[tokayev]]/Tokayev and www.example.org/Tokayev. [[outside]] [Y]{claim=visible}';
    assertExcluded(text, 'Tokayev');
    assert.ok(proseText(text, parse(text)).startsWith('See  and . '), 'the full stop after the second URL is prose');
  });

  test('autolinks in angle brackets', () => {
    assertExcluded('See <https://example.com/Tokayev> and <mailto:tokayev@example.kz> [[outside]] [Y]{claim=visible}', 'okayev');
  });

  test('link destinations [t](url) are excluded, the link text is prose', () => {
    const text = 'Read [the Tokayev speech](https://akorda.kz/[[tokayev]]/Putin) [[outside]] [Y]{claim=visible}';
    assertExcluded(text, 'Putin');
    assert.ok(proseText(text, parse(text)).includes('the Tokayev speech'));
  });

  test('attribute blocks and wiki links are not prose; claim text is', () => {
    const text = '[Tokayev spoke]{claim=k by=Putin} with [[Lukashenko]]';
    const prose = proseText(text, parse(text));
    assert.ok(prose.includes('Tokayev spoke'));
    assert.ok(!prose.includes('Putin'));
    assert.ok(!prose.includes('Lukashenko'));
  });

  test('a code span after a URL that holds backticks is still code', () => {
    // The URL swallows the first pair of backticks; the second pair must still hide the link.
    const text = 'See http://example.com/`x` and `[[tokayev]]` here, [[outside]] [Y]{claim=visible}';
    assertExcluded(text, 'tokayev');
  });
});

describe('ranges are exact with non-ASCII text and any line ends', () => {
  // Each line puts Cyrillic, an emoji with a skin-tone modifier (two surrogate pairs) and a
  // decomposed é (e + combining acute) before the annotations.
  const prefix = 'Токаев 👍🏽 e\u0301 '; // 7 + 4 + 1 + 2 + 1 = 15 UTF-16 units
  const line = `${prefix}[[tokayev|Тока́ев]] [Казахстан не признаёт ДНР]{claim=no-recognition by=tokayev}`;

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['lone CR', '\r']] as const) {
    test(`${name} line ends`, () => {
      const text = ['First line.', '', line, line].join(eol);
      const body = parse(text);
      const lines = new LineMap(text);
      assert.equal(prefix.length, 15);
      assert.equal(body.wikiLinks.length, 2);
      assert.equal(body.claims.length, 2);
      for (const [index, lineNumber] of [[0, 2], [1, 3]]) {
        const link = body.wikiLinks[index];
        assert.deepEqual(lines.rangeOf(link.span), { start: { line: lineNumber, character: 15 }, end: { line: lineNumber, character: 34 } });
        assert.deepEqual(lines.rangeOf(link.labelSpan!), { start: { line: lineNumber, character: 25 }, end: { line: lineNumber, character: 32 } });
        assert.equal(textOf(text, link.labelSpan!), 'Тока́ев');
        const claim = body.claims[index];
        // "[[tokayev|Тока́ев]] " is 20 units: the claim opens at 35.
        assert.deepEqual(lines.rangeOf(claim.span).start, { line: lineNumber, character: 35 });
        // `[` + 25 units of claim text + `]{claim=`: the key starts at 35 + 34 = 69.
        assert.deepEqual(lines.rangeOf(claim.keySpan!), { start: { line: lineNumber, character: 69 }, end: { line: lineNumber, character: 83 } });
        assert.equal(textOf(text, claim.keySpan!), 'no-recognition');
        assert.deepEqual(lines.rangeOf(claim.bySpan!), { start: { line: lineNumber, character: 87 }, end: { line: lineNumber, character: 94 } });
        assert.deepEqual(lines.rangeOf(claim.span).end, { line: lineNumber, character: 95 });
      }
    });
  }

  test('a heading after CRLF lines keeps its text without the \\r', () => {
    const text = 'Intro.\r\n\r\n## Тока́ев и ДНР ##\r\nBody.';
    const [heading] = parse(text).headings;
    assert.equal(heading.text, 'Тока́ев и ДНР');
    assert.deepEqual(new LineMap(text).rangeOf(heading.textSpan), { start: { line: 2, character: 3 }, end: { line: 2, character: 16 } });
  });

  test('through a whole note: diagnostics and mentions land on the right line and character', () => {
    const text = articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, 'Привет 😀.', `😀😀 [[nobody]] [X]{claim=k stance=maybe} [Y]{claim=j}`).replace(/\n/g, '\r\n');
    const workspace = workspaceOf({ 'articles/a.md': text });
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    const ranges = noteDiagnostics(workspace, note.uri).map((d) => [d.code, note.lines.rangeOf(d.span)]);
    assert.deepEqual(ranges, [
      // Frontmatter on lines 0-6, "Привет 😀." on line 7; two emoji (4 units) and a blank before the link.
      ['actor.unknown', { start: { line: 8, character: 7 }, end: { line: 8, character: 13 } }],
      ['claim.invalid-stance', { start: { line: 8, character: 35 }, end: { line: 8, character: 40 } }],
      ['claim.no-counter-source', { start: { line: 8, character: 52 }, end: { line: 8, character: 53 } }],
    ]);
  });
});
