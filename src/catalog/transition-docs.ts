import { STATUS_LABELS } from './statuses.ts';
import { TRANSITIONS } from './transition-table.ts';

const REVIEW_LABELS = { 'not-reviewed': 'before the first passed review', reviewed: 'after a passed review', any: 'any' } as const;

/** The transition table as a Markdown table, for docs/catalog.md (kept in sync by a test). */
export function transitionTableMarkdown(): string {
  const lines = ['| action | from | role | review | to |', '|---|---|---|---|---|'];
  for (const t of TRANSITIONS) {
    lines.push(`| \`${t.action}\` | ${STATUS_LABELS[t.from]} | ${t.role} | ${REVIEW_LABELS[t.review]} | ${STATUS_LABELS[t.to]} |`);
  }
  return lines.join('\n');
}
