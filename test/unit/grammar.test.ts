// Tests the TextMate injection grammar in syntaxes/counterpoint.injection.tmLanguage.json.
//
// VS Code runs TextMate regexes with Oniguruma; neither vscode-textmate nor
// vscode-oniguruma is installed here. The grammar therefore sticks to the syntax
// that Oniguruma and JavaScript RegExp read the same way (no \G, \A, \h, (?x),
// possessive or atomic groups, \g<name> calls), so JavaScript can run it
// faithfully. The first test enforces that; the rest run a tiny single-line
// TextMate tokenizer (match, begin/end, captures with patterns, L: injection
// priority) over sample lines and check the scopes that come out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

interface Capture {
  name?: string;
  patterns?: Rule[];
}
interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  contentName?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const ROOT = findRepoRoot(__dirname);
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'counterpoint.injection.tmLanguage.json');
const grammar = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;

/** The folder with package.json, whether this runs from test/unit or out/test/unit. */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    assert.notEqual(parent, dir, 'package.json not found above the test');
    dir = parent;
  }
  return dir;
}

// --- a minimal single-line TextMate tokenizer -------------------------------

type CharScopes = Set<string>[];

const regexCache = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source, 'dg');
    regexCache.set(source, re);
  }
  return re;
}

/** Expands includes; rules from other grammars (text.html.markdown#bold...) are left out. */
function resolve(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include === undefined) return [rule];
    if (rule.include === '$self') return resolve(grammar.patterns);
    if (!rule.include.startsWith('#')) return [];
    const target = grammar.repository[rule.include.slice(1)];
    assert.ok(target, `include ${rule.include} resolves`);
    return target.match || target.begin ? [target] : resolve(target.patterns ?? []);
  });
}

function mark(scopes: CharScopes, start: number, end: number, name: string | undefined): void {
  if (!name) return;
  for (let i = start; i < end; i++) for (const scope of name.split(' ')) scopes[i].add(scope);
}

function applyCaptures(
  text: string, m: RegExpExecArray, captures: Record<string, Capture> | undefined, scopes: CharScopes,
): void {
  for (const [index, capture] of Object.entries(captures ?? {})) {
    const span = m.indices?.[Number(index)];
    if (!span || span[0] === span[1]) continue;
    mark(scopes, span[0], span[1], capture.name);
    // Like vscode-textmate: retokenize the line cut off at the capture's end.
    if (capture.patterns) scan(text.slice(0, span[1]), span[0], resolve(capture.patterns), undefined, scopes, false);
  }
}

function execAt(source: string, text: string, pos: number): RegExpExecArray | null {
  const re = regex(source);
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * Scans text from pos with the given rules (plus the injection's own patterns when
 * `injected`, which win ties as L: injections do) until `end` matches. Returns the
 * span of the end match, or undefined when the line ran out first.
 */
function scan(
  text: string, pos: number, rules: Rule[], end: Rule | undefined, scopes: CharScopes, injected: boolean,
): [number, number] | undefined {
  const injections = injected ? resolve(grammar.patterns) : [];
  while (pos < text.length) {
    let best: { rule: Rule | 'end'; m: RegExpExecArray } | undefined;
    const consider = (rule: Rule | 'end', source: string | undefined): void => {
      const m = source === undefined ? null : execAt(source, text, pos);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    };
    for (const rule of injections) consider(rule, rule.match ?? rule.begin);
    if (end) consider('end', end.end);
    for (const rule of rules) consider(rule, rule.match ?? rule.begin);
    if (!best) return undefined;

    const { rule, m } = best;
    const matchEnd = m.index + m[0].length;
    if (rule === 'end') {
      applyCaptures(text, m, end!.endCaptures ?? end!.captures, scopes);
      return [m.index, matchEnd];
    }
    if (rule.match !== undefined) {
      mark(scopes, m.index, matchEnd, rule.name);
      applyCaptures(text, m, rule.captures, scopes);
      pos = Math.max(matchEnd, pos + 1);
      continue;
    }
    applyCaptures(text, m, rule.beginCaptures ?? rule.captures, scopes);
    const [contentEnd, ruleEnd] = scan(text, matchEnd, resolve(rule.patterns ?? []), rule, scopes, true) ?? [
      text.length,
      text.length,
    ];
    mark(scopes, m.index, ruleEnd, rule.name);
    mark(scopes, matchEnd, contentEnd, rule.contentName);
    pos = Math.max(ruleEnd, pos + 1);
  }
  return undefined;
}

function tokenize(line: string): CharScopes {
  const scopes: CharScopes = Array.from(line, () => new Set<string>());
  scan(line, 0, resolve(grammar.patterns), undefined, scopes, false);
  return scopes;
}

/** The scopes every character of `part` (the nth occurrence in line) carries. */
function scopesOf(line: string, part: string, occurrence = 0): Set<string> {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = line.indexOf(part, at + 1);
  assert.ok(at >= 0, `"${part}" occurs in "${line}"`);
  const scopes = tokenize(line).slice(at, at + part.length);
  return new Set([...scopes[0]].filter((scope) => scopes.every((s) => s.has(scope))));
}

function assertScope(line: string, part: string, scope: string, occurrence = 0): void {
  const scopes = scopesOf(line, part, occurrence);
  assert.ok(scopes.has(scope), `"${part}" in "${line}" has ${scope}; it has: ${[...scopes].join(', ') || 'none'}`);
}

function assertNoCounterpointScope(line: string): void {
  const found = tokenize(line).flatMap((s) => [...s]).filter((scope) => scope.endsWith('.counterpoint'));
  assert.deepEqual(found, [], `"${line}" gets no Counterpoint scopes`);
}

// --- the grammar file itself --------------------------------------------------

function allRegexes(): { where: string; source: string }[] {
  const found: { where: string; source: string }[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof v === 'string') found.push({ where: `${where}.${key}`, source: v });
        else visit(v, `${where}.${key}`);
      }
    }
  };
  visit(grammar, 'grammar');
  return found;
}

