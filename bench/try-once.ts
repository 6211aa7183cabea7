import * as path from 'node:path';
import { ensureWorkspace } from './generate';
import { runCounterpoint } from './counterpointRun';
async function main() {
  const n = Number(process.argv[2] ?? 1000);
  const root = path.resolve(__dirname, '..', '..', 'bench', 'workspaces', `n${n}`);
  const manifest = ensureWorkspace(root, n, console.log);
  const result = await runCounterpoint(root, manifest, path.resolve(__dirname, '..', '..', 'dist', 'server.js'), process.env.PROF);
  console.log(JSON.stringify(result, null, 1));
}
main().catch((e) => { console.error(e); process.exit(1); });
