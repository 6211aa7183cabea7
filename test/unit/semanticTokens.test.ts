import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SemanticTokenTypes } from 'vscode-languageserver-types';
import type { Workspace } from '../../server/src/model/workspace';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
import { SEMANTIC_TOKENS_LEGEND, provideSemanticTokens } from '../../server/src/features/semanticTokens';
import { articleNote, tokayevWorkspace, uriOf } from '../helpers/workspace';

interface Decoded {
  line: number;
  text: string;
  type: string;
}

/** Decodes the LSP relative encoding back to tokens, checking what an editor relies on. */
function decode(text: string, data: number[]): Decoded[] {
  assert.equal(data.length % 5, 0, 'five numbers per token');
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    assert.ok(deltaLine >= 0 && deltaStart >= 0 && (deltaLine > 0 || i === 0 || deltaStart > 0), `token ${i / 5} is not after the one before`);
    line += deltaLine;
    character = deltaLine > 0 ? deltaStart : character + deltaStart;
    assert.ok(length > 0, 'no empty tokens');
    assert.ok(character + length <= lines[line].length, `token ${i / 5} runs past the end of line ${line}`);
    assert.equal(modifiers, 0);
    tokens.push({ line, text: lines[line].slice(character, character + length), type: SEMANTIC_TOKENS_LEGEND.tokenTypes[type] });
  }
  return tokens;
}

function tokensOf(workspace: Workspace, path: string): Decoded[] {
  const uri = uriOf(path);
  const result = provideSemanticTokens({ workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null }, uri);
  return decode(workspace.getNote(uri)!.text, result.data);
}

// Cyrillic, a flag (two surrogate pairs) and guillemets before the tokens, so a count in code points or bytes would be off.
const BODY = [
  '# Президент 🇰🇿 и [[tokayev|Тоқаев]]',
  '',
  'Ақорда 🇰🇿: «Tokaev» said [Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.',
  'Earlier, Kasim-Jomart',
  'Tokayev met [[putin]] and an envoy of the DPR; [[someone-unknown]] too.',
];

const EXPECTED: Decoded[] = [
  { line: 7, text: 'tokayev', type: 'class' },
  { line: 9, text: 'Tokaev', type: 'class' },
  { line: 9, text: 'DPR', type: 'namespace' },
  { line: 9, text: 'no-recognition', type: 'enumMember' },
  { line: 9, text: 'tokayev', type: 'class' },
  { line: 9, text: 'reports', type: 'keyword' },
  { line: 10, text: 'Kasim-Jomart', type: 'class' },
  { line: 11, text: 'Tokayev', type: 'class' },
  { line: 11, text: 'putin', type: 'class' },
  { line: 11, text: 'DPR', type: 'namespace' },
];

test('the legend uses standard token types only, so themes colour them without contributions', () => {
  const standard = Object.values(SemanticTokenTypes) as string[];
  for (const type of SEMANTIC_TOKENS_LEGEND.tokenTypes) assert.ok(standard.includes(type), `${type} is not a standard type`);
});

test('mentions (wiki links, bare aliases, by=), claim keys and stances decode back to their spans', () => {
  const workspace = tokayevWorkspace({ 'articles/unicode.md': articleNote({ outlet: 'Vlast', perspective: 'kazakh-independent' }, ...BODY) });
  assert.deepEqual(tokensOf(workspace, 'articles/unicode.md'), EXPECTED);
});

test('a bare name broken over two lines becomes one token per line; CRLF line ends give the same tokens', () => {
  const text = articleNote({ outlet: 'Vlast', perspective: 'kazakh-independent' }, ...BODY).replace(/\n/g, '\r\n');
  const workspace = tokayevWorkspace({ 'articles/crlf.md': text });
  const tokens = tokensOf(workspace, 'articles/crlf.md');
  assert.deepEqual(tokens, EXPECTED);
  assert.deepEqual(tokens.filter((t) => t.line === 10 || (t.line === 11 && t.text === 'Tokayev')).map((t) => t.text), ['Kasim-Jomart', 'Tokayev']);
});

test('an unknown wiki link and a note without annotations get no tokens; a missing note gives empty data', () => {
  const workspace = tokayevWorkspace({ 'articles/plain.md': articleNote({ outlet: 'X', perspective: 'other' }, 'Nobody [[someone-unknown]] here.') });
  assert.deepEqual(tokensOf(workspace, 'articles/plain.md'), []);
  const ctx = { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
  assert.deepEqual(provideSemanticTokens(ctx, uriOf('articles/missing.md')).data, []);
});
