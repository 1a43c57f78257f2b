/** The 15 catalog categories, by stable id; labels are for display. */
export const CATEGORY_LABELS = {
  lifestyle: 'Lifestyle',
  'food-and-drinks': 'Food & drinks',
  entertainment: 'Entertainment',
  business: 'Business',
  communication: 'Communication',
  travel: 'Travel',
  transport: 'Transport',
  'real-estate': 'Real estate',
  education: 'Education',
  events: 'Events',
  tools: 'Tools',
  'bill-payments': 'Bill payments',
  social: 'Social',
  games: 'Games',
  other: 'Other',
} as const;

export type Category = keyof typeof CATEGORY_LABELS;

export const ALL_CATEGORIES = Object.keys(CATEGORY_LABELS) as readonly Category[];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && Object.hasOwn(CATEGORY_LABELS, value);
}
