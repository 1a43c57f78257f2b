import { expect } from 'chai';
import { billsOn, eventsOn } from '../../demo/shell/host-data.ts';
import { formatDate } from '../../demo/shell/texts.ts';

/** Days from `from` to the local calendar day an ISO date (or date-time) names. */
const daysUntil = (from: Date, iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Math.round((new Date(year, month - 1, day).getTime() - new Date(from.getFullYear(), from.getMonth(), from.getDate()).getTime()) / 86_400_000);
};

describe('the demo host’s bills and events follow the calendar', () => {
  it('on 4 December: November unpaid, due on the 10th; October paid; the parking space for Q3', () => {
    const bills = billsOn(new Date(2026, 11, 4));
    expect(bills.map(({ id, period, dueDate, paid }) => ({ id, period, dueDate, paid }))).to.deep.equal([
      { id: 'b-2026-11', period: { en: 'November 2026', ru: 'Ноябрь 2026' }, dueDate: '2026-12-10', paid: false },
      { id: 'b-2026-10', period: { en: 'October 2026', ru: 'Октябрь 2026' }, dueDate: '2026-11-10', paid: true },
      { id: 'b-parking-2026-q3', period: { en: 'Q3 2026', ru: '3 квартал 2026' }, dueDate: '2026-09-30', paid: true },
    ]);
  });

  it('after the 10th the unpaid bill is the next one, across a year end, and an ended quarter moves on', () => {
    expect(billsOn(new Date(2026, 11, 15)).map((bill) => bill.id)).to.deep.equal(['b-2026-12', 'b-2026-11', 'b-parking-2026-q3']);
    expect(billsOn(new Date(2027, 0, 20)).map((bill) => [bill.id, bill.dueDate])).to.deep.equal([
      ['b-2027-01', '2027-02-10'],
      ['b-2026-12', '2027-01-10'],
      ['b-parking-2026-q4', '2026-12-31'],
    ]);
  });

  it('on any day of a year: the unpaid bill is due within 40 days, never in the past; paid ones lie behind; events are in the next three weeks', () => {
    for (let day = 0; day < 366; day++) {
      const today = new Date(2027, 0, 1 + day);
      const [due, ...paid] = billsOn(today);
      expect(daysUntil(today, due!.dueDate), `${today.toDateString()}: the unpaid bill`).to.be.within(0, 40);
      for (const bill of paid) expect(daysUntil(today, bill.dueDate), `${today.toDateString()}: ${bill.id}`).to.be.below(0);
      const events = eventsOn(today);
      expect(events.map((event) => event.id).sort()).to.deep.equal(['e-42', 'e-43', 'e-44']);
      expect(events.map((event) => Date.parse(event.startsAt)), 'soonest first').to.deep.equal(events.map((event) => Date.parse(event.startsAt)).sort((a, b) => a - b));
      for (const event of events) expect(daysUntil(today, event.startsAt), `${today.toDateString()}: ${event.id}`).to.be.within(1, 21);
    }
  });

  it('writes dates on the house’s clock, whatever the browser’s zone', () => {
    expect(formatDate('en', '2026-12-05T11:00:00+03:00', true)).to.equal('Dec 5, 2026, 11:00 AM');
    expect(formatDate('ru', '2026-12-05T11:00:00+03:00', true)).to.equal('5 дек. 2026 г., 11:00');
    expect(formatDate('en', '2026-12-10')).to.equal('Dec 10, 2026');
  });
});
