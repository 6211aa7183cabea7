import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeImport, hasFrontmatter, importArticle } from '../import/importArticle';
import { readNote } from '../node/files';
import type { CliCommand } from './command';
import { UsageError, loadFolder } from './workspace';
import { plural } from '../render/plural';

const RAW_TEXT = /\.(txt|text|md|markdown)$/i;

/** The files to import: the one given, or the raw texts directly in the folder given, in name order. */
async function inputFiles(input: string): Promise<string[]> {
  const stat = await fs.stat(input).catch(() => undefined);
  if (!stat) throw new UsageError(`${input} does not exist.`);
  if (!stat.isDirectory()) return [input];
  const entries = await fs.readdir(input, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && RAW_TEXT.test(e.name)).map((e) => path.join(input, e.name)).sort();
}

function shown(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: ['import <file or folder> [--out folder]   turn raw article texts (.txt, or .md without frontmatter) into article notes in the folder\'s articles/; never overwrites'],
  options: ['out'],
  maxPositional: 1,
  async run({ positional, options }) {
    const input = positional[0];
    if (!input) throw new UsageError('import needs a raw article text, or a folder of them.');
    const files = await inputFiles(input);
    if (files.length === 0) throw new UsageError(`${input} has no .txt or .md files to import.`);
    const out = path.resolve(options.out ?? '.');
    await fs.mkdir(out, { recursive: true });
    // The workspace that holds the folder (or the folder itself): the note goes into its article folder.
    const { workspace, root } = await loadFolder(out);
    let written = 0;
    let failed = 0;
    for (const file of files) {
      const read = await readNote(file);
      if ('skipped' in read) {
        process.stderr.write(`skipped ${shown(file)}: ${read.skipped}\n`);
        failed++;
        continue;
      }
      if (hasFrontmatter(read.text)) {
        process.stderr.write(`skipped ${shown(file)}: it has frontmatter, so it is a note already\n`);
        failed++;
        continue;
      }
      const imported = importArticle(read.text, workspace, { source: path.basename(file) });
      const target = path.join(root, ...imported.path.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      try {
        // `wx`: the file is created, or the write fails; an existing note is never replaced, even one written meanwhile.
        await fs.writeFile(target, imported.markdown, { flag: 'wx' });
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
        process.stderr.write(`refused ${shown(target)}: it exists, and import never overwrites a note (${shown(file)} was not imported)\n`);
        failed++;
        continue;
      }
      written++;
      process.stdout.write(`wrote ${shown(target)} from ${shown(file)}: ${plural(imported.hints.length, 'hint')} (${describeImport(imported)})\n`);
    }
    process.stdout.write(`${plural(written, 'note')} written${failed > 0 ? `, ${failed} not` : ''}.\n`);
    return failed > 0 ? 1 : 0;
  },
};
