import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// package.json against the sources it ships (tsconfig.build.json): an export per kit component,
// `sideEffects` naming exactly the modules that define elements, `dependencies` exactly what the
// shipped modules import. The packaging check (scripts/pack-check.mjs) then proves the tarball.
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const buildConfig = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));

/** dist/x/y.js → x/y.ts */
const sourceOf = (distPath: string) => distPath.replace(/^\.\/dist\//, '').replace(/\.d\.ts$|\.js$/, '.ts');

/** Every module the build compiles: the entries and what they import, relatively. */
function shippedModules(): Map<string, string> {
  const modules = new Map<string, string>();
  const queue: string[] = buildConfig.files.map((file: string) => join(root, file));
  while (queue.length) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    modules.set(file, text);
    for (const match of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+\.ts)['"]/g)) queue.push(resolve(dirname(file), match[1]!));
  }
  return modules;
}

describe('package.json', () => {
  const modules = shippedModules();

  it('exports every entry to a built module whose source the build compiles', () => {
    const missing = Object.entries(pkg.exports as Record<string, string | { types: string; default: string }>)
      .flatMap(([subpath, target]) => (typeof target === 'string' ? [] : [[subpath, sourceOf(target.default)] as const]))
      .filter(([, source]) => !modules.has(join(root, source)))
      .map(([subpath, source]) => `${subpath} → ${source}`);
    expect(missing).to.deep.equal([]);
  });

  it('has one ./ui-kit/<name> export per component folder', () => {
    const folders = readdirSync(join(root, 'ui-kit/components'));
    const missing = folders.filter((name) => pkg.exports[`./ui-kit/${name}`]?.default !== `./dist/ui-kit/components/${name}/${name}.js`);
    expect(missing).to.deep.equal([]);
    expect(folders.length).to.be.greaterThan(30);
  });

  it('lists as sideEffects exactly the modules that define elements, and the stylesheet', () => {
    const defining = [...modules]
      .filter(([, text]) => /@customElement\(|customElements\.define\(/.test(text))
      .map(([file]) => `./dist/${relative(root, file).replace(/\.ts$/, '.js')}`);
    // Entries that import defining modules for that effect (`import 'miniapps/host'`).
    const entries = ['./dist/src/host/index.js', './dist/ui-kit/index.js', './dist/ui-kit/forms.js', './dist/ui-kit/overlays.js'];
    expect([...pkg.sideEffects].sort()).to.deep.equal([...defining, ...entries, './dist/ui-kit/tokens/tokens.css'].sort());
  });

  it('depends on exactly the packages the shipped modules import (hono as an optional peer)', () => {
    const imported = new Set<string>();
    for (const text of modules.values()) {
      for (const match of text.matchAll(/(?:from|import)\s+['"]([^'".][^'"]*)['"]/g)) {
        const name = match[1]!.startsWith('@') ? match[1]!.split('/').slice(0, 2).join('/') : match[1]!.split('/')[0]!;
        if (!name.startsWith('node:')) imported.add(name);
      }
    }
    const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
    expect(declared.sort()).to.deep.equal([...imported].sort());
    expect(pkg.peerDependenciesMeta?.hono?.optional).to.equal(true);
  });

  it('ships only dist (with the custom-elements.json of the kit), the docs of what it ships and the licence', () => {
    expect(pkg.files).to.deep.equal(['dist', 'docs/backend.md', 'docs/bridge.md', 'docs/catalog.md', 'docs/chat.md', 'docs/manifest.md', 'docs/partner-backend.md', 'docs/server.md']);
    expect(pkg.customElements).to.equal('./dist/custom-elements.json');
    expect(existsSync(join(root, 'LICENSE'))).to.equal(true);
    expect(pkg.scripts.prepack).to.equal('node scripts/build.mjs');
  });
});
