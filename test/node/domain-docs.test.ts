// The generated sections of docs/catalog.md and docs/chat.md must match the code they describe.
// Fix a failure with: npx tsx scripts/gen-domain-docs.mjs
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRANSITIONS, transitionTableMarkdown } from '../../src/catalog/index.ts';
import { BOT_TRANSITIONS, botTransitionsMarkdown } from '../../src/chat/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function generatedSection(file: string, name: string): string {
  const text = readFileSync(resolve(root, file), 'utf8');
  const match = new RegExp(`<!-- generated:${name} -->\\n([\\s\\S]*?)\\n<!-- /generated:${name} -->`).exec(text);
  if (!match) throw new Error(`${file} has no generated section ${name}`);
  return match[1]!;
}

describe('domain docs do not drift from the code', () => {
  it('docs/catalog.md shows the transition table of the code, one row per move', () => {
    const section = generatedSection('docs/catalog.md', 'transition-table');
    expect(section).to.equal(transitionTableMarkdown());
    expect(section.split('\n').filter((line) => line.startsWith('| `'))).to.have.length(TRANSITIONS.length);
  });

  it('docs/chat.md shows the bot transitions of the code, one row per move', () => {
    const section = generatedSection('docs/chat.md', 'bot-transitions');
    expect(section).to.equal(botTransitionsMarkdown());
    expect(section.split('\n').filter((line) => line.startsWith('| `'))).to.have.length(BOT_TRANSITIONS.length);
  });
});
