// No module-level mutable state in the server: every cache belongs to the workspace model (or a service it owns), is
// keyed by what it depends on, and goes with it. The compiler's syntax tree of each file says where a top-level
// binding is reassignable or a top-level container is changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as ts from 'typescript';
import { SERVER_SOURCES, parse, sourceFiles } from '../helpers/sources';

/** Top-level state that stays, and why. Each entry is `file: name`. */
const EXCEPTIONS: Record<string, string> = {
  'features/hover.ts: summaryCache': 'to be removed: the actor summaries are about to be kept by the model, always current',
  // Tables of a pure function of a UTF-16 code unit (its Unicode class), filled in as units are met: the same for
  // every workspace and every note, and 64 KB at most.
  'model/aliases.ts: bmpWordCache': 'a lookup table of Unicode word characters, filled lazily',
  'analysis/aliasDiscovery.ts: bmpClass': 'a lookup table of Unicode letter classes, filled lazily',
  'analysis/importHints.ts: bmpClasses': 'a lookup table of Unicode word classes, filled lazily',
};

/** Methods that change the object they are called on. */
const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

/** Where a file keeps state between calls: reassignable top-level bindings, and top-level objects it changes. */
function moduleState(file: string): string[] {
  const source = parse(path.join(SERVER_SOURCES, file));
  const constants = new Set<string>();
  const found = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      if (isConst) constants.add(declaration.name.text);
      else found.add(`${declaration.name.text} (a top-level let)`);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && constants.has(node.text) && changes(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found].sort();
}

/** Whether an expression changes the object the identifier names: a mutating call, or an assignment to a part of it. */
function changes(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier) {
    if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent && MUTATORS.has(parent.name.text)) return true;
    return isAssigned(parent);
  }
  if (ts.isElementAccessExpression(parent) && parent.expression === identifier) return isAssigned(parent);
  return false;
}

function isAssigned(target: ts.Expression): boolean {
  const parent = target.parent;
  if (ts.isBinaryExpression(parent) && parent.left === target) {
    return parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  }
  return (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent))
    && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken);
}

test('no module of the server keeps state at its top level, but the listed exceptions', () => {
  const found: string[] = [];
  for (const file of sourceFiles(SERVER_SOURCES)) {
    for (const name of moduleState(file)) {
      const key = `${file}: ${name.replace(/ \(.*\)$/, '')}`;
      if (!(key in EXCEPTIONS)) found.push(`${file}: ${name}`);
    }
  }
  assert.deepEqual(found, [], 'module-level mutable state: move it into the workspace model (model/derived.ts) or list it with a reason');
});

test('the scan finds what it looks for', () => {
  const source = ts.createSourceFile('x.ts', 'let a = 1; const m = new Map(); const n = new Map(); const o = {}; function f() { m.set(1, 2); o.x = 1; n.get(1); }', ts.ScriptTarget.ES2022, true);
  const names: string[] = [];
  const constants = new Set(['m', 'n', 'o']);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && constants.has(node.text) && changes(node)) names.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.deepEqual(names, ['m', 'o']);
});

test('every exception still exists (a removed one leaves the list)', () => {
  for (const key of Object.keys(EXCEPTIONS)) {
    const [file, name] = key.split(': ');
    assert.ok(moduleState(file).some((found) => found.replace(/ \(.*\)$/, '') === name), `${key} is no longer module state: drop it from EXCEPTIONS`);
  }
});
