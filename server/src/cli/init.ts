import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { newWorkspaceFiles } from '../scaffold/newWorkspace';
import type { CliCommand } from './command';

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Whether `folder` or a folder between it and `root` is a symbolic link, through which a write could leave the root. */
async function throughLink(root: string, folder: string): Promise<boolean> {
  for (let dir = folder; dir.length > root.length && dir.startsWith(root); dir = path.dirname(dir)) {
    const stat = await fs.lstat(dir).catch(() => undefined);
    if (stat?.isSymbolicLink()) return true;
  }
  return false;
}

export const initCommand: CliCommand = {
  name: 'init',
  usage: ['init [folder]   create a workspace: counterpoint.yaml, actors/ and articles/ with an example of each note; never overwrites'],
  help: [
    'Creates the folder (the current one by default) if needed, and in it, each only where no file is yet:',
    '  counterpoint.yaml              the folders, perspectives and severities, with comments',
    '  actors/example-ministry.md     an example actor note',
    '  articles/example-article.md    an example article note holding one claim',
    'Then `counterpoint check <folder>` shows the example claim flagged for lacking a counter-source.',
    '',
    'Exit codes: 0 when every file was created or was already there; 2 when the folder cannot be written.',
  ],
  maxPositional: 1,
  async run({ positional }) {
    const root = path.resolve(positional[0] ?? '.');
    await fs.mkdir(root, { recursive: true });
    let created = 0;
    for (const file of newWorkspaceFiles()) {
      const target = path.join(root, ...file.path.split('/'));
      if (await throughLink(root, path.dirname(target))) {
        process.stdout.write(`skipped ${shown(target)}: its folder is a symbolic link\n`);
        continue;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        // `wx`: the file is created, or the write fails; an existing file is never replaced.
        await fs.writeFile(target, file.text, { flag: 'wx' });
        created++;
        process.stdout.write(`created ${shown(target)}\n`);
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
        process.stdout.write(`kept ${shown(target)}: it exists\n`);
      }
    }
    const where = shown(root) === root ? root : shown(root) || '.';
    process.stdout.write(created > 0
      ? `Created a Counterpoint workspace in ${where}. Next: counterpoint check ${JSON.stringify(where)}\n`
      : `Nothing to create: ${where} has every file already.\n`);
    return 0;
  },
};
