import { buildClaimMatrix, renderMatrixMarkdown, renderMatrixText } from '../core';
import type { CliCommand } from './command';
import { loadFolder } from './workspace';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: ['report [folder] [--format text|markdown|json]   print the claim matrix: claims against outlets, by perspective'],
  formats: ['text', 'markdown', 'json'],
  maxPositional: 1,
  async run({ positional, format }) {
    const { workspace } = await loadFolder(positional[0] ?? '.');
    const matrix = buildClaimMatrix(workspace);
    if (format === 'json') process.stdout.write(`${JSON.stringify(matrix, null, 2)}\n`);
    else if (format === 'markdown') process.stdout.write(renderMatrixMarkdown(matrix, (t) => t.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`)));
    else process.stdout.write(renderMatrixText(matrix));
    return 0;
  },
};
