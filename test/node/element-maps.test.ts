import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Users' `document.createElement('ma-button')` and `addEventListener('miniapp-call', …)` are typed
// only through the global maps: every element the package defines and every event it fires must be
// declared there, by the module that defines or fires it or by one it imports.
const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.css.ts') ? [path] : [];
  });
}

/** The names a file declares in `interface <map> { 'name': … }` inside `declare global`. */
function declared(text: string, map: 'HTMLElementTagNameMap' | 'HTMLElementEventMap'): Set<string> {
  const names = new Set<string>();
  const global = text.slice(text.indexOf('declare global'));
  if (!text.includes('declare global')) return names;
  for (const block of global.matchAll(new RegExp(`interface ${map}\\b[^{]*\\{([^}]*)\\}`, 'g'))) {
    for (const entry of block[1]!.matchAll(/['"]([a-z][a-z0-9-]*)['"]\s*:/g)) names.add(entry[1]!);
  }
  return names;
}

/** The file itself and the relative modules it imports (values or types). */
function withImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const imported = [...text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+\.ts)['"]/g)].map((m) => resolve(dirname(file), m[1]!));
  return [file, ...imported];
}

const files = [...sources(join(root, 'ui-kit')), ...sources(join(root, 'src/host'))];
const defines = /(?:@customElement\(|customElements\.define\()\s*['"]((?:ma|miniapp)-[a-z0-9-]+)['"]/g;
const fires = /(?:new CustomEvent(?:<[^>]*>)?\(|#forward\()\s*['"]((?:ma|miniapp)-[a-z0-9-]+)['"]/g;

describe('the global element and event maps', () => {
  const found = { tags: 0, events: 0 };

  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const tags = [...new Set([...text.matchAll(defines)].map((m) => m[1]!))];
    const events = [...new Set([...text.matchAll(fires)].map((m) => m[1]!))];
    if (!tags.length && !events.length) continue;
    found.tags += tags.length;
    found.events += events.length;
    const reachable = withImports(file).map((path) => readFileSync(path, 'utf8'));

    it(`${relative(root, file)}: its elements are in HTMLElementTagNameMap, its events in HTMLElementEventMap`, () => {
      const tagMap = new Set(reachable.flatMap((source) => [...declared(source, 'HTMLElementTagNameMap')]));
      const eventMap = new Set(reachable.flatMap((source) => [...declared(source, 'HTMLElementEventMap')]));
      expect(tags.filter((tag) => !tagMap.has(tag)), 'elements missing from HTMLElementTagNameMap').to.deep.equal([]);
      expect(events.filter((event) => !eventMap.has(event)), 'events missing from HTMLElementEventMap').to.deep.equal([]);
    });
  }

  it('finds the kit, the frame and their events (the scan itself works)', () => {
    expect(found.tags).to.be.greaterThan(40);
    expect(found.events).to.be.greaterThan(15);
  });
});