test('every regex compiles in JavaScript and avoids Oniguruma-only syntax', () => {
  const regexes = allRegexes();
  assert.ok(regexes.length >= 10, 'the grammar has its patterns');
  const onigurumaOnly = /\\[GAzZhHK]|\\g<|\(\?[>x~]|[*+?}]\+|\(\?[imx]+[-:)]/;
  for (const { where, source } of regexes) {
    assert.doesNotThrow(() => new RegExp(source, 'd'), `${where} compiles: ${source}`);
    assert.doesNotMatch(source, onigurumaOnly, `${where} uses only syntax JavaScript reads the same way`);
  }
});

test('is an injection into markdown that leaves code, front matter and comments alone', () => {
  assert.equal(grammar.scopeName, 'counterpoint.markdown.injection');
  const [priority, ...parts] = grammar.injectionSelector.split(' ');
  assert.equal(priority, 'L:text.html.markdown');
  for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-meta.embedded', '-comment']) {
    assert.ok(parts.includes(excluded), `selector excludes ${excluded.slice(1)}`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
  };
  const entry = pkg.contributes?.grammars?.find((g) => g.scopeName === grammar.scopeName);
  if (entry) {
    assert.equal(entry.path, './syntaxes/counterpoint.injection.tmLanguage.json');
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
  }
});

// --- wiki links ---------------------------------------------------------------

test('wiki links name an actor, with an optional shown text', () => {
  const line = 'As [[tokayev]] and [[putin|Vladimir Putin]] said.';
  assertScope(line, '[[tokayev]]', 'meta.link.wikilink.counterpoint');
  assertScope(line, '[[', 'punctuation.definition.link.begin.wikilink.counterpoint');
  assertScope(line, 'tokayev', 'entity.name.tag.actor.counterpoint');
  assertScope(line, 'tokayev', 'markup.underline.link.wikilink.counterpoint');
  assertScope(line, ']]', 'punctuation.definition.link.end.wikilink.counterpoint');
  assertScope(line, 'putin', 'entity.name.tag.actor.counterpoint');
  assertScope(line, '|', 'punctuation.separator.alias.wikilink.counterpoint');
  assertScope(line, 'Vladimir Putin', 'string.other.link.title.wikilink.counterpoint');
  assert.ok(!scopesOf(line, 'Vladimir Putin').has('entity.name.tag.actor.counterpoint'), 'shown text is not the id');
  assertScope('Токаев: [[Токаев|Токаев]]', 'Токаев', 'entity.name.tag.actor.counterpoint', 1);
});

test('markdown links, plain brackets and empty wiki links are not wiki links', () => {
  assertNoCounterpointScope('See [the report](https://example.org/report) and [text].');
  assertNoCounterpointScope('A reference [link][ref] and [x] [y]');
  assertNoCounterpointScope('Empty [[]] and unclosed [[tokayev and [[a|b]');
  assertNoCounterpointScope('Plain braces {claim=x} with no brackets.');
});

