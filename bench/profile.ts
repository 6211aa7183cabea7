// Reads a V8 .cpuprofile (from `--profile`, which starts the server with --cpu-prof) and prints where the time went:
// self time per function, and the inclusive time of every function below a given one (e.g. `--under indexAll`).
//   node out/bench/profile.js bench/results/profiles/<run>/<file>.cpuprofile [--under indexAll] [--top 30]
import * as fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  ms: number;
  name: string;
}

export function summarizeProfile(file: string, options: { under?: string; top?: number } = {}): { selfTotalMs: number; self: ProfileLine[]; under?: { ms: number; inclusive: ProfileLine[] } } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const top = options.top ?? 25;

  const selfByName = new Map<string, number>();
  for (const [id, us] of selfUs) add(selfByName, label(byId.get(id)!), us);
  const selfTotal = [...selfUs.values()].reduce((a, b) => a + b, 0);

  let under: { ms: number; inclusive: ProfileLine[] } | undefined;
  if (options.under) {
    // Inclusive time per function within the subtrees rooted at the named function (each subtree counted once).
    const inclusive = new Map<string, number>();
    let rootTotal = 0;
    const visit = (node: ProfileNode, onStack: Set<string>): number => {
      let total = selfUs.get(node.id) ?? 0;
      const name = label(node);
      const fresh = !onStack.has(name);
      if (fresh) onStack.add(name);
      for (const child of node.children ?? []) total += visit(byId.get(child)!, onStack);
      if (fresh) {
        onStack.delete(name);
        add(inclusive, name, total);
      }
      return total;
    };
    const roots: ProfileNode[] = [];
    const findRoots = (node: ProfileNode) => {
      if (node.callFrame.functionName === options.under) roots.push(node);
      else for (const child of node.children ?? []) findRoots(byId.get(child)!);
    };
    findRoots(profile.nodes[0]);
    for (const root of roots) rootTotal += visit(root, new Set());
    under = { ms: rootTotal / 1000, inclusive: sorted(inclusive).slice(0, top) };
  }
  return { selfTotalMs: selfTotal / 1000, self: sorted(selfByName).slice(0, top), under };
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.split('/').slice(-2).join('/') : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us);
}

function sorted(map: Map<string, number>): ProfileLine[] {
  return [...map].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 }));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const optionValue = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const file = args.find((a, i) => !a.startsWith('--') && !['--under', '--top'].includes(args[i - 1]));
  if (!file) {
    console.error('usage: node out/bench/profile.js <file.cpuprofile> [--under functionName] [--top 25]');
    process.exit(2);
  }
  const under = optionValue('--under');
  const top = Number(optionValue('--top') ?? 25);
  const summary = summarizeProfile(file, { under, top });
  console.log(`self time, ${summary.selfTotalMs.toFixed(0)} ms sampled:`);
  for (const line of summary.self) console.log(`${line.ms.toFixed(1).padStart(9)}  ${line.name}`);
  if (summary.under) {
    console.log(`\ninclusive time below ${under} (${summary.under.ms.toFixed(0)} ms):`);
    for (const line of summary.under.inclusive) console.log(`${line.ms.toFixed(1).padStart(9)}  ${line.name}`);
  }
}
