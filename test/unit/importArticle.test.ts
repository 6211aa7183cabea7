import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { actorCandidates, claimCandidates, suggestClaimKey } from '../../server/src/analysis/importHints';
import { hasFrontmatter, importArticle, slugOf } from '../../server/src/import/importArticle';
import { type Workspace } from '../../server/src/model/workspace';
import { type CoreDiagnostic as AnyDiagnostic } from '../../server/src/syntax/diagnostics';

/** A diagnostic of any code, its payload read loosely. */
type CoreDiagnostic = AnyDiagnostic<string, Record<string, unknown>>;
import { provideCodeActions } from '../../server/src/features/codeActions/index';
import { DEFAULT_FEATURE_SETTINGS, type FeatureContext } from '../../server/src/features/context';
import { createLanguageService } from '../../server/src/languageService';
import { measureImportQuality } from '../../bench/import-quality';
import { applyWorkspaceEdit, textAt } from '../helpers/edits';
import { ROOT, actorNote, articleNote, joinLines, uriOf, workspaceOf } from '../helpers/workspace';
import { noteDiagnostics } from '../../server/src/rules/registry';

const REPO = path.resolve(__dirname, '../../..');
const SEEDS = path.join(REPO, 'test/fixtures/seeds');
const SAMPLE_ACTORS = path.join(REPO, 'samples/actors');

function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(path.join(SEEDS, file), 'utf8');
}

/** The sample actor notes, as `{ 'actors/x.md': text }`, without the ones named. */
function sampleActors(...without: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of readdirSync(SAMPLE_ACTORS)) {
    if (!without.includes(file.replace(/\.md$/, ''))) files[`actors/${file}`] = readFileSync(path.join(SAMPLE_ACTORS, file), 'utf8');
  }
  return files;
}