// --- claim spans --------------------------------------------------------------

const CLAIM =
  'Earlier, [Kazakhstan does not recognise the DPR and LPR]{claim=no-recognition by=tokayev stance=reports} he said.';

test('a claim span has its brackets, text and attribute block', () => {
  assertScope(CLAIM, '[Kazakhstan', 'meta.claim.counterpoint');
  assertScope(CLAIM, '[', 'punctuation.definition.claim.begin.counterpoint');
  assertScope(CLAIM, 'Kazakhstan does not recognise the DPR and LPR', 'meta.claim.text.counterpoint');
  assertScope(CLAIM, ']', 'punctuation.definition.claim.end.counterpoint');
  assertScope(CLAIM, '{claim=no-recognition by=tokayev stance=reports}', 'meta.attributes.claim.counterpoint');
  assertScope(CLAIM, '{', 'punctuation.definition.attributes.begin.counterpoint');
  assertScope(CLAIM, '}', 'punctuation.definition.attributes.end.counterpoint');
  assert.ok(!scopesOf(CLAIM, 'Earlier, ').has('meta.claim.counterpoint'), 'text before the claim is outside it');
  assert.ok(!scopesOf(CLAIM, ' he said.').has('meta.claim.counterpoint'), 'text after the claim is outside it');
  assert.ok(!scopesOf(CLAIM, 'claim=').has('meta.claim.text.counterpoint'), 'attributes are not claim text');
});

test('claim attributes: names, claim keys, actors and stances', () => {
  assertScope(CLAIM, 'claim', 'entity.other.attribute-name.claim.counterpoint');
  assertScope(CLAIM, '=', 'punctuation.separator.key-value.counterpoint');
  assertScope(CLAIM, 'no-recognition', 'string.unquoted.claim-key.counterpoint');
  assertScope(CLAIM, 'by', 'entity.other.attribute-name.by.counterpoint');
  assertScope(CLAIM, 'tokayev', 'entity.name.tag.actor.counterpoint');
  assertScope(CLAIM, 'stance', 'entity.other.attribute-name.stance.counterpoint');
  assertScope(CLAIM, 'reports', 'keyword.other.stance.counterpoint');

  const counter = '[Moscow says otherwise]{claim=recognition-denied counter=no-recognition stance=denies}';
  assertScope(counter, 'counter', 'entity.other.attribute-name.counter.counterpoint');
  assertScope(counter, 'no-recognition', 'string.unquoted.claim-key.counterpoint');
  assertScope(counter, 'denies', 'keyword.other.stance.counterpoint');
});

test('quoted attribute values, classes, ids and unknown attributes', () => {
  const line = '[text]{claim="no recognition" by="tokayev" stance="reports" .single-source .other #c1 source="TASS, 2022"}';
  assertScope(line, '"no recognition"', 'string.quoted.double.claim-key.counterpoint');
  assertScope(line, '"', 'punctuation.definition.string.begin.counterpoint');
  assertScope(line, '"tokayev"', 'string.quoted.double.actor.counterpoint');
  assertScope(line, 'tokayev', 'entity.name.tag.actor.counterpoint');
  assertScope(line, 'reports', 'keyword.other.stance.counterpoint');
  assertScope(line, 'single-source', 'entity.other.attribute-name.class.single-source.counterpoint');
  assertScope(line, '.', 'punctuation.definition.entity.counterpoint');
  assertScope(line, 'other', 'entity.other.attribute-name.class.counterpoint');
  assertScope(line, 'c1', 'entity.other.attribute-name.id.counterpoint');
  assertScope(line, 'source', 'entity.other.attribute-name.counterpoint', 1);
  assertScope(line, '"TASS, 2022"', 'string.quoted.double.attribute-value.counterpoint');
  assertScope(line, '"TASS, 2022"', 'meta.attributes.claim.counterpoint');
});

