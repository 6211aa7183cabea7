// The floor for any server that reads a workspace and parses its notes' frontmatter with gray-matter: find every
// note, read it, `matter(text)`. Run in a fresh process (`node out/bench/floor.js <root>`), so that its time from
// spawn to done compares with a server's time from spawn to indexed. Prints one JSON line.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface FloorRun {
  /** Spawn of the process → every note read and its frontmatter parsed. */
  ms: number;
  /** The same, measured inside the process (without Node's own start-up). */
  insideMs: number;
  /** CPU time of the whole process (user + system). */
  cpuMs: number;
  /** Of `insideMs`, the time spent reading files (readdir and readFile), without gray-matter. */
  readMs: number;
  notes: number;
  peakMb: number;
}

/** Runs the floor in a child process and times it from spawn. */
export function runFloor(root: string): Promise<FloorRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [__filename, root], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) {
        const ms = performance.now() - started;
        const inside = JSON.parse(out) as Omit<FloorRun, 'ms'>;
        resolve({ ...inside, ms });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`floor exited with ${code}`));
    });
  });
}

function readEverything(root: string): { notes: number; readMs: number } {
  const matter = require('gray-matter') as (text: string) => { data: unknown };
  const pending = [root];
  let notes = 0;
  let readMs = 0;
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const listed = performance.now();
    const entries = fs.readdirSync(folder, { withFileTypes: true });
    readMs += performance.now() - listed;
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(full);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        const reading = performance.now();
        const text = fs.readFileSync(full, 'utf8');
        readMs += performance.now() - reading;
        matter(text);
        notes++;
      }
    }
  }
  return { notes, readMs };
}

if (require.main === module) {
  const started = performance.now();
  const { notes, readMs } = readEverything(process.argv[2]);
  const insideMs = performance.now() - started;
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const peakMb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ insideMs, cpuMs, readMs, notes, peakMb })}\n`);
}
