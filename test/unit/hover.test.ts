import { test } from 'node:test';
import { tokayevWorkspace, uriOf } from '../helpers/workspace';
import { provideHover } from '../../server/src/features/hover';
import { DEFAULT_FEATURE_SETTINGS } from '../../server/src/features/context';
test('x', () => {
  const workspace = tokayevWorkspace();
  const ctx = { workspace, settings: DEFAULT_FEATURE_SETTINGS, documentVersion: () => null };
  const note = workspace.getNote(uriOf('articles/kyivpost.md'))!;
  for (const word of ['Tokayev', 'no-recognition', 'Kazakhstan will', 'Putin']) {
    const off = note.text.indexOf(word) + 1;
    const h = provideHover(ctx, note.uri, note.lines.positionAt(off));
    console.log('=====', word, JSON.stringify(h?.range)); console.log((h?.contents as any)?.value);
  }
});