function contextOf(workspace: Workspace): FeatureContext {
  return { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
}

/** The imported note added to the workspace it was imported into, as the editor would after the import. */
function importInto(workspace: Workspace, text: string): { uri: string; markdown: string } {
  const imported = importArticle(text, workspace);
  const uri = uriOf(imported.path);
  workspace.upsert(uri, imported.markdown);
  return { uri, markdown: imported.markdown };
}

function hintsOf(workspace: Workspace, uri: string, code: string): CoreDiagnostic[] {
  return noteDiagnostics(workspace, uri).filter((d) => d.code === code);
}

function lspDiagnostic(workspace: Workspace, uri: string, d: CoreDiagnostic): Diagnostic {
  return { range: workspace.getNote(uri)!.lines.rangeOf(d.span), code: d.code, data: d.data, message: d.message, severity: 4, source: 'counterpoint' };
}

function actionsFor(workspace: Workspace, uri: string, d: CoreDiagnostic): CodeAction[] {
  const diagnostic = lspDiagnostic(workspace, uri, d);
  return provideCodeActions(contextOf(workspace), uri, diagnostic.range, [diagnostic]);
}

function filesOf(workspace: Workspace): Record<string, string> {
  return Object.fromEntries([...workspace.notes()].map((note) => [note.uri, note.text]));
}

/** Applies an action's edit and loads the changed and new files back into the workspace. */
function apply(workspace: Workspace, action: CodeAction): Record<string, string> {
  const before = filesOf(workspace);
  const after = applyWorkspaceEdit(before, action.edit!);
  for (const [uri, text] of Object.entries(after)) if (before[uri] !== text) workspace.upsert(uri, text);
  return after;
}

function textOfSpan(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('importing the raw seed articles', () => {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

  test('each seed becomes a note with no errors: only the fields left to fill in, and hints', () => {
    assert.equal(seeds.length, 5);
    for (const file of seeds) {
      const workspace = workspaceOf(sampleActors());
      const { uri, markdown } = importInto(workspace, readFileSync(path.join(SEEDS, file), 'utf8'));
      const note = workspace.getNote(uri)!;
      assert.equal(note.kind, 'article', file);
      assert.deepEqual([...note.frontmatter!.fields.keys()], ['title', 'outlet', 'url', 'date', 'author', 'perspective', 'language'], file);
      const problems = noteDiagnostics(workspace, uri).filter((d) => d.severity !== 'hint');
      assert.ok(problems.every((d) => d.code === 'article.missing-field'), `${file}: ${problems.map((d) => d.code).join(', ')}`);
      assert.ok(problems.some((d) => d.data?.field === 'perspective'), `${file}: the perspective is always left to the analyst`);
      assert.equal(note.claims.length, 0, 'import annotates no claim by itself');
      assert.match(markdown, /^---\n[\s\S]*\n---\n# \S/, file);
    }
  });

  test('the frontmatter says what the text says about itself, and where it says it', () => {
    const workspace = workspaceOf(sampleActors());
    const channel24 = importArticle(seed('000'), workspace);
    assert.equal(channel24.title?.value, 'Tokayev is trying to distance himself from Russia, - a public figure on changing the policy of Kazakhstan');
    assert.equal(channel24.outlet?.value, 'Channel 24');
    assert.match(channel24.markdown, /^outlet: Channel 24 {2}# from “He told Channel 24 about this\.”$/m);
    assert.match(channel24.markdown, /^date: {2}# the text gives no date line/m);
    assert.equal(channel24.date, undefined);

    const hizb = importArticle(seed('001'), workspace);
    assert.equal(hizb.title?.value, 'Is Kazakhstan moving away from Russia?');
    assert.equal(hizb.outlet?.value, 'Central Media Office of Hizb ut Tahrir');
    assert.equal(hizb.author?.value, 'Umar Farsi');

    // Breadcrumb and repeated headline left out, the date read from its own line.
    const ccd = importArticle(seed('002'), workspace);
    assert.equal(ccd.title?.value, 'Kazakhstan’s new course will change the political map of the world');
    assert.equal(ccd.date?.value, '2022-06-20');
    assert.equal(ccd.outlet, undefined, 'the text does not name its publisher');
    assert.match(ccd.markdown, /^outlet: {2}# the text does not name its outlet: fill in$/m);
    assert.equal((ccd.markdown.match(/new course will change the political map/g) ?? []).length, 4, 'title, heading, and the breadcrumb and the repeat in the closing comment');
    assert.match(ccd.markdown, /^ {2}Kazakhstan’s new course will change the political map of the world \(a repeat of the title\)$/m);
    assert.match(ccd.markdown, /<!-- Imported by Counterpoint\.\nLeft out as page furniture[^]*Home \| Articles \|[^]*#infoterror\n[^]*20 June, 2022 \(the date\)\n[^]*Pin It on Pinterest\n-->\n$/);

    const wtn = importArticle(seed('003'), workspace);
    assert.equal(wtn.title?.value, 'Russia wants to annex three regions in Kazakhstan, so Tokayev went against Putin – director of the Institute for Strategic Studies');
    assert.doesNotMatch(wtn.markdown, /^Leave a Comment$/m);

    const insight = importArticle(seed('004'), workspace);
    assert.equal(insight.outlet?.value, 'Insight News Media');
    assert.match(insight.markdown, /^## Results of Tokayev’s visit to Russia$/m, 'a short line without a full stop is a sub-headline');
  });

  test('the first mention of each known actor in each paragraph is linked, as written; headings are not', () => {
    const workspace = workspaceOf(sampleActors());
    const channel24 = importArticle(seed('000'), workspace).markdown;
    assert.match(channel24, /the President of Kazakhstan, \[\[tokayev\|Kasim-Jomart Tokayev\]\], made his first visit to Russia\./);
    assert.match(channel24, /Tokaev doesn't want/, 'a later mention in the same paragraph stays bare (it is a mention anyway)');
    assert.match(channel24, /\[\[shuraev\|Arman Shuraev\]\] emphasized/);
    assert.match(channel24, /^# Tokayev is trying to distance himself from Russia/m);
    const hizb = importArticle(seed('001'), workspace).markdown;
    assert.match(hizb, /President of \[\[kazakhstan\|Kazakhstan\]\] \[\[tokayev\|Kassym-Jomart Tokayev\]\] at the plenary meeting/);
    assert.match(hizb, /— said \[\[tokayev\|Tokaev\]\]\./);
    const ccd = importArticle(seed('002'), workspace).markdown;
    assert.match(ccd, /\[\[putin\]\] that there are many xenophobic/, 'written as the id: a plain link');
    for (const paragraph of channel24.split('\n\n')) {
      const links = [...paragraph.matchAll(/\[\[([^|\]]+)/g)].map((m) => m[1]);
      assert.equal(new Set(links).size, links.length, `one link per actor in: ${paragraph.slice(0, 60)}`);
    }
  });

  test('names that look like actors but are in no actor note are proposed; known names and common words are not', () => {
    const workspace = workspaceOf(sampleActors('shuraev', 'lisyansky', 'yakovenko'));
    const channel24 = importInto(workspace, seed('000'));
    const proposed = hintsOf(workspace, channel24.uri, 'actor.candidate').map((d) => d.data?.name);
    assert.ok(proposed.includes('Arman Shuraev'), proposed.join(', '));
    assert.ok(proposed.includes('Igor Yakovenko'), proposed.join(', '));
    for (const name of ['Tokayev', 'Kazakhstan', 'Russian', 'President', 'The', 'Traditionally', 'Businessman', 'Western']) {
      assert.ok(!proposed.includes(name), `${name} is not proposed`);
    }
    const wtn = importInto(workspace, seed('003'));
    assert.ok(hintsOf(workspace, wtn.uri, 'actor.candidate').some((d) => d.data?.name === 'Lisyansky'), 'a surname opening a sentence, before "recalled"');
    const hint = hintsOf(workspace, channel24.uri, 'actor.candidate').find((d) => d.data?.name === 'Arman Shuraev')!;
    assert.equal(hint.severity, 'hint');
    assert.equal(textOfSpan(channel24.markdown, hint.span), 'Arman Shuraev');
    assert.equal(hint.message, "«Arman Shuraev» looks like a name but is no actor's alias: create its actor note, or add it to an actor's aliases?");
  });

  test('sentences that report speech are proposed as claims', () => {
    const workspace = workspaceOf(sampleActors());
    const channel24 = importInto(workspace, seed('000'));
    const sentences = hintsOf(workspace, channel24.uri, 'claim.candidate').map((d) => textOfSpan(channel24.markdown, d.span));
    assert.ok(sentences.some((s) => s.includes('emphasized that Kazakhstan\'s position towards')), sentences.join('\n'));
    assert.ok(sentences.some((s) => s.startsWith('But, according to the interlocutor')), sentences.join('\n'));
    assert.ok(!sentences.some((s) => s.startsWith('The attitude of')), 'no reporting verb: not proposed');
    assert.ok(!sentences.some((s) => s.startsWith('He told')), 'too short to hold a proposition');
    const wtn = importInto(workspace, seed('003'));
    const reported = hintsOf(workspace, wtn.uri, 'claim.candidate');
    assert.ok(reported.some((d) => textOfSpan(wtn.markdown, d.span).startsWith('According to him, after the start')));
    assert.ok(reported.every((d) => d.message.startsWith('This sentence reports speech or attribution')));
  });

  test('precision and recall on the seeds, against the annotated samples, stay at least as measured', async () => {
    const { quality } = await measureImportQuality(SEEDS, path.join(REPO, 'samples'));
    const share = ([hits, total]: [number, number]) => (total === 0 ? 0 : hits / total);
    assert.ok(share(quality.actorsColdStart.precision) >= 0.85, `actor candidates, cold start, precision ${quality.actorsColdStart.precision}`);
    assert.ok(share(quality.actorsColdStart.recall) >= 0.85, `actor candidates, cold start, recall ${quality.actorsColdStart.recall}`);
    assert.ok(share(quality.actorsHoldOut.precision) >= 0.9, `actor candidates, hold-one-out, precision ${quality.actorsHoldOut.precision}`);
    assert.ok(share(quality.actorsHoldOut.recall) >= 0.85, `actor candidates, hold-one-out, recall ${quality.actorsHoldOut.recall}`);
    assert.ok(share(quality.claims.precision) >= 0.6, `claim candidates, precision ${quality.claims.precision}`);
    assert.ok(share(quality.claims.recallReported) >= 0.7, `claim candidates, recall of reported claims ${quality.claims.recallReported}`);
    assert.ok(share(quality.linked.precision) >= 0.95, `linked actors the sample mentions too ${quality.linked.precision}`);
    assert.ok(share(quality.linked.recall) >= 0.95, `actors the sample links, linked ${quality.linked.recall}`);
    for (const [field, score] of Object.entries(quality.fields)) assert.equal(score.wrong, 0, `no wrong ${field}`);
  });
});

describe('importing hostile or odd text', () => {
  test('text that would read as annotations, links or markup is escaped; YAML stays valid whatever the title', () => {
    const workspace = workspaceOf(sampleActors());
    const text = joinLines(
      'Breaking: "Tokayev" #1 [[evil]] title: with colon',
      '',
      'He said that [Kazakhstan is gone]{claim=injected stance=asserts} and [[nobody]] agrees, the report said today.',
      '',
      'See [x](command:workbench.action.quit) and ![](https://evil.example/t.png) and <img src=x> <!-- hidden until the end',
    );
    const imported = importArticle(text, workspace, { source: 'evil --> file.txt' });
    workspace.upsert(uriOf(imported.path), imported.markdown);
    const note = workspace.getNote(uriOf(imported.path))!;
    assert.equal(note.article?.title, 'Breaking: "Tokayev" #1 [[evil]] title: with colon');
    assert.equal(note.claims.length, 0, 'no claim is injected');
    assert.deepEqual(note.wikiLinks.map((l) => l.target), ['kazakhstan'], 'only the known actor is linked');
    assert.ok(!noteDiagnostics(workspace, note.uri).some((d) => d.severity === 'error'));
    assert.match(imported.markdown, /\\\[\[evil\]\]/);
    assert.match(imported.markdown, /\]\\\{claim=injected/);
    assert.match(imported.markdown, /\\<!-- hidden/);
    assert.match(imported.markdown, /<!-- Imported by Counterpoint from evil - -> file\.txt\.\n-->\n$/, 'the source name cannot close the comment');
  });

  test('control and bidi-override characters are dropped; an empty text gives an empty skeleton', () => {
    const workspace = workspaceOf({});
    const imported = importArticle('Title\u202e with \u0007bell\n\nBody text.', workspace);
    assert.equal(imported.title?.value, 'Title with bell');
    assert.equal(slugOf(''), 'article');
    const empty = importArticle('', workspace);
    assert.equal(empty.path, 'articles/article.md');
    assert.match(empty.markdown, /^title: {2}# no title found: fill in$/m);
  });

  test('a text with frontmatter is a note already', () => {
    assert.equal(hasFrontmatter(articleNote({ outlet: 'O', perspective: 'other' }, 'Body.')), true);
    assert.equal(hasFrontmatter(seed('001')), false);
  });
});

describe('candidate hints on any article note', () => {
  const files = {
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev'] }),
    'actors/shuraev.md': actorNote({ name: 'Shuraev', aliases: ['Shuraev'] }),
    'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
      'Arman Shuraev emphasized that Kazakhstan has changed its position towards its neighbour a lot.',
      '',
      'Moscow is far. The talks were held in Moscow.'),
    'notes/n.md': 'Igor Yakovenko said that this is a note, not an article, so it gets no hints at all.',
  };

  test('hints on articles only, severity hint, and off where the rules say so', () => {
    const workspace = workspaceOf(files);
    const codes = noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => `${d.code}:${d.severity}`);
    assert.ok(codes.includes('actor.candidate:hint') && codes.includes('claim.candidate:hint'), codes.join(' '));
    assert.deepEqual(noteDiagnostics(workspace, uriOf('notes/n.md')), []);
    assert.ok(!noteDiagnostics(workspace, uriOf('actors/shuraev.md')).some((d) => d.code.endsWith('.candidate')));
    const off = workspaceOf(files, { rules: { 'actor.candidate': 'off', 'claim.candidate': 'off' } });
    assert.ok(!noteDiagnostics(off, uriOf('articles/a.md')).some((d) => d.code.endsWith('.candidate')));
  });

  test('a full name ending with a known alias is proposed as an alias of that actor', () => {
    const workspace = workspaceOf(files);
    const [hint] = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').filter((d) => d.data?.name === 'Arman Shuraev');
    assert.deepEqual(hint.data, { name: 'Arman Shuraev', extends: 'shuraev' });
    assert.match(hint.message, /ends with an alias of shuraev/);
  });

  test('a sentence-initial word counts as a name only with evidence; a name is proposed once per note', () => {
    const workspace = workspaceOf(files);
    const names = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').map((d) => d.data?.name);
    assert.deepEqual(names.filter((n) => n === 'Moscow'), ['Moscow'], 'capitalised mid-sentence too, proposed once');
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    const sure = actorCandidates(note, { mentions: [], isKnown: () => false }).map((c) => c.name);
    assert.ok(!sure.includes('The'));
  });

  test('suggested claim keys are kebab-case content words', () => {
    assert.equal(suggestClaimKey("Kazakhstan's position towards [Russia] has changed a lot since the beginning of the war"), 'kazakhstan-position-towards-russia-changed');
    assert.equal(suggestClaimKey('“Это” — он'), 'claim');
  });
});

describe('quick fixes for the hints', () => {
  const shuraevText = 'Businessman Arman Shuraev emphasized that Kazakhstan has changed its position towards Russia a lot since the war began.';

  test('create the actor note of a proposed name: after it, the name is a mention and the hint is gone', () => {
    const workspace = workspaceOf({ 'articles/a.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' }, shuraevText) });
    const hint = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Arman Shuraev')!;
    const create = actionsFor(workspace, uriOf('articles/a.md'), hint).find((a) => a.title.startsWith('Create actor note'))!;
    assert.equal(create.title, 'Create actor note actors/arman-shuraev.md for “Arman Shuraev”');
    assert.deepEqual((create.edit!.documentChanges![0] as { options: unknown }).options, { overwrite: false, ignoreIfExists: false });
    const after = apply(workspace, create);
    assert.equal(after[uriOf('actors/arman-shuraev.md')], joinLines(
      '---', 'name: Arman Shuraev', 'aliases:', '  - Arman Shuraev', 'kind: person # guessed from the name: person | organization | state | territory | media',
      'role:', '---', '', 'First mentioned in [[a]] (Channel 24).', ''));
    assert.ok(workspace.mentionsIn(uriOf('articles/a.md')).some((m) => m.actorId === 'arman-shuraev'));
    assert.ok(!hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').some((d) => d.data?.name === 'Arman Shuraev'));
    assert.deepEqual(noteDiagnostics(workspace, uriOf('actors/arman-shuraev.md')), []);
  });

  test('creating is refused, not done, where the actor exists under that id', () => {
    const workspace = workspaceOf({
      'actors/people/arman-shuraev.md': actorNote({ name: 'Someone', id: 'arman-shuraev' }),
      'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, shuraevText),
    });
    const hint = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Arman Shuraev')!;
    const create = actionsFor(workspace, uriOf('articles/a.md'), hint).find((a) => a.title.startsWith('Create actor note'))!;
    assert.match(create.disabled!.reason, /already exists/);
    assert.equal(create.edit, undefined);
  });

  test('add the full name to the aliases of the actor whose alias it ends with', () => {
    const workspace = workspaceOf({
      'actors/shuraev.md': actorNote({ name: 'Shuraev', aliases: ['Shuraev'] }),
      'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, shuraevText),
    });
    const hint = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Arman Shuraev')!;
    const add = actionsFor(workspace, uriOf('articles/a.md'), hint).find((a) => a.title.startsWith('Add «Arman Shuraev»'))!;
    assert.equal(add.title, 'Add «Arman Shuraev» as an alias of Shuraev');
    const after = apply(workspace, add);
    assert.match(after[uriOf('actors/shuraev.md')], /aliases:\n {2}- Shuraev\n {2}- Arman Shuraev\n/);
    assert.ok(!hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').some((d) => d.data?.name === 'Arman Shuraev'));
  });

  test('dismiss a name for the note: it goes into not-actors, and nothing else changes', () => {
    const text = articleNote({ outlet: 'O', perspective: 'other' }, 'The talks in Moscow lasted two days, and Moscow was happy with them.');
    const workspace = workspaceOf({ 'articles/a.md': text });
    const before = noteDiagnostics(workspace, uriOf('articles/a.md')).filter((d) => d.code !== 'actor.candidate').map((d) => d.code);
    const hint = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Moscow')!;
    const dismiss = actionsFor(workspace, uriOf('articles/a.md'), hint).find((a) => a.title.startsWith('Not an actor'))!;
    assert.equal(dismiss.title, 'Not an actor: stop proposing «Moscow» in this note');
    const after = apply(workspace, dismiss)[uriOf('articles/a.md')];
    assert.equal(after, text.replace('language: en\n---', 'language: en\nnot-actors:\n  - Moscow\n---'));
    assert.deepEqual(hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate'), []);
    assert.deepEqual(noteDiagnostics(workspace, uriOf('articles/a.md')).map((d) => d.code), before);
    // A second dismissal adds to the list.
    workspace.upsert(uriOf('articles/a.md'), after.replace('happy with them.', 'happy with them, said Novorossiysk.'));
    const next = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Novorossiysk')!;
    const again = apply(workspace, actionsFor(workspace, uriOf('articles/a.md'), next).find((a) => a.title.startsWith('Not an actor'))!);
    assert.match(again[uriOf('articles/a.md')], /not-actors:\n {2}- Moscow\n {2}- Novorossiysk\n---/);
  });

  test('annotate a proposed sentence: the reported words are wrapped, with a fresh key, the one speaker and stance=reports', () => {
    const workspace = workspaceOf({
      'actors/shuraev.md': actorNote({ name: 'Arman Shuraev', aliases: ['Arman Shuraev'] }),
      'actors/kazakhstan.md': actorNote({ name: 'Kazakhstan', kind: 'state' }),
      'articles/b.md': articleNote({ outlet: 'P', perspective: 'western' }, '[Other]{claim=kazakhstan-changed-position-towards-russia}'),
      'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, shuraevText),
    });
    const uri = uriOf('articles/a.md');
    const [hint] = hintsOf(workspace, uri, 'claim.candidate');
    const actions = actionsFor(workspace, uri, hint);
    const annotate = actions.find((a) => a.isPreferred && a.title.startsWith('Annotate'))!;
    assert.equal(annotate.title, 'Annotate as claim kazakhstan-changed-position-towards-russia-2 by shuraev: “Kazakhstan has changed its position towards Russia…”');
    const edits = (annotate.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.equal(textAt(workspace.getNote(uri)!.text, { start: edits[0].range.start, end: edits[1].range.end }),
      'Kazakhstan has changed its position towards Russia a lot since the war began');
    const after = apply(workspace, annotate)[uri];
    assert.match(after, /emphasized that \[Kazakhstan has changed its position towards Russia a lot since the war began\]\{claim=kazakhstan-changed-position-towards-russia-2 by=shuraev stance=reports\}\.$/m);
    const note = workspace.getNote(uri)!;
    assert.equal(note.claims.length, 1);
    assert.ok(note.claims[0].valid);
    assert.deepEqual(hintsOf(workspace, uri, 'claim.candidate'), []);
    // The other offer wraps the whole sentence, full stop left outside.
    const whole = actions.find((a) => !a.isPreferred && a.title.startsWith('Annotate'))!;
    assert.match(whole.title, /^Annotate as claim businessman-arman-shuraev-kazakhstan-changed by shuraev: “Businessman Arman Shuraev emphasized that/);
  });

  test('dismiss a proposed sentence: a comment marks it, inside the sentence', () => {
    const text = articleNote({ outlet: 'O', perspective: 'other' }, 'He noted that the border is long and not guarded at all. Next sentence.');
    const workspace = workspaceOf({ 'articles/a.md': text });
    const [hint] = hintsOf(workspace, uriOf('articles/a.md'), 'claim.candidate');
    const dismiss = actionsFor(workspace, uriOf('articles/a.md'), hint).find((a) => a.title.startsWith('Not a claim'))!;
    const after = apply(workspace, dismiss)[uriOf('articles/a.md')];
    assert.match(after, /not guarded at all <!-- not a claim -->\. Next sentence\.$/m);
    assert.deepEqual(hintsOf(workspace, uriOf('articles/a.md'), 'claim.candidate'), []);
  });

  test('a stale hint gets no quick fix', () => {
    const workspace = workspaceOf({ 'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' }, shuraevText) });
    const actorHint = hintsOf(workspace, uriOf('articles/a.md'), 'actor.candidate').find((d) => d.data?.name === 'Arman Shuraev')!;
    const claimHint = hintsOf(workspace, uriOf('articles/a.md'), 'claim.candidate')[0];
    const stale = [lspDiagnostic(workspace, uriOf('articles/a.md'), actorHint), lspDiagnostic(workspace, uriOf('articles/a.md'), claimHint)];
    workspace.upsert(uriOf('articles/a.md'), articleNote({ outlet: 'O', perspective: 'other' }, 'Nothing here anymore, at all.'));
    const actions = provideCodeActions(contextOf(workspace), uriOf('articles/a.md'), stale[0].range, stale);
    assert.deepEqual(actions.filter((a) => /Create actor|Not an actor|Annotate|Not a claim/.test(a.title)), []);
  });

  test('claim candidates skip annotated sentences and sentences a span cannot wrap', () => {
    const workspace = workspaceOf({
      'articles/a.md': articleNote({ outlet: 'O', perspective: 'other' },
        'Tokayev said that [Kazakhstan does not recognise the DPR]{claim=k} at the forum.',
        '',
        'Putin said that `code` is not a proposition worth anything.',
        '',
        'Putin said that the meeting was very good for both of the two countries.'),
    });
    const note = workspace.getNote(uriOf('articles/a.md'))!;
    assert.deepEqual(claimCandidates(note).map((c) => textOfSpan(note.text, c.span)), ['Putin said that the meeting was very good for both of the two countries.']);
  });
});

describe('the editor command: import the active text through the language service', () => {
  test('answers with an edit that creates the note, never over an existing file', () => {
    const workspace = workspaceOf(sampleActors());
    const service = createLanguageService(contextOf(workspace));
    const text = seed('000');
    const result = service.importArticle({ uri: `${ROOT}/inbox/000.txt`, text }, [ROOT]);
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.equal(result.uri, uriOf('articles/tokayev-is-trying-to-distance-himself-from-russia-a-public.md'));
    assert.match(result.summary, /^Imported as articles\/tokayev-is-trying-to-distance-himself-from-russia-a-public\.md: fill in perspective; 1 actor candidate, \d+ claim candidates to review; \d+ links to known actors\.$/);
    const files = applyWorkspaceEdit(filesOf(workspace), result.edit);
    assert.equal(files[result.uri], importArticle(text, workspace, { source: '000.txt' }).markdown);
    assert.match(files[result.uri], /<!-- Imported by Counterpoint from 000\.txt\./);
    assert.deepEqual((result.edit.documentChanges![0] as { kind: string; options: unknown }).options, { overwrite: false, ignoreIfExists: false });

    workspace.upsert(result.uri, files[result.uri]);
    const again = service.importArticle({ uri: `${ROOT}/inbox/000.txt`, text }, [ROOT]);
    assert.deepEqual(again, { error: 'articles/tokayev-is-trying-to-distance-himself-from-russia-a-public.md already exists, and import never overwrites a note. Rename or move that note, then import again.' });
  });

  test('refuses a note, an empty text, a workspace without folders, and a malformed request', () => {
    const service = createLanguageService(contextOf(workspaceOf({})));
    const note = articleNote({ outlet: 'O', perspective: 'other' }, 'Body.');
    assert.match((service.importArticle({ uri: `${ROOT}/a.md`, text: note }, [ROOT]) as { error: string }).error, /already has frontmatter/);
    assert.match((service.importArticle({ uri: `${ROOT}/a.txt`, text: '  \n' }, [ROOT]) as { error: string }).error, /empty/);
    assert.match((service.importArticle({ uri: 'untitled:1', text: 'A title\n\nSome text.' }, []) as { error: string }).error, /Open a workspace folder/);
    assert.match((service.importArticle(null as never, [ROOT]) as { error: string }).error, /no text/);
  });

  test('imports into the workspace folder that holds the text', () => {
    const service = createLanguageService(contextOf(workspaceOf({})));
    const result = service.importArticle({ uri: 'file:///other/raw.txt', text: 'A title\n\nSome text.' }, ['file:///first', 'file:///other']);
    assert.equal((result as { uri: string }).uri, 'file:///other/articles/a-title.md');
  });
});