test('claim text may hold wiki links, escapes and sit beside other claims', () => {
  const line = '[[[tokayev]] told [[putin|Putin]] no \\] way]{claim=a by=tokayev} and [second]{claim=b}.';
  assertScope(line, '[[[tokayev]]', 'meta.claim.counterpoint');
  assertScope(line, 'tokayev', 'entity.name.tag.actor.counterpoint');
  assertScope(line, 'tokayev', 'meta.claim.text.counterpoint');
  assertScope(line, 'Putin', 'string.other.link.title.wikilink.counterpoint');
  assertScope(line, '\\]', 'constant.character.escape.counterpoint');
  assertScope(line, ' way', 'meta.claim.text.counterpoint');
  assertScope(line, 'second', 'meta.claim.text.counterpoint');
  assertScope(line, 'b', 'string.unquoted.claim-key.counterpoint', 4);
  assert.ok(!scopesOf(line, ' and ').has('meta.claim.counterpoint'), 'the gap between claims is outside both');
});

test('brackets that are not claim spans get no claim scopes', () => {
  assertNoCounterpointScope('A [link](https://example.org){.external} is a link, not a claim.');
  assertNoCounterpointScope('[plain text] and [more text] {claim=x} with a space.');
  assertNoCounterpointScope('An empty span []{claim=x} and an unclosed [claim text]{claim=x');
  assertNoCounterpointScope('Nested [a [b] c]{claim=x} single brackets are not claim text.');
});

// --- the real engine, when the VS Code test install provides it -----------------

const VSCODE_DIR = path.join(ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');

test('inside the real markdown grammar (vscode-textmate + Oniguruma)', {
  skip: !fs.existsSync(path.join(VSCODE_DIR, 'node_modules', 'vscode-textmate')) && 'no VS Code install under .vscode-test',
}, async () => {
  const lines = await tokenizeWithVscodeTextmate([
    '---',
    'title: "[[in-front-matter]]"',
    '---',
    '# Speech by [[tokayev|Tokaev]]',
    '',
    'Earlier, [Kazakhstan does not recognise the DPR and LPR]{claim=no-recognition by=tokayev stance=reports}.',
    '- **Bold [inner claim]{claim=b}** and `[[inline-code]]`',
    '',
    '```md',
    '[[fenced-code]] [nope]{claim=x}',
    '```',
    '',
    '    [[indented-code]]',
    '',
    '<!-- [[in-comment]] -->',
    '',
    '~~~',
    '[[fence-without-language]]',
    '~~~',
  ]);
  const scopesOf = (line: number, text: string): string[] =>
    lines[line].find((token) => token.text === text)?.scopes ?? [];
  assert.ok(scopesOf(3, 'tokayev').includes('entity.name.tag.actor.counterpoint'), 'wiki link in a heading');
  assert.ok(scopesOf(5, 'no-recognition').includes('string.unquoted.claim-key.counterpoint'), 'claim key');
  assert.ok(scopesOf(5, 'Kazakhstan does not recognise the DPR and LPR').includes('meta.claim.text.counterpoint'));
  assert.ok(scopesOf(6, 'inner claim').includes('meta.claim.text.counterpoint'), 'claim inside bold in a list');
  for (const line of [1, 6, 9, 12, 14, 17]) {
    const leaked = lines[line].filter((t) => t.text.includes('[[') || t.text.includes('nope'))
      .filter((t) => t.scopes.some((s) => s.endsWith('.counterpoint')));
    assert.deepEqual(leaked, [], `no Counterpoint scopes in code, front matter or comments (line ${line + 1})`);
  }
});

interface RealToken {
  text: string;
  scopes: string[];
}

/** Tokenizes with the vscode-textmate and Oniguruma that VS Code itself ships. */
async function tokenizeWithVscodeTextmate(lines: string[]): Promise<RealToken[][]> {
  const textmate = require(path.join(VSCODE_DIR, 'node_modules', 'vscode-textmate'));
  const oniguruma = require(path.join(VSCODE_DIR, 'node_modules', 'vscode-oniguruma'));
  await oniguruma.loadWASM(fs.readFileSync(path.join(VSCODE_DIR, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  const grammarFiles: Record<string, string> = {
    'text.html.markdown': path.join(VSCODE_DIR, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
    [grammar.scopeName]: GRAMMAR_FILE,
  };
  const yamlDir = path.join(VSCODE_DIR, 'extensions', 'yaml', 'syntaxes');
  for (const file of fs.existsSync(yamlDir) ? fs.readdirSync(yamlDir) : []) {
    grammarFiles[JSON.parse(fs.readFileSync(path.join(yamlDir, file), 'utf8')).scopeName] = path.join(yamlDir, file);
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = grammarFiles[scopeName];
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [grammar.scopeName] : []),
  });
  const markdown = await registry.loadGrammar('text.html.markdown');
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = markdown.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({
      text: line.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}
