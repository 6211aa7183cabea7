// The server's sources as the TypeScript compiler reads them: what the structure tests (layers, imports, module
// state) look at.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** The repository root, from out/test/helpers/sources.js. */
export const REPO = path.resolve(__dirname, '../../..');
export const SERVER_SOURCES = path.join(REPO, 'server/src');

/** Every .ts file under a folder, as paths relative to it with `/`, sorted. */
export function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) found.push(path.relative(folder, full).split(path.sep).join('/'));
    }
  };
  walk(folder);
  return found.sort();
}

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The relative module specifiers a file imports or re-exports (type-only ones included). */
export function relativeImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ? statement.moduleSpecifier : undefined;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) specifiers.push(specifier.text);
  }
  return specifiers;
}

/** The file a relative import of `from` names (relative to `root`, `.ts` added), or undefined when it is outside. */
export function resolveImport(root: string, from: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(path.join(root, from)), specifier);
  for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) {
    if (fs.existsSync(candidate)) return path.relative(root, candidate).split(path.sep).join('/');
  }
  return undefined;
}
