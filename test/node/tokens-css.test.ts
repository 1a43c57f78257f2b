import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = join(root, 'scripts/build-tokens.mjs');

function build(...args: string[]): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ma-tokens-'));
  execFileSync(process.execPath, [script, '--out-dir', outDir, ...args], { stdio: 'pipe' });
  return outDir;
}

describe('tokens.css build', () => {
  it('rebuilding from tokens.ts gives exactly the committed tokens.css and tokens.css.ts', () => {
    const outDir = build();
    try {
      for (const file of ['tokens.css', 'tokens.css.ts']) {
        const rebuilt = readFileSync(join(outDir, file), 'utf8');
        const committed = readFileSync(join(root, 'ui-kit/tokens', file), 'utf8');
        expect(rebuilt, `${file} is out of date: run node scripts/build-tokens.mjs`).to.equal(committed);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('declares every contract token', () => {
    const css = readFileSync(join(root, 'ui-kit/tokens/tokens.css'), 'utf8');
    for (const name of ['--ma-color-brand', '--ma-color-on-brand', '--ma-color-focus', '--ma-font-size-title1',
      '--ma-line-height-footnote', '--ma-space-2xl', '--ma-radius-pill', '--ma-shadow-3', '--ma-duration-base',
      '--ma-easing-standard', '--ma-focus-ring', '--ma-control-height-l']) {
      expect(css).to.match(new RegExp(`${name}:`));
    }
    expect(css).to.match(/@media \(prefers-reduced-motion: reduce\)[^}]*--ma-duration-fast: 0ms/);
  });

  it('builds a re-branded tokens.css in one file with --brand', () => {
    const outDir = build('--brand', '#ffcc00');
    try {
      const css = readFileSync(join(outDir, 'tokens.css'), 'utf8');
      expect(css).to.contain('--ma-color-brand: #ffcc00;');
      expect(css).to.contain('--ma-color-on-brand: #111214;');
      expect(css).not.to.contain('--ma-color-brand: #0a6ad6;');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
