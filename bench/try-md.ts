import * as path from 'node:path';
import { ensureWorkspace } from './generate';
import { ensureMarkdownServer, runMarkdownServer } from './markdownServerRun';
async function main() {
  const n = Number(process.argv[2] ?? 1000);
  const bench = path.resolve(__dirname, '..', '..', 'bench');
  const root = path.join(bench, 'workspaces', `n${n}`);
  const manifest = ensureWorkspace(root, n, console.log);
  const install = ensureMarkdownServer(path.join(bench, '.cache', 'mdls'), console.log);
  const result = await runMarkdownServer(root, manifest, install);
  console.log(JSON.stringify(result));
}
main().catch((e) => { console.error(e); process.exit(1); });
