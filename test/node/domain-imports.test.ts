// Proves that the pure domains (src/catalog, src/chat, src/payments) import nothing but their own modules and
// src/protocol, and touch no DOM, clock or random source of their own.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FORBIDDEN_GLOBALS = new Set([
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest',
  'WebSocket', 'BroadcastChannel', 'location', 'setTimeout', 'setInterval', 'performance', 'crypto', 'process', 'require',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]);
}

function isNameOfProperty(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isParameter(parent)) && parent.name === node)
  );
}

/** Every problem in one source file: imports leaving the allowed folders, DOM globals, clock, randomness. */
function domainViolations(fileName: string, text: string, allowedDirs: readonly string[]): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const problems: string[] = [];
  const checkSpecifier = (specifier: string) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
      problems.push(`imports package ${specifier}`);
      return;
    }
    const target = resolve(dirname(fileName), specifier);
    if (!allowedDirs.some((dir) => target.startsWith(dir + sep))) problems.push(`imports ${relative(root, target)}`);
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkSpecifier(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) checkSpecifier(arg.text);
      else problems.push('imports a computed module name');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      checkSpecifier(node.argument.literal.text);
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !isNameOfProperty(node)) {
      problems.push(`uses global ${node.text}`);
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const call = `${node.expression.text}.${node.name.text}`;
      if (call === 'Date.now' || call === 'Math.random') problems.push(`uses ${call}`);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) {
      problems.push('reads the clock with new Date()');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

describe('pure domains: imports and globals', () => {
  const protocol = join(root, 'src', 'protocol');
  for (const domain of ['catalog', 'chat', 'payments']) {
    const dir = join(root, 'src', domain);
    const files = filesUnder(dir);
    it(`src/${domain} holds TypeScript files only`, () => {
      expect(files.length).to.be.greaterThan(0);
      for (const file of files) expect(file, relative(root, file)).to.match(/\.ts$/);
    });
    for (const file of files) {
      it(`${relative(root, file)} imports only src/${domain} and src/protocol and uses no DOM, clock or randomness`, () => {
        expect(domainViolations(file, readFileSync(file, 'utf8'), [dir, protocol])).to.deep.equal([]);
      });
    }
  }

  it('the check catches each kind of violation', () => {
    const file = join(root, 'src', 'chat', 'sample.ts');
    const sample = `
      import { html } from 'lit';
      import { readFileSync } from 'node:fs';
      import type { Host } from '../host/index.ts';
      export * from '../backend/routes.ts';
      import { ErrorCode } from '../protocol/index.ts';
      import { x } from './own.ts';
      const a = window.innerWidth + document.title.length;
      const b = Date.now() + Math.random();
      const c = new Date();
      fetch('/api');
      const ok = { document: 1 }.document;
      type T = import('../sdk/index.ts').Sdk;
    `;
    expect(domainViolations(file, sample, [join(root, 'src', 'chat'), join(root, 'src', 'protocol')])).to.deep.equal([
      'imports package lit',
      'imports package node:fs',
      `imports ${join('src', 'host', 'index.ts')}`,
      `imports ${join('src', 'backend', 'routes.ts')}`,
      'uses global window',
      'uses global document',
      'uses Date.now',
      'uses Math.random',
      'reads the clock with new Date()',
      'uses global fetch',
      `imports ${join('src', 'sdk', 'index.ts')}`,
    ]);
  });
});
