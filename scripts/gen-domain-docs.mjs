// Regenerates the generated sections of docs/catalog.md and docs/chat.md from the domain code.
// Run: npx tsx scripts/gen-domain-docs.mjs          (rewrites the sections)
//      npx tsx scripts/gen-domain-docs.mjs --check  (exits 1 if a section is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { transitionTableMarkdown } from '../src/catalog/index.ts';
import { botTransitionsMarkdown } from '../src/chat/index.ts';

/** Each generated section sits between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export const SECTIONS = [
  { file: 'docs/catalog.md', name: 'transition-table', render: transitionTableMarkdown },
  { file: 'docs/chat.md', name: 'bot-transitions', render: botTransitionsMarkdown },
];

export function replaceSection(text, name, body) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`markers for ${name} not found`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, name, render } of SECTIONS) {
  const text = readFileSync(file, 'utf8');
  const next = replaceSection(text, name, render());
  if (next === text) continue;
  stale++;
  if (check) console.error(`${file}: section ${name} is out of date; run npx tsx scripts/gen-domain-docs.mjs`);
  else writeFileSync(file, next);
}
if (check && stale > 0) process.exit(1);
