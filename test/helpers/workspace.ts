// Small helpers to build workspaces from strings in tests.
import { defaultConfig, type WorkspaceConfig } from '../../server/src/model/config';
import { Workspace } from '../../server/src/model/workspace';
import { createWorkspace } from '../../server/src/rules/registry';

export const ROOT = 'file:///ws';

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** The text without its cursor marker `|^|`, and the marker's offset. */
export function withCursor(text: string, marker = '|^|'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker ${marker} in test text`);
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}

export function uriOf(path: string): string {
  return `${ROOT}/${path}`;
}

/** A workspace from `{ 'articles/a.md': text, ... }`, loaded as the server loads it at start-up. */
export function workspaceOf(files: Record<string, string>, config: Partial<WorkspaceConfig> = {}): Workspace {
  const workspace = createWorkspace([ROOT], { ...defaultConfig(), ...config });
  workspace.batch(() => {
    for (const [path, text] of Object.entries(files)) workspace.upsert(uriOf(path), text);
  });
  return workspace;
}

export function actorNote(fields: { name: string; aliases?: string[]; kind?: string; role?: string; id?: string }, body = ''): string {
  return joinLines(
    '---',
    ...(fields.id ? [`id: ${fields.id}`] : []),
    `name: ${fields.name}`,
    ...(fields.aliases ? ['aliases:', ...fields.aliases.map((a) => `  - ${a}`)] : []),
    `kind: ${fields.kind ?? 'person'}`,
    ...(fields.role ? [`role: ${fields.role}`] : []),
    '---',
    body,
  );
}

export function articleNote(fields: { title?: string; outlet: string; perspective: string; date?: string; url?: string }, ...body: string[]): string {
  return joinLines(
    '---',
    `title: ${fields.title ?? `A report by ${fields.outlet}`}`,
    `outlet: ${fields.outlet}`,
    ...(fields.url ? [`url: ${fields.url}`] : []),
    `date: ${fields.date ?? '2022-06-17'}`,
    `perspective: ${fields.perspective}`,
    'language: en',
    '---',
    ...body,
  );
}

/** The text a span covers, for readable assertions. */
export function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** A small Tokayev workspace used by many feature tests. */
export function tokayevWorkspace(extra: Record<string, string> = {}): Workspace {
  return workspaceOf({
    'actors/tokayev.md': actorNote({ name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Kasim-Jomart Tokayev'], role: 'President of Kazakhstan' }),
    'actors/putin.md': actorNote({ name: 'Vladimir Putin', aliases: ['Putin'], role: 'President of Russia' }),
    'actors/dpr.md': actorNote({ name: "Donetsk People's Republic", aliases: ['DPR', 'DNR'], kind: 'territory' }),
    'articles/channel24.md': articleNote({ outlet: 'Channel 24', perspective: 'ukrainian' },
      '# Tokayev distances himself',
      '',
      'At the forum [[tokayev|Tokaev]] spoke. [Kazakhstan does not recognise the DPR]{claim=no-recognition by=tokayev stance=reports}.',
      '',
      '[Putin is losing allies]{claim=putin-losing-allies}.'),
    'articles/kyivpost.md': articleNote({ outlet: 'Kyiv Post', perspective: 'ukrainian' },
      'Tokayev told Putin that [Kazakhstan will not recognise the DNR]{claim=no-recognition by=tokayev stance=reports}.'),
    'articles/tass.md': articleNote({ outlet: 'TASS', perspective: 'russian-state' },
      'Kazakhstan and Russia remain allies, Putin said. The Kazakh president spoke about borders.'),
    ...extra,
  });
}
