import { expect } from 'chai';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The functions a launch runs are parenthesized function expressions, so V8 compiles them with the
// SDK's module instead of at their first call (see `open` in src/sdk/session.ts). The parentheses
// must survive what turns the sources into what apps load: tsc (dist/) and a minifying bundler.
const root = fileURLToPath(new URL('../..', import.meta.url));
const launchPath: Array<[file: string, names: string[]]> = [
  ['src/sdk/index.ts', ['connect', 'ready', 'start']],
  ['src/sdk/launch.ts', ['readLaunch']],
  ['src/sdk/session.ts', ['open']],
];

describe('SDK launch path', () => {
  it('is parenthesized in the sources and stays so in what tsc emits', () => {
    for (const [file, names] of launchPath) {
      const source = readFileSync(`${root}/${file}`, 'utf8');
      const emitted = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
      for (const name of names) {
        expect(emitted, `${file}: ${name}`).to.match(new RegExp(`const ${name} = \\(function ${name}\\(`));
      }
    }
  });

  it('keeps its parentheses through a minifying bundle of the SDK', async () => {
    const result = await build({ entryPoints: [`${root}/src/sdk/index.ts`], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]!.text;
    const parenthesized = code.match(/=\(function\(/g) ?? [];
    expect(parenthesized.length).to.be.at.least(5);
  });
});
