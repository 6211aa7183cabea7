// Property tests of every editor feature on hostile notes: beside the samples, a fuzzed article and a fuzzed actor note;
// no feature throws at any position, hovers carry no link, image or HTML a note could inject, and every edit the server
// proposes applies cleanly to the texts it was computed on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { CodeAction, Hover, MarkupContent, Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { defaultConfig } from '../../server/src/model/config';
import { Workspace } from '../../server/src/model/workspace';
import { type Note } from '../../server/src/syntax/note';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { createLanguageService } from '../../server/src/languageService';
import { applyWorkspaceEdit } from '../helpers/edits';
import { FUZZ_RUNS, assertInertMarkdown, fragment, fuzzParameters, mutatedNote, noteText, sampleActors, sampleArticles, sampleNotes } from './support';
import { createWorkspace } from '../../server/src/rules/registry';

const ROOT = 'file:///ws';
const FUZZED_ARTICLE = `${ROOT}/articles/fuzzed.md`;
const FUZZED_ACTOR = `${ROOT}/actors/fuzzed.md`;
/** Each case runs every feature at a dozen positions: fewer cases than the parser's. */
const FEATURE_RUNS = Math.max(20, Math.ceil(FUZZ_RUNS / 3));

/** The samples, loaded once; each case overwrites the two fuzzed notes. */
const workspace = createWorkspace([ROOT], defaultConfig());
workspace.batch(() => {
  for (const note of sampleNotes()) workspace.upsert(`${ROOT}/${note.path}`, note.text);
});
const ctx: FeatureContext = { workspace, settings: { ...DEFAULT_FEATURE_SETTINGS, hoverMaxSources: 50 }, documentVersion: () => null };
const service = createLanguageService(ctx);

function files(): Record<string, string> {
  return Object.fromEntries([...workspace.notes()].map((note) => [note.uri, note.text]));
}

/** Positions worth asking about in a note: every markup start and end, plus a few anywhere, valid or not. */
function positionsIn(note: Note, randomOffsets: number[], wild: Position[]): Position[] {
  const offsets = new Set<number>(randomOffsets.map((f) => Math.floor(f * (note.text.length + 1))));
  for (const link of note.wikiLinks) [link.span.start, link.targetSpan.start + 1, link.span.end - 1].forEach((o) => offsets.add(o));
  for (const claim of note.claims) [claim.span.start + 1, claim.keySpan?.start, claim.bySpan?.start, claim.attributesSpan.start + 1].forEach((o) => o !== undefined && offsets.add(o));
  for (const mention of workspace.mentionsIn(note.uri)) offsets.add(mention.span.start);
  if (note.frontmatter) for (const field of note.frontmatter.fields.values()) offsets.add(field.valueSpan.start);
  const positions = [...offsets].slice(0, 40).map((offset) => note.lines.positionAt(offset));
  return [...positions, ...wild];
}

function assertEditApplies(edit: WorkspaceEdit, where: string): void {
  assert.doesNotThrow(() => applyWorkspaceEdit(files(), edit, { versions: {} }), where);
}

function hoverMarkdown(hover: Hover | undefined): string {
  if (!hover) return '';
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function exercise(uri: string, positions: Position[], newName: string): void {
  const note = workspace.getNote(uri)!;
  const diagnostics = service.diagnostics(uri);
  for (const d of diagnostics) {
    assert.equal(typeof d.message, 'string');
    assert.ok(d.range.start.line >= 0 && d.range.end.line < note.lines.lineCount, `${d.code} range inside the note`);
  }
  for (const lens of service.codeLenses(uri)) {
    assert.equal(typeof lens.command?.title, 'string');
    assert.doesNotMatch(lens.command!.title, /[\r\n]/, 'a lens title is one line');
  }
  service.documentSymbols(uri);
  service.semanticTokens(uri);
  for (const position of positions) {
    const where = `${uri} at ${JSON.stringify(position)}`;
    assertInertMarkdown(hoverMarkdown(service.hover(uri, position)));
    service.definition(uri, position);
    service.references(uri, position, true);
    service.completions(uri, position);
    const prepared = service.prepareRename(uri, position);
    if (!('error' in prepared)) {
      const edit = service.rename(uri, position, newName);
      if (!('error' in edit)) assertEditApplies(edit, `rename ${where} to ${JSON.stringify(newName)}`);
    }
    const range = { start: position, end: position };
    for (const action of service.codeActions(uri, range, diagnostics) as CodeAction[]) {
      if (action.edit) assertEditApplies(action.edit, `code action "${action.title}" ${where}`);
    }
  }
}

const wildPosition = fc.record({ line: fc.integer({ min: -2, max: 3000 }), character: fc.integer({ min: -2, max: 3000 }) });
const newName = fc.oneof(fc.constantFrom('tokayev', 'putin', 'New Name', 'x/../../etc', '', ' ', 'dpr'), fragment);

test('every feature answers on fuzzed notes without throwing; hovers stay inert; proposed edits apply', () => {
  fc.assert(
    fc.property(
      fc.oneof(mutatedNote(sampleArticles, 12), noteText),
      fc.oneof(mutatedNote(sampleActors, 12), noteText),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
      fc.array(wildPosition, { maxLength: 3 }),
      newName,
      (article, actor, offsets, wild, name) => {
        workspace.upsert(FUZZED_ARTICLE, article);
        workspace.upsert(FUZZED_ACTOR, actor);
        exercise(FUZZED_ARTICLE, positionsIn(workspace.getNote(FUZZED_ARTICLE)!, offsets, wild), name);
        exercise(FUZZED_ACTOR, positionsIn(workspace.getNote(FUZZED_ACTOR)!, offsets, wild), name);
        // Hovers elsewhere quote the fuzzed notes: an actor hover in a sample article lists them as sources.
        const channel24 = workspace.getNote(`${ROOT}/articles/channel24-tokayev-distances-himself.md`)!;
        for (const mention of workspace.mentionsIn(channel24.uri).slice(0, 8)) {
          assertInertMarkdown(hoverMarkdown(service.hover(channel24.uri, channel24.lines.positionAt(mention.span.start))));
        }
        service.workspaceSymbols(name);
        service.claimMatrix();
      },
    ),
    fuzzParameters(FEATURE_RUNS),
  );
});
