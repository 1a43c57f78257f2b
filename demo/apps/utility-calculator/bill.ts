/**
 * The bill arithmetic of the utility calculator: readings in thousandths of a unit and money in
 * kopecks, so every sum is an exact integer.
 */

export interface Tariff {
  id: string;
  name: { en: string; ru: string };
  unit: { en: string; ru: string };
  /** Kopecks per unit. */
  price: number;
}

/** The tariffs of the managing company (kopecks per kWh or m³). */
export const TARIFFS: readonly Tariff[] = [
  { id: 'electricity-day', name: { en: 'Electricity, day', ru: 'Электроэнергия, день' }, unit: { en: 'kWh', ru: 'кВт·ч' }, price: 765 },
  { id: 'electricity-night', name: { en: 'Electricity, night', ru: 'Электроэнергия, ночь' }, unit: { en: 'kWh', ru: 'кВт·ч' }, price: 313 },
  { id: 'cold-water', name: { en: 'Cold water', ru: 'Холодная вода' }, unit: { en: 'm³', ru: 'м³' }, price: 5_268 },
  { id: 'hot-water', name: { en: 'Hot water', ru: 'Горячая вода' }, unit: { en: 'm³', ru: 'м³' }, price: 26_646 },
];

/** A reading typed by the resident could not be read; `reason` names why, for the field's error. */
export class ReadingError extends Error {
  constructor(
    readonly reason: 'empty' | 'not-a-number' | 'negative' | 'too-precise' | 'too-large' | 'below-previous',
    message: string,
  ) {
    super(message);
    this.name = 'ReadingError';
  }
}

const MAX_READING = 99_999_999;

/** Reads "1 234,5" or "1234.567" as thousandths of a unit (1 234 500). */
export function parseReading(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') throw new ReadingError('empty', 'Type the reading');
  if (compact.startsWith('-')) throw new ReadingError('negative', 'A meter reading cannot be negative');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!match) throw new ReadingError('not-a-number', `“${text.slice(0, 20)}” is not a number`);
  const [, whole, fraction = ''] = match;
  if (fraction.length > 3) throw new ReadingError('too-precise', 'Use at most three digits after the decimal point');
  if (Number(whole) > MAX_READING) throw new ReadingError('too-large', 'A reading has at most eight digits before the decimal point');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
}

export interface BillLine {
  tariff: Tariff;
  /** Thousandths of a unit. */
  consumption: number;
  /** Kopecks, rounded half up. */
  cost: number;
}

/** The bill of one meter: the consumption between two readings times the tariff. */
export function billLine(tariff: Tariff, previous: number, current: number): BillLine {
  if (current < previous) throw new ReadingError('below-previous', 'The current reading is below the previous one');
  const consumption = current - previous;
  return { tariff, consumption, cost: Math.round((consumption * tariff.price) / 1000) };
}

/** The sum of the lines, in kopecks. */
export function billTotal(lines: readonly BillLine[]): number {
  return lines.reduce((sum, line) => sum + line.cost, 0);
}
