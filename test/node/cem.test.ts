import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string; description?: string }>;
}
interface Manifest {
  modules: Array<{ path: string; declarations?: Declaration[] }>;
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.css.ts') ? [path] : [];
  });
}

/** Every `ma-*` tag the kit defines, with the file that defines it. */
function definedTags(): Map<string, string> {
  const tags = new Map<string, string>();
  const pattern = /(?:@customElement\(|customElements\.define\()\s*['"](ma-[a-z0-9-]+)['"]/g;
  for (const file of sources(join(root, 'ui-kit'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) tags.set(match[1]!, relative(root, file));
  }
  return tags;
}

function tagsIn(manifest: Manifest): Map<string, Declaration> {
  return new Map(
    manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]),
  );
}

describe('custom elements manifest', () => {
  const defined = definedTags();
  let fresh: Manifest;

  before(function () {
    this.timeout(60000);
    // The analyzer resolves --outdir against the working directory: pass it relative.
    const outdir = mkdtempSync(join(tmpdir(), 'ma-cem-'));
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, outdir)],
        { cwd: root, stdio: 'pipe' },
      );
      fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8')) as Manifest;
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('finds the kit elements in the sources', () => {
    expect(defined.size).to.be.at.least(30);
    expect(defined.has('ma-button')).to.equal(true);
  });

  it('the analyzer config covers every ma-* element the kit defines', () => {
    const tags = tagsIn(fresh);
    const missing = [...defined].filter(([tag]) => !tags.has(tag)).map(([tag, file]) => `${tag} (${file})`);
    expect(missing, 'elements missing from a fresh manifest').to.deep.equal([]);
  });

  it('the committed custom-elements.json lists every ma-* element (run npm run cem)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
    const tags = tagsIn(committed);
    const missing = [...defined.keys()].filter((tag) => !tags.has(tag));
    expect(missing, 'elements missing from custom-elements.json').to.deep.equal([]);
  });

  it('the committed custom-elements.json is what the analyzer writes from the sources (run npm run cem)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
    expect(committed).to.deep.equal(fresh);
  });

  it('lists no attribute for internal state ({ state: true } in static properties)', () => {
    const stateFields = new Set(
      sources(join(root, 'ui-kit')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\s*(\w+): \{ state: true \}/gm)].map((match) => match[1]!)),
    );
    expect([...stateFields]).to.include.members(['touched', 'shownError', 'focused']);
    const leaked = [...tagsIn(fresh)].flatMap(([tag, declaration]) =>
      (declaration.attributes ?? []).filter((attribute) => stateFields.has(attribute.name)).map((attribute) => `${tag} ${attribute.name}`),
    );
    expect(leaked).to.deep.equal([]);
    const input = tagsIn(fresh).get('ma-input')?.attributes?.map((attribute) => attribute.name);
    expect(input).to.include.members(['name', 'helper-text', 'value', 'clearable']);
  });

  it('documents public attributes from JSDoc', () => {
    const button = tagsIn(fresh).get('ma-button');
    const mode = button?.attributes?.find((attribute) => attribute.name === 'mode');
    expect(mode?.description).to.match(/primary/);
  });
});
