// Code lenses, symbols, semantic tokens and completion through the protocol, on the real samples.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, type CodeLens, type CompletionItem, type CompletionList, type DocumentSymbol, type Location, type Position, type Range, type SemanticTokens, type SymbolInformation, type TextEdit } from 'vscode-languageserver-protocol';
import { textAt } from '../helpers/edits';
import { bodyStart, offsetOf, positionAt, startServer, type LspSession } from '../helpers/lspClient';

const CHANNEL24 = 'articles/channel24-tokayev-distances-himself.md';

let session: LspSession;
before(async () => {
  session = await startServer();
});
after(async () => {
  await session?.shutdown();
});

/** The claim keys of a note in text order, read from the file. */
function claimKeysIn(text: string): string[] {
  return [...text.slice(bodyStart(text)).matchAll(/\]\{[^}\r\n]*?(?<=[\s{])claim=([^\s}]+)/g)].map((m) => m[1]);
}

test('code lenses: one per claim, with how many outlets and perspectives carry it and whether it has a counter-source', async () => {
  const text = session.readFile(CHANNEL24);
  const lenses = await session.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: session.uri(CHANNEL24) } });
  assert.equal(lenses.length, claimKeysIn(text).length);
  const lensOn = (key: string) => lenses.find((l) => textAt(text, l.range).includes(`claim=${key}`))!;

  const spief = lensOn('no-recognition-dpr-lpr');
  assert.match(spief.command!.title, /4 sources · 2 perspectives/);
  assert.match(spief.command!.title, /counter-source ✓/);
  const firstVisit = lensOn('tokayev-first-visit-russia');
  assert.match(firstVisit.command!.title, /no counter-source/);
  assert.equal(firstVisit.command!.command, 'editor.action.showReferences');
  const locations = firstVisit.command!.arguments![2] as Location[];
  assert.deepEqual(locations.map((l) => session.relative(l.uri)).sort(), [CHANNEL24, 'articles/insight-news-tokaev-double-play.md']);
});

test('document symbols: the claims in order and the actors mentioned, and no heading (Markdown\'s outline lists them)', async () => {
  const text = session.readFile(CHANNEL24);
  const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: session.uri(CHANNEL24) } });
  const contains = (outer: Range, inner: Range) => compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
  const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
    for (const symbol of list) {
      assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selectionRange inside range (VS Code rejects it otherwise)`);
      if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
      check(symbol.children ?? [], symbol);
    }
  };
  check(symbols);
  assert.deepEqual(symbols.map((s) => s.name), ['Claims', 'Actors']);
  const claims = symbols[0].children ?? [];
  assert.ok(claims.every((c) => c.kind === SymbolKind.Event && textAt(text, c.selectionRange) === c.name), 'each selects its claim= value');
  assert.deepEqual(claims.map((c) => c.name), claimKeysIn(text));
  const mentioned = symbols[1].children?.map((s) => s.name) ?? [];
  assert.ok(mentioned.includes('Kassym-Jomart Tokayev') && mentioned.includes('Vladimir Putin'), `the actors mentioned: ${mentioned.join(', ')}`);
});

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

test('workspace symbols find actors by name and claims by key', async () => {
  const symbols = await session.request<SymbolInformation[]>('workspace/symbol', { query: 'tokayev' });
  const actor = symbols.find((s) => s.name === 'Kassym-Jomart Tokayev');
  assert.ok(actor, 'the actor');
  assert.equal(session.relative(actor.location.uri), 'actors/tokayev.md');
  assert.ok(symbols.some((s) => s.name === 'tokayev-first-visit-russia'), 'a claim key');
});

test('semantic tokens mark bare aliases, claim keys and stances', async () => {
  const text = session.readFile(CHANNEL24);
  const { data } = await session.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: session.uri(CHANNEL24) } });
  assert.equal(data.length % 5, 0);
  const legend = session.initializeResult!.capabilities.semanticTokensProvider!.legend.tokenTypes;
  const tokens = new Map<string, string>();
  for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    tokens.set(`${line}:${character}:${data[i + 2]}`, legend[data[i + 3]]);
  }
  const at = (offset: number, length: number) => {
    const p = positionAt(text, offset);
    return tokens.get(`${p.line}:${p.character}:${length}`);
  };
  assert.equal(at(offsetOf(text, 'He noted that Tokayev') + 'He noted that '.length, 'Tokayev'.length), 'class', 'the bare alias of a person');
  assert.equal(at(offsetOf(text, 'claim=no-recognition-dpr-lpr') + 'claim='.length, 'no-recognition-dpr-lpr'.length), 'enumMember', 'a claim key');
  assert.equal(at(offsetOf(text, 'stance=asserts') + 'stance='.length, 'asserts'.length), 'keyword', 'a stance');
});

test('completion inside [[ offers actors, replacing what was typed and closing the link', async () => {
  await session.open(CHANNEL24);
  const text = session.textOf(CHANNEL24);
  const end = positionAt(text, text.length);
  await session.change(CHANNEL24, [{ range: { start: end, end }, text: '\nSee [[tok' }]);
  const cursor = positionAt(session.textOf(CHANNEL24), session.textOf(CHANNEL24).length);
  const result = await session.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: session.uri(CHANNEL24) }, position: cursor });
  const items = Array.isArray(result) ? result : result.items;
  const tokayev = items.find((i) => i.label === 'tokayev');
  assert.ok(tokayev, 'tokayev is offered');
  const edit = tokayev.textEdit as TextEdit;
  assert.equal(textAt(session.textOf(CHANNEL24), edit.range), 'tok');
  assert.equal(edit.newText, 'tokayev]]');
  assert.match(tokayev.detail ?? '', /Kassym-Jomart Tokayev/);
});
